import type { DocumentBlock } from '../document-model.ts';

/** One positioned run of text from a PDF page's text layer (PDF user space, origin bottom-left). */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** Right-to-left script run (pdf.js `dir`). */
  rtl: boolean;
}

/** A line of text assembled from items sharing a baseline. */
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  fontSize: number;
}

const BULLET = /^(?:[•◦▪▫●○■□◆◇►▸‣⁃∙·*–\-\uf000-\uf0ff]|\(?\d{1,3}[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)])\s+/i;
const SYMBOL_BULLET = /^[•◦▪▫●○■□◆◇►▸‣⁃∙·*–\-\uf000-\uf0ff]\s+/;
/** Symbol-font glyphs mapped to the private use area: bullets and dingbats, never words. */
const PRIVATE_USE = /[\ue000-\uf8ff]/g;

function dominantSize(items: readonly { text: string; fontSize: number }[]): number {
  const weights = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.fontSize * 2) / 2;
    weights.set(size, (weights.get(size) ?? 0) + item.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

/** Whether a space separates `next` from `previous` on the same line (runs carry no spaces of their own). */
function spaceBetween(previous: PdfTextItem, next: PdfTextItem): boolean {
  const em = Math.max(previous.fontSize, next.fontSize, 1);
  const forward = next.x - (previous.x + previous.width);
  const backward = previous.x - (next.x + next.width);
  if (previous.rtl && next.rtl) {
    return backward > em * 0.15 || forward > em * 0.15;
  }
  if (previous.rtl !== next.rtl) {
    return true;
  }
  // A jump back to the left is a new column or row of a table; a change of size is a superscript.
  const resized = Math.abs(previous.fontSize - next.fontSize) > em * 0.2;
  return forward > em * 0.15 || forward < -em * 0.5 || resized;
}

/** pdf.js reverses the two letters of a lam-alef ligature after the article "ال": restore them. */
function repairArabicLigatures(text: string): string {
  return text.replace(/\u0627([\u0627\u0622\u0623\u0625])\u0644/g, '\u0627\u0644$1');
}

function lineFrom(items: readonly PdfTextItem[]): PdfLine | undefined {
  let text = '';
  let previous: PdfTextItem | undefined;
  for (const item of items) {
    const needsSpace =
      previous !== undefined && !/\s$/.test(text) && !/^\s/.test(item.text) && spaceBetween(previous, item);
    text += (needsSpace ? ' ' : '') + (item.rtl ? repairArabicLigatures(item.text) : item.text);
    previous = item;
  }
  const clean = text
    .replace(/^\s*[\ue000-\uf8ff]+\s*/, '• ')
    .replace(PRIVATE_USE, ' ')
    .replace(/(?:\s*\.){5,}\s*/g, ' … ')
    .replace(/\s+/g, ' ')
    .trim();
  const first = items[0];
  if (!/[\p{L}\p{N}]/u.test(clean)) {
    return undefined;
  }
  if (first === undefined) {
    return undefined;
  }
  return {
    text: clean,
    x: Math.min(...items.map((item) => item.x)),
    y: first.y,
    fontSize: dominantSize(items),
  };
}

/**
 * Items grouped into lines in content-stream order: a new line starts when the baseline moves by
 * more than half the font size. Within a line, a space is inserted where neither run brings its own
 * and the gap between them (in reading direction) is wider than 0.15 em, the text jumps back left,
 * the direction changes, or the size changes (a superscript).
 */
export function itemsToLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfTextItem[] = [];
  for (const item of items) {
    const anchor = current[current.length - 1];
    const size = Math.max(item.fontSize, anchor?.fontSize ?? 0, 1);
    if (anchor !== undefined && Math.abs(item.y - anchor.y) > size * 0.5) {
      const line = lineFrom(current);
      if (line !== undefined) {
        lines.push(line);
      }
      current = [];
    }
    if (item.text !== '') {
      current.push(item);
    }
  }
  const last = lineFrom(current);
  if (last !== undefined) {
    lines.push(last);
  }
  return lines;
}

/** The font size carrying the most characters: the body text size. */
export function bodyFontSize(lines: readonly PdfLine[]): number {
  return dominantSize(lines);
}

/** Whether a line of `fontSize` reads as a heading against body text of `bodySize`. */
export function isHeadingLine(line: PdfLine, bodySize: number): boolean {
  return line.fontSize >= bodySize * 1.1 && line.text.length <= 150 && /\p{L}/u.test(line.text);
}

/** Joins wrapped lines: a word hyphenated at a line end is rejoined when the next line starts in lower case. */
export function joinWrappedLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') {
      text = line;
    } else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)) {
      text = `${text.slice(0, -1)}${line}`;
    } else {
      text = `${text} ${line}`;
    }
  }
  return text;
}

function medianLineGap(lines: readonly PdfLine[]): number {
  const gaps: number[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const previous = lines[index - 1] as PdfLine;
    const line = lines[index] as PdfLine;
    const gap = previous.y - line.y;
    if (gap > 0 && Math.abs(previous.fontSize - line.fontSize) < 0.5) {
      gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 0;
}

/**
 * The blocks of one page's lines: headings (font ≥ 1.1 × body, short; `headingLevel` maps the size
 * to a level), list items (lines starting with a bullet or a number, wrapped lines kept with them),
 * and paragraphs split at vertical gaps wider than 1.4 × the page's usual line spacing.
 */
export function linesToBlocks(
  lines: readonly PdfLine[],
  bodySize: number,
  headingLevel: (fontSize: number) => number,
): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const spacing = medianLineGap(lines);
  let paragraph: string[] = [];
  let items: string[] = [];
  let heading: { lines: string[]; size: number } | undefined;
  const flushParagraph = (): void => {
    if (paragraph.length > 0) {
      blocks.push({ kind: 'paragraph', text: joinWrappedLines(paragraph) });
    }
    paragraph = [];
  };
  const flushList = (): void => {
    if (items.length > 0) {
      blocks.push({ kind: 'list', text: items.join('\n') });
    }
    items = [];
  };
  const flushHeading = (): void => {
    if (heading !== undefined) {
      blocks.push({ kind: 'heading', text: heading.lines.join(' '), level: headingLevel(heading.size) });
    }
    heading = undefined;
  };
  let previous: PdfLine | undefined;
  for (const line of lines) {
    const gap = previous === undefined ? 0 : previous.y - line.y;
    const broken = previous === undefined || spacing === 0 || gap > spacing * 1.4 || gap < 0;
    previous = line;
    if (isHeadingLine(line, bodySize)) {
      flushParagraph();
      flushList();
      const continues =
        gap > 0 && gap <= line.fontSize * 1.6 && Math.abs((heading?.size ?? 0) - line.fontSize) < 0.5;
      if (heading !== undefined && !continues) {
        flushHeading();
      }
      heading ??= { lines: [], size: line.fontSize };
      heading.lines.push(line.text);
      continue;
    }
    flushHeading();
    if (BULLET.test(line.text)) {
      flushParagraph();
      const marker = SYMBOL_BULLET.test(line.text) ? '- ' : '';
      items.push(`${marker}${line.text.replace(SYMBOL_BULLET, '')}`);
      continue;
    }
    if (items.length > 0 && !broken) {
      const last = items.pop() ?? '';
      items.push(joinWrappedLines([last, line.text]));
      continue;
    }
    flushList();
    if (broken) {
      flushParagraph();
    }
    paragraph.push(line.text);
  }
  flushParagraph();
  flushList();
  flushHeading();
  return blocks;
}
