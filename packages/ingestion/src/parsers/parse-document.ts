import type { ParsedDocument } from '../document-model.ts';
import { parseCsv } from './csv-parser.ts';
import { parseDocx } from './docx-parser.ts';
import { detectFileType, type DetectedFileType } from './file-type.ts';
import { parseHtml } from './html-parser.ts';
import { parseImage } from './image-parser.ts';
import { parseJson } from './json-parser.ts';
import { parseMarkdown } from './markdown-parser.ts';
import { createOcrEngine, type OcrEngine } from './ocr-engine.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { type ParseOptions, resolveParseLimits } from './parse-options.ts';
import { parsePdf } from './pdf-parser.ts';
import { parsePptx } from './pptx-parser.ts';
import { parseText } from './text-parser.ts';
import { parseXlsx } from './xlsx-parser.ts';

/** `EncryptedPackage` in UTF-16LE: the stream a password-protected DOCX/XLSX/PPTX hides in an OLE container. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

function unsupported(detected: DetectedFileType, bytes: Uint8Array): ParseError {
  if (detected.mimeType === 'application/x-cfb') {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE)) {
      return new ParseError(
        'ENCRYPTED_FILE',
        'The Office document is password-protected; remove the password and upload it again.',
      );
    }
    return new ParseError(
      'UNSUPPORTED_TYPE',
      'Legacy Office files (.doc, .xls, .ppt) are not supported; save the file as .docx, .xlsx or .pptx.',
    );
  }
  return new ParseError('UNSUPPORTED_TYPE', `Files of type ${detected.mimeType} are not supported.`);
}

async function dispatch(
  bytes: Uint8Array,
  detected: DetectedFileType,
  context: ParseContext,
): Promise<ParsedDocument> {
  switch (detected.kind) {
    case 'pdf':
      return parsePdf(bytes, context);
    case 'docx':
      return parseDocx(bytes, context);
    case 'xlsx':
      return parseXlsx(bytes, context);
    case 'pptx':
      return parsePptx(bytes, context);
    case 'csv':
      return parseCsv(bytes, context);
    case 'html':
      return parseHtml(bytes, context);
    case 'markdown':
      return parseMarkdown(bytes, context);
    case 'text':
      return parseText(bytes, context);
    case 'json':
      return parseJson(bytes, context);
    case 'image':
      return parseImage(bytes, context);
    case 'audio':
    case 'video':
      throw new ParseError(
        'UNSUPPORTED_UNTIL_STT',
        'Audio and video files cannot be indexed until speech-to-text is available.',
      );
    case 'unknown':
      throw unsupported(detected, bytes);
  }
}

/**
 * Parses a document into Markdown blocks. The type is detected from the bytes
 * (`detectFileType`; `options.filename` only helps between text formats), then the matching parser
 * runs under `options.limits` (see `DEFAULT_PARSE_LIMITS`). Failures are `ParseError`s with a stable
 * code; an unexpected library failure on malformed input becomes `CORRUPT_FILE`, and an abort
 * rethrows the signal's reason. An OCR engine created here (when `options.ocr` is absent and OCR
 * is needed) is terminated before returning.
 */
export async function parseDocument(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedDocument> {
  options.signal?.throwIfAborted();
  const detected = detectFileType(bytes, options.filename);
  let ownEngine: OcrEngine | undefined;
  const context: ParseContext = {
    mimeType: detected.mimeType,
    limits: resolveParseLimits(options.limits),
    ...(options.filename !== undefined ? { filename: options.filename } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ocr: () => options.ocr ?? (ownEngine ??= createOcrEngine()),
  };
  try {
    return await dispatch(bytes, detected, context);
  } catch (error) {
    options.signal?.throwIfAborted();
    if (ParseError.isInstance(error)) {
      throw error;
    }
    throw new ParseError('CORRUPT_FILE', 'The file is damaged or malformed and cannot be read.', {
      cause: error,
    });
  } finally {
    await ownEngine?.terminate();
  }
}
