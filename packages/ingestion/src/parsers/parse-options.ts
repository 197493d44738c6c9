import type { OcrEngine } from './ocr-engine.ts';

/** Resource caps applied while parsing; exceeding one fails with `LIMIT_EXCEEDED`. */
export interface ParseLimits {
  /** Most PDF pages or PPTX slides a document may have. */
  maxPages: number;
  /** Most characters of extracted text, all blocks together. */
  maxChars: number;
  /** Most non-empty cells of a spreadsheet or CSV, all sheets together. */
  maxSheetCells: number;
  /** Most bytes a ZIP container (DOCX/XLSX/PPTX) may inflate to, all entries together. */
  maxUncompressedBytes: number;
  /** Highest inflated/compressed size ratio of one ZIP entry larger than 100 kB (Apache POI's rule). */
  maxCompressionRatio: number;
  /** Most entries a ZIP container may list. */
  maxZipEntries: number;
  /** Most pages of one PDF that are rasterised and OCR'd; later image-only pages get a warning. */
  maxOcrPages: number;
}

/** The defaults: 2,000 pages, 5 M characters, 1 M cells, 200 MB inflated at ≤ 100:1, 10,000 entries, 200 OCR pages. */
export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxPages: 2000,
  maxChars: 5_000_000,
  maxSheetCells: 1_000_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxZipEntries: 10_000,
  maxOcrPages: 200,
});

/** Options of `parseDocument`. */
export interface ParseOptions {
  /** The uploaded file name: only a hint between text formats (`.csv`, `.md`, `.json`), never trusted for binaries. */
  filename?: string;
  /** Aborts parsing between pages, sheets and slides, and kills a running `pdftoppm`. */
  signal?: AbortSignal;
  /**
   * OCR for images and PDF pages without a text layer. When absent, a tesseract.js engine is created
   * on first need and terminated before `parseDocument` returns; long-lived callers should pass one
   * from `createOcrEngine()` and terminate it at shutdown.
   */
  ocr?: OcrEngine;
  /** Overrides of {@link DEFAULT_PARSE_LIMITS}. */
  limits?: Partial<ParseLimits>;
}

/** The limits in force: the defaults overridden by the defined values of `overrides`. */
export function resolveParseLimits(overrides: Partial<ParseLimits> = {}): ParseLimits {
  const limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS };
  for (const key of Object.keys(limits) as (keyof ParseLimits)[]) {
    const value = overrides[key];
    if (value !== undefined) {
      limits[key] = value;
    }
  }
  return limits;
}
