export { detectFileType, type DetectedFileType, type FileKind } from './file-type.ts';
export {
  createOcrEngine,
  defaultTesseractLangPath,
  type OcrEngine,
  type OcrEngineOptions,
  type OcrResult,
} from './ocr-engine.ts';
export { parseDocument } from './parse-document.ts';
export { ParseError, type ParseErrorCode } from './parse-error.ts';
export {
  DEFAULT_PARSE_LIMITS,
  resolveParseLimits,
  type ParseLimits,
  type ParseOptions,
} from './parse-options.ts';
