import type { ParsedDocument } from '../document-model.ts';
import { DocumentBuilder } from './document-builder.ts';
import { ocrBlocks } from './ocr-text.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';

/**
 * PNG, JPEG, TIFF and WebP images: OCR (tesseract.js, English) into paragraphs. An image on which
 * OCR finds no text (or only noise) fails with `EMPTY_DOCUMENT`; one tesseract cannot decode with
 * `CORRUPT_FILE`.
 */
export async function parseImage(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  let blocks;
  try {
    blocks = ocrBlocks(await context.ocr().recognize(bytes));
  } catch (error) {
    throw new ParseError('CORRUPT_FILE', 'The image cannot be decoded.', { cause: error });
  }
  const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
  builder.addAll(blocks);
  return builder.finish({ emptyMessage: 'No text was found in the image.' });
}
