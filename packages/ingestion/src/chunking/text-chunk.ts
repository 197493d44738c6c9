/**
 * One retrieval chunk of a document. `text` is a context prefix followed by the body
 * `renderMarkdown(doc).slice(charStart, charEnd)`, so `text.endsWith(body)` always holds (see
 * `chunkDocument` for the prefix).
 */
export interface TextChunk {
  /** 0-based position of the chunk in the document. */
  ordinal: number;
  /** What to embed and show: the context prefix plus the body. */
  text: string;
  /** cl100k_base tokens of `text` (prefix included); never above `maxTokens`. */
  tokenCount: number;
  /** The page (PDF) or slide (PPTX) of the chunk's first block. */
  page?: number;
  /** The sheet (XLSX/CSV) of the chunk's first block. */
  sheet?: string;
  /** The headings the chunk sits under, outermost first (empty before the first heading). */
  headingPath: string[];
  /** Start offset of the body in the rendered Markdown. */
  charStart: number;
  /** End offset (exclusive) of the body in the rendered Markdown. */
  charEnd: number;
}

/** How `chunkDocument` sizes chunks. */
export interface ChunkOptions {
  /** Hard upper bound of `tokenCount` (cl100k_base), at least 16. Default 512. */
  maxTokens?: number;
  /** Tokens repeated from the end of the previous chunk of the same section (capped to `maxTokens / 2`). Default 64. */
  overlapTokens?: number;
}
