import type { DocumentBlock, ParsedDocument } from '../document-model.ts';
import type { Span } from './text-span.ts';

/** The rendered Markdown of a document and where each non-blank block sits in it. */
export interface RenderedDocument {
  text: string;
  /** One entry per rendered block, in document order (blank blocks are left out). */
  blocks: (Span & { blockIndex: number })[];
}

/** A heading's text on one line (newlines and runs of whitespace collapsed). */
export function headingText(block: DocumentBlock): string {
  return block.text.replace(/\s+/g, ' ').trim();
}

/** A heading level clamped to 1–6 (1 when the parser gave none). */
export function headingLevel(block: DocumentBlock): number {
  const level = block.level ?? 1;
  return Math.min(6, Math.max(1, Math.trunc(level)));
}

function renderBlock(block: DocumentBlock): string {
  if (block.kind === 'heading') {
    const text = headingText(block);
    return text === '' ? '' : `${'#'.repeat(headingLevel(block))} ${text}`;
  }
  return block.text.trim() === '' ? '' : block.text.trimEnd();
}

/** Renders `doc` and records each block's offsets (see {@link renderMarkdown}). */
export function renderDocument(doc: ParsedDocument): RenderedDocument {
  let text = '';
  const blocks: RenderedDocument['blocks'] = [];
  doc.blocks.forEach((block, blockIndex) => {
    const rendered = renderBlock(block);
    if (rendered === '') {
      return;
    }
    if (text !== '') {
      text += '\n\n';
    }
    blocks.push({ blockIndex, start: text.length, end: text.length + rendered.length });
    text += rendered;
  });
  return { text, blocks };
}

/**
 * The document as one Markdown string: blocks joined with a blank line, headings rendered as
 * `#`×level (1–6) plus their text on one line, trailing whitespace of blocks removed, blank blocks
 * left out. Chunk offsets (`charStart`, `charEnd`) point into this string.
 */
export function renderMarkdown(doc: ParsedDocument): string {
  return renderDocument(doc).text;
}
