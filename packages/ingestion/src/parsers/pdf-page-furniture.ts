import type { PdfLine } from './pdf-layout.ts';

/** The lines of one PDF page and the page's height in PDF units. */
export interface PageLines {
  height: number;
  lines: PdfLine[];
}

const MARGIN = 0.08;
const PAGE_NUMBER = /^(?:page\s+)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

function inMargin(line: PdfLine, height: number): boolean {
  return height > 0 && (line.y > height * (1 - MARGIN) || line.y < height * MARGIN);
}

/** The text with its page number (arabic or roman, at either end) and other digits blanked. */
function signature(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[ivxlc]+\b|\b[ivxlc]+$/g, '#')
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ');
}

/**
 * Drops running headers and footers in place: lines in the top or bottom 8 % of a page that are a
 * bare page number, or whose text (page numbers and digits ignored) recurs in the margins of at least
 * 20 % of the pages of a document of three pages or more.
 */
export function removePageFurniture(pages: readonly PageLines[]): void {
  const recurring = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set(
      page.lines.filter((line) => inMargin(line, page.height)).map((line) => signature(line.text)),
    );
    for (const key of seen) {
      recurring.set(key, (recurring.get(key) ?? 0) + 1);
    }
  }
  // Running heads alternate between odd and even pages and skip chapter openings: a fifth is enough.
  const threshold = Math.max(2, Math.ceil(pages.length * 0.2));
  for (const page of pages) {
    page.lines = page.lines.filter((line) => {
      if (!inMargin(line, page.height)) {
        return true;
      }
      const repeated = pages.length >= 3 && (recurring.get(signature(line.text)) ?? 0) >= threshold;
      return !repeated && !PAGE_NUMBER.test(line.text);
    });
  }
}
