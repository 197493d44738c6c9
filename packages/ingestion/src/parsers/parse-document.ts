import type { ParsedDocument } from '../document-model.ts';
import { detectFileType, type DetectedFileType } from './file-type.ts';
import { createOcrEngine, type OcrEngine } from './ocr-engine.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { type ParseOptions, resolveParseLimits } from './parse-options.ts';

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

/** Parsers are imported on first use: a process that never sees a PDF never loads pdf.js. */
async function dispatch(
  bytes: Uint8Array,
  detected: DetectedFileType,
  context: ParseContext,
): Promise<ParsedDocument> {
  switch (detected.kind) {
    case 'pdf':
      return (await import('./pdf-parser.ts')).parsePdf(bytes, context);
    case 'docx':
      return (await import('./docx-parser.ts')).parseDocx(bytes, context);
    case 'xlsx':
      return (await import('./xlsx-parser.ts')).parseXlsx(bytes, context);
    case 'pptx':
      return (await import('./pptx-parser.ts')).parsePptx(bytes, context);
    case 'csv':
      return (await import('./csv-parser.ts')).parseCsv(bytes, context);
    case 'html':
      return (await import('./html-parser.ts')).parseHtml(bytes, context);
    case 'markdown':
      return (await import('./markdown-parser.ts')).parseMarkdown(bytes, context);
    case 'text':
      return (await import('./text-parser.ts')).parseText(bytes, context);
    case 'json':
      return (await import('./json-parser.ts')).parseJson(bytes, context);
    case 'image':
      return (await import('./image-parser.ts')).parseImage(bytes, context);
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
