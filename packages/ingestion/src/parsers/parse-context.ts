import type { OcrEngine } from './ocr-engine.ts';
import type { ParseLimits } from './parse-options.ts';

/** What every format parser receives besides the bytes. */
export interface ParseContext {
  /** The MIME type detected from the content. */
  readonly mimeType: string;
  readonly limits: ParseLimits;
  readonly filename?: string;
  readonly signal?: AbortSignal;
  /** The OCR engine (the caller's, or one created on first use). */
  ocr(): OcrEngine;
}
