import { getDocumentProxy } from 'unpdf';
import type { DocumentBlock, ParsedDocument } from '../document-model.ts';
import { DocumentBuilder } from './document-builder.ts';
import { ocrBlocks } from './ocr-text.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { bodyFontSize, isHeadingLine, itemsToLines, linesToBlocks, type PdfTextItem } from './pdf-layout.ts';
import { type PageLines, removePageFurniture } from './pdf-page-furniture.ts';
import { RasterizerUnavailableError, withPdfRasterizer } from './pdf-rasterizer.ts';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** A page with fewer non-blank characters than this has no usable text layer and is OCR'd. */
const MIN_TEXT_LAYER_CHARS = 10;

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  try {
    // pdf.js may detach the buffer it is given, so it gets a copy (ours is kept for rasterising), and
    // it refuses Node Buffers, so the copy is a plain Uint8Array (files read from disk are Buffers).
    return await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      stopAtErrors: false,
    });
  } catch (error) {
    if ((error as { name?: unknown }).name === 'PasswordException') {
      throw new ParseError(
        'ENCRYPTED_FILE',
        'The PDF is password-protected; remove the password and upload it again.',
        { cause: error },
      );
    }
    throw new ParseError('CORRUPT_FILE', 'The PDF is damaged and cannot be opened.', { cause: error });
  }
}

function isTextItem(item: unknown): item is { str: string; transform: number[]; width: number; dir: string } {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

async function pageLines(pdf: PdfDocument, pageNumber: number): Promise<PageLines> {
  const page = await pdf.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (isTextItem(item)) {
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = (item.transform as unknown[]).map(Number);
        const fontSize = Math.hypot(c, d) || Math.hypot(a, b);
        items.push({ text: item.str, x, y, width: item.width, fontSize, rtl: item.dir === 'rtl' });
      }
    }
    const [, bottom = 0, , top = 0] = page.view;
    return { height: top - bottom, lines: itemsToLines(items) };
  } finally {
    page.cleanup();
  }
}

/** Maps heading font sizes to levels 1–6, largest first; sizes within 10 % of each other share a level. */
function headingLevels(pages: readonly PageLines[], bodySize: number): (fontSize: number) => number {
  const sizes = new Set<number>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (isHeadingLine(line, bodySize)) {
        sizes.add(line.fontSize);
      }
    }
  }
  const levels = new Map<number, number>();
  let level = 0;
  let clusterTop = Number.POSITIVE_INFINITY;
  for (const size of [...sizes].sort((a, b) => b - a)) {
    if (size < clusterTop * 0.9) {
      level += 1;
      clusterTop = size;
    }
    levels.set(size, Math.min(6, level));
  }
  return (fontSize) => levels.get(fontSize) ?? 6;
}

async function documentTitle(pdf: PdfDocument): Promise<string | undefined> {
  try {
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** OCRs the pages listed in `pages`, filling `blocksByPage`; warns for those that stay empty. */
async function ocrPages(
  bytes: Uint8Array,
  pages: readonly number[],
  blocksByPage: DocumentBlock[][],
  builder: DocumentBuilder,
  context: ParseContext,
): Promise<void> {
  const allowed = pages.slice(0, context.limits.maxOcrPages);
  for (const page of pages.slice(allowed.length)) {
    builder.warn(
      `page ${page}: no text layer, and the OCR limit of ${context.limits.maxOcrPages} pages was reached`,
    );
  }
  try {
    await withPdfRasterizer(bytes, async (rasterizer) => {
      for (const page of allowed) {
        context.signal?.throwIfAborted();
        const image = await rasterizer.renderPage(page, context.signal);
        const blocks = ocrBlocks(await context.ocr().recognize(image));
        blocksByPage[page - 1] = blocks;
        if (blocks.length === 0) {
          builder.warn(`page ${page}: no text found, even with OCR`);
        }
      }
    });
  } catch (error) {
    if (!(error instanceof RasterizerUnavailableError)) {
      throw error;
    }
    builder.warn(`OCR skipped for ${allowed.length} page(s) without a text layer: ${error.message}`);
  }
}

/**
 * The lines of every page. An unreadable page is skipped with a warning (the whole file is corrupt
 * when it has only one); more text than `maxChars` fails early, before thousands of pages are held.
 */
async function readPages(
  pdf: PdfDocument,
  builder: DocumentBuilder,
  context: ParseContext,
): Promise<PageLines[]> {
  const pages: PageLines[] = [];
  let characters = 0;
  for (let page = 1; page <= pdf.numPages; page += 1) {
    context.signal?.throwIfAborted();
    let lines: PageLines;
    try {
      lines = await pageLines(pdf, page);
    } catch (error) {
      if (pdf.numPages === 1) {
        throw new ParseError('CORRUPT_FILE', 'The PDF is damaged and cannot be read.', { cause: error });
      }
      builder.warn(`page ${page}: unreadable, skipped`);
      lines = { height: 0, lines: [] };
    }
    characters += lines.lines.reduce((sum, line) => sum + line.text.length, 0);
    if (characters > context.limits.maxChars) {
      throw new ParseError(
        'LIMIT_EXCEEDED',
        `The document holds more than ${context.limits.maxChars.toLocaleString('en-US')} characters of text, the most accepted.`,
      );
    }
    pages.push(lines);
  }
  return pages;
}

/**
 * PDF (pdf.js via unpdf): each page's text layer is assembled into lines, running headers/footers
 * and page numbers are dropped, and lines become headings (by font size), lists and paragraphs,
 * each block carrying its 1-based `page`. Pages without a text layer are rasterised with
 * `pdftoppm -r 150` and OCR'd (a warning replaces them when poppler is missing or OCR finds
 * nothing). The title is the metadata Title, else the first heading. Errors: `ENCRYPTED_FILE`
 * (user password), `CORRUPT_FILE`, `LIMIT_EXCEEDED` (more than `maxPages`), `EMPTY_DOCUMENT`.
 */
export async function parsePdf(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  const pdf = await openPdf(bytes);
  try {
    if (pdf.numPages > context.limits.maxPages) {
      throw new ParseError(
        'LIMIT_EXCEEDED',
        `The PDF has ${pdf.numPages} pages; at most ${context.limits.maxPages} are accepted.`,
      );
    }
    const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
    const pages = await readPages(pdf, builder, context);
    removePageFurniture(pages);
    const bodySize = bodyFontSize(pages.flatMap((page) => page.lines));
    const level = headingLevels(pages, bodySize);
    const blocksByPage = pages.map((page) => linesToBlocks(page.lines, bodySize, level));
    const textless = pages.flatMap((page, index) => {
      const visible = page.lines.reduce((sum, line) => sum + line.text.replace(/\s/g, '').length, 0);
      return visible < MIN_TEXT_LAYER_CHARS ? [index + 1] : [];
    });
    if (textless.length > 0) {
      await ocrPages(bytes, textless, blocksByPage, builder, context);
    }
    blocksByPage.forEach((blocks, index) => {
      builder.addAll(blocks, { page: index + 1 });
    });
    const title = await documentTitle(pdf);
    return builder.finish({
      ...(title !== undefined ? { title } : {}),
      pageCount: pdf.numPages,
      emptyMessage: 'The PDF has no text, even after OCR.',
    });
  } finally {
    await pdf.destroy();
  }
}
