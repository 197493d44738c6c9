/**
 * The structured document every parser produces and the chunker consumes. Text is Markdown: a
 * table block holds a Markdown table with its header row, a list block a Markdown list.
 */
export type BlockKind = 'heading' | 'paragraph' | 'list' | 'table' | 'code' | 'quote';

export interface DocumentBlock {
  kind: BlockKind;
  /** The block as Markdown, without a trailing blank line (a heading without its `#` marks). */
  text: string;
  /** Heading level 1–6 (headings only). */
  level?: number;
  /** 1-based PDF page or PPTX slide number the block comes from. */
  page?: number;
  /** Spreadsheet sheet name (XLSX/CSV). */
  sheet?: string;
}

export interface ParsedDocument {
  /** The MIME type detected from the content (never the client's header). */
  mimeType: string;
  /** A title when the format carries one (PDF metadata, HTML <title>, first heading…). */
  title?: string;
  blocks: DocumentBlock[];
  /** Pages (PDF), slides (PPTX) or sheets (XLSX) when the format has them. */
  pageCount?: number;
  /** Non-fatal problems, e.g. "page 3: OCR found no text". */
  warnings: string[];
}
