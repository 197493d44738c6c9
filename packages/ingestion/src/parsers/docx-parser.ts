import mammoth from 'mammoth';
import type { DocumentBlock, ParsedDocument } from '../document-model.ts';
import { DocumentBuilder } from './document-builder.ts';
import { CHART_MARKER, prepareDocx } from './docx-preprocess.ts';
import { parseHtmlDocument } from './dom-types.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { readCoreTitle } from './ooxml-properties.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { openZipArchive } from './zip-archive.ts';

/** Images become their alt text only: no data URIs are built. */
const imagesAsAltText = mammoth.images.imgElement(async () => ({ src: '' }));

/** `block` with each chart marker replaced by the chart's blocks (text around a marker is kept). */
function withCharts(block: DocumentBlock, charts: ReadonlyMap<string, DocumentBlock[]>): DocumentBlock[] {
  if (!block.text.includes('[[chart:')) {
    return [block];
  }
  const blocks: DocumentBlock[] = [];
  let rest = block.text;
  for (const match of block.text.matchAll(CHART_MARKER)) {
    const [marker, id = ''] = match;
    const index = rest.indexOf(marker);
    blocks.push({ ...block, text: rest.slice(0, index).trim() }, ...(charts.get(id) ?? []));
    rest = rest.slice(index + marker.length);
  }
  blocks.push({ ...block, text: rest.trim() });
  return blocks;
}

/**
 * DOCX: mammoth turns the document into semantic HTML (headings from paragraph styles, numbered
 * and bulleted lists, tables, footnotes), which becomes Markdown blocks. Office Math becomes LaTeX
 * (`$…$`, `$$…$$`) and charts their title and data table (see `prepareDocx`). The ZIP is checked and
 * fully inflated under the limits first, so mammoth never meets a decompression bomb. The title
 * is the core property `dc:title`, else the first heading.
 */
export async function parseDocx(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  const archive = openZipArchive(bytes, context.limits);
  archive.verifyAll();
  if (!archive.entries.has('word/document.xml')) {
    throw new ParseError('CORRUPT_FILE', 'The Word document has no main part (word/document.xml).');
  }
  const prepared = await prepareDocx(bytes, archive);
  let html: string;
  try {
    const input = prepared.bytes;
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(input.buffer, input.byteOffset, input.byteLength) },
      { convertImage: imagesAsAltText, externalFileAccess: false },
    );
    html = result.value;
  } catch (error) {
    throw new ParseError('CORRUPT_FILE', 'The Word document is damaged and cannot be read.', {
      cause: error,
    });
  }
  context.signal?.throwIfAborted();
  const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
  const body = parseHtmlDocument(html).body;
  for (const block of body === null ? [] : htmlToBlocks(body)) {
    builder.addAll(withCharts(block, prepared.charts));
  }
  const title = readCoreTitle(archive);
  return builder.finish({
    ...(title !== undefined ? { title } : {}),
    emptyMessage: 'The Word document has no text.',
  });
}
