import type { DocumentBlock } from '../document-model.ts';
import type { OcrResult } from './ocr-engine.ts';
import { joinWrappedLines } from './pdf-layout.ts';

/** Below this mean confidence, or with fewer alphanumerics, OCR output is noise (a photo, a blank scan). */
const MIN_CONFIDENCE = 20;
const MIN_ALPHANUMERICS = 3;

/** OCR output as paragraph blocks (split at blank lines, wrapped lines rejoined); none when it is noise. */
export function ocrBlocks(result: OcrResult): DocumentBlock[] {
  const alphanumerics = result.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (result.confidence < MIN_CONFIDENCE || alphanumerics < MIN_ALPHANUMERICS) {
    return [];
  }
  return result.text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      joinWrappedLines(
        paragraph
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      ),
    )
    .filter((text) => /[\p{L}\p{N}]/u.test(text))
    .map((text) => ({ kind: 'paragraph', text }));
}
