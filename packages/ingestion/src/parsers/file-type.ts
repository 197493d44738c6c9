import { sniffCsvDelimiter } from './csv-reader.ts';
import { decodeText, looksBinary } from './text-decoding.ts';
import { readZipDirectory } from './zip-archive.ts';

/** What a parser sees in a file, decided from its content. */
export type FileKind =
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'csv'
  | 'html'
  | 'markdown'
  | 'text'
  | 'json'
  | 'image'
  | 'audio'
  | 'video'
  | 'unknown';

/** The result of {@link detectFileType}. */
export interface DetectedFileType {
  mimeType: string;
  kind: FileKind;
}

const OOXML = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;

const MACRO_ENABLED = {
  docx: 'application/vnd.ms-word.document.macroEnabled.12',
  xlsx: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  pptx: 'application/vnd.ms-powerpoint.presentation.macroEnabled.12',
} as const;

const latin1 = new TextDecoder('latin1');

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return latin1.decode(bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function isoMediaType(brand: string): DetectedFileType {
  if (['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B '].includes(brand)) {
    return { mimeType: 'audio/mp4', kind: 'audio' };
  }
  if (['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand)) {
    return { mimeType: 'image/heic', kind: 'unknown' };
  }
  if (brand === 'avif' || brand === 'avis') {
    return { mimeType: 'image/avif', kind: 'unknown' };
  }
  if (brand === 'qt  ') {
    return { mimeType: 'video/quicktime', kind: 'video' };
  }
  if (brand.startsWith('3g')) {
    return { mimeType: 'video/3gpp', kind: 'video' };
  }
  return { mimeType: 'video/mp4', kind: 'video' };
}

function riffType(bytes: Uint8Array): DetectedFileType | undefined {
  switch (ascii(bytes, 8, 4)) {
    case 'WEBP':
      return { mimeType: 'image/webp', kind: 'image' };
    case 'WAVE':
      return { mimeType: 'audio/wav', kind: 'audio' };
    case 'AVI ':
      return { mimeType: 'video/x-msvideo', kind: 'video' };
    default:
      return undefined;
  }
}

/** `%PDF-n.n` at the start, or within the first kB when the file also ends with `%%EOF` (junk-prefixed PDFs). */
function isPdf(bytes: Uint8Array): boolean {
  const header = /%PDF-\d\.\d/.exec(ascii(bytes, 0, 1024));
  if (header === null) {
    return false;
  }
  return header.index <= 3 || ascii(bytes, Math.max(0, bytes.byteLength - 1024), 1024).includes('%%EOF');
}

/** Images, audio, video and other binaries recognised by their leading bytes. */
function magicType(bytes: Uint8Array): DetectedFileType | undefined {
  const head = ascii(bytes, 0, 16);
  if (isPdf(bytes)) {
    return { mimeType: 'application/pdf', kind: 'pdf' };
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mimeType: 'image/png', kind: 'image' };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return { mimeType: 'image/jpeg', kind: 'image' };
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { mimeType: 'image/tiff', kind: 'image' };
  }
  if (head.startsWith('RIFF')) {
    return riffType(bytes);
  }
  if (ascii(bytes, 4, 4) === 'ftyp') {
    return isoMediaType(ascii(bytes, 8, 4));
  }
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) {
    return { mimeType: 'image/gif', kind: 'unknown' };
  }
  if (head.startsWith('BM') && [12, 40, 56, 108, 124].includes(bytes[14] ?? 0)) {
    return { mimeType: 'image/bmp', kind: 'unknown' };
  }
  if (head.startsWith('ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) {
    return { mimeType: 'audio/mpeg', kind: 'audio' };
  }
  if (head.startsWith('OggS')) {
    const video = ascii(bytes, 0, 64).includes('theora');
    return video ? { mimeType: 'video/ogg', kind: 'video' } : { mimeType: 'audio/ogg', kind: 'audio' };
  }
  if (head.startsWith('fLaC')) {
    return { mimeType: 'audio/flac', kind: 'audio' };
  }
  if (head.startsWith('FORM') && ['AIFF', 'AIFC'].includes(ascii(bytes, 8, 4))) {
    return { mimeType: 'audio/aiff', kind: 'audio' };
  }
  if (head.startsWith('#!AMR')) {
    return { mimeType: 'audio/amr', kind: 'audio' };
  }
  if (head.startsWith('MThd')) {
    return { mimeType: 'audio/midi', kind: 'audio' };
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    const webm = ascii(bytes, 0, 64).includes('webm');
    return { mimeType: webm ? 'video/webm' : 'video/x-matroska', kind: 'video' };
  }
  if (head.startsWith('FLV')) {
    return { mimeType: 'video/x-flv', kind: 'video' };
  }
  if (startsWith(bytes, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) {
    return { mimeType: 'video/x-ms-asf', kind: 'video' };
  }
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0xba]) || startsWith(bytes, [0x00, 0x00, 0x01, 0xb3])) {
    return { mimeType: 'video/mpeg', kind: 'video' };
  }
  if (bytes[0] === 0x47 && bytes[188] === 0x47 && bytes[376] === 0x47) {
    return { mimeType: 'video/mp2t', kind: 'video' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { mimeType: 'application/x-cfb', kind: 'unknown' };
  }
  if (startsWith(bytes, [0x1f, 0x8b])) {
    return { mimeType: 'application/gzip', kind: 'unknown' };
  }
  if (head.startsWith('{\\rtf')) {
    return { mimeType: 'application/rtf', kind: 'unknown' };
  }
  return undefined;
}

/** Entry names of a ZIP: from the central directory, else (truncated file) from local headers. */
function zipEntryNames(bytes: Uint8Array): string[] {
  try {
    const entries = readZipDirectory(bytes);
    if (entries !== undefined) {
      return entries.map((entry) => entry.name);
    }
  } catch {
    // A damaged directory: fall back to the local headers below.
  }
  const names: string[] = [];
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (
    offset + 30 <= bytes.byteLength &&
    data.getUint32(offset, true) === 0x04034b50 &&
    names.length < 100
  ) {
    const nameLength = data.getUint16(offset + 26, true);
    const extraLength = data.getUint16(offset + 28, true);
    names.push(ascii(bytes, offset + 30, nameLength));
    if ((data.getUint16(offset + 6, true) & 0x08) !== 0) {
      break;
    }
    offset += 30 + nameLength + extraLength + data.getUint32(offset + 18, true);
  }
  return names;
}

/** DOCX/XLSX/PPTX told apart by their main part names; other ZIPs (ODF, EPUB, plain) are unknown. */
function zipType(bytes: Uint8Array): DetectedFileType {
  const names = new Set(zipEntryNames(bytes));
  const macros = (folder: string): boolean => names.has(`${folder}/vbaProject.bin`);
  const has = (main: string, folder: string): boolean =>
    names.has(main) || [...names].some((name) => name.startsWith(`${folder}/`) && name.endsWith('.xml'));
  if (names.has('[Content_Types].xml') || names.has('_rels/.rels')) {
    if (has('word/document.xml', 'word')) {
      return { mimeType: macros('word') ? MACRO_ENABLED.docx : OOXML.docx, kind: 'docx' };
    }
    if (has('xl/workbook.xml', 'xl')) {
      return { mimeType: macros('xl') ? MACRO_ENABLED.xlsx : OOXML.xlsx, kind: 'xlsx' };
    }
    if (has('ppt/presentation.xml', 'ppt')) {
      return { mimeType: macros('ppt') ? MACRO_ENABLED.pptx : OOXML.pptx, kind: 'pptx' };
    }
  }
  const declared = /^mimetype(application\/[\w.+-]+)/.exec(ascii(bytes, 30, 80));
  return { mimeType: declared?.[1] ?? 'application/zip', kind: 'unknown' };
}

const HTML_START =
  /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|script|iframe|h[1-6]|div|font|table|a|style|title|b|br|p|meta|link|span|ul|ol|section|article|main|header|nav)[\s>/]/i;

function isHtml(sample: string): boolean {
  const start = sample.trimStart().replace(/^<\?xml[^>]*>\s*/i, '');
  return HTML_START.test(start) || (/^<!doctype/i.test(start) && /<html[\s>]/i.test(sample));
}

function isJson(text: string): boolean {
  const trimmed = text.trim();
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if (!((first === '{' && last === '}') || (first === '[' && last === ']'))) {
    return false;
  }
  if (trimmed.length > 1_000_000) {
    return true;
  }
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

const MARKDOWN_SIGNALS: readonly RegExp[] = [
  /^#{1,6}[ \t]+\S/m,
  /^(?:```|~~~)/m,
  /^\s*\|?\s*:?-{3,}:?\s*\|/m,
  /^\s*(?:[-*+]|\d{1,3}[.)])[ \t]+\S/m,
  /\[[^\]\n]+\]\([^)\s]+\)/,
  /(?:\*\*|__)\S[^\n]*?\S(?:\*\*|__)/,
  /^>[ \t]?\S/m,
];

function isMarkdown(sample: string): boolean {
  const signals = MARKDOWN_SIGNALS.filter((signal) => signal.test(sample)).length;
  const structural =
    (MARKDOWN_SIGNALS[0]?.test(sample) ?? false) || (MARKDOWN_SIGNALS[1]?.test(sample) ?? false);
  return (structural && signals >= 2) || signals >= 3;
}

function isCsv(sample: string, extension: string): boolean {
  const dialect = sniffCsvDelimiter(sample);
  if (extension === 'csv' || extension === 'tsv') {
    return true;
  }
  if (dialect === undefined || dialect.delimiter === '|' || dialect.sampledRecords < 3) {
    return false;
  }
  return dialect.consistency === 1 || (dialect.delimiter === '\t' && dialect.consistency >= 0.9);
}

function extensionOf(filename: string | undefined): string {
  const match = /\.([a-z0-9]+)$/i.exec(filename ?? '');
  return match?.[1]?.toLowerCase() ?? '';
}

function textType(bytes: Uint8Array, filename: string | undefined): DetectedFileType {
  const text = decodeText(bytes);
  const sample = text.slice(0, 65_536);
  const extension = extensionOf(filename);
  if (isHtml(sample)) {
    return { mimeType: 'text/html', kind: 'html' };
  }
  if (/^\s*<(?:\?xml|svg)[\s>]/i.test(sample)) {
    return /<svg[\s>]/i.test(sample.slice(0, 4096))
      ? { mimeType: 'image/svg+xml', kind: 'unknown' }
      : { mimeType: 'application/xml', kind: 'text' };
  }
  if (isJson(text)) {
    return { mimeType: 'application/json', kind: 'json' };
  }
  if (extension === 'md' || extension === 'markdown' || extension === 'mdx') {
    return { mimeType: 'text/markdown', kind: 'markdown' };
  }
  if (isCsv(sample, extension)) {
    const tab = sniffCsvDelimiter(sample)?.delimiter === '\t';
    return { mimeType: tab ? 'text/tab-separated-values' : 'text/csv', kind: 'csv' };
  }
  if (isMarkdown(sample)) {
    return { mimeType: 'text/markdown', kind: 'markdown' };
  }
  return { mimeType: 'text/plain', kind: 'text' };
}

/**
 * The type of `bytes`, decided from the content: magic bytes for PDF, images, audio and video; the
 * ZIP central directory's part names for DOCX/XLSX/PPTX; otherwise, for text, an HTML sniff, then
 * JSON, CSV and Markdown by content. `filename` only breaks ties between text formats (`.md`,
 * `.csv`, `.tsv`); a client's declared MIME type is never consulted.
 */
export function detectFileType(bytes: Uint8Array, filename?: string): DetectedFileType {
  if (bytes.byteLength === 0) {
    return { mimeType: 'application/octet-stream', kind: 'unknown' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return zipType(bytes);
  }
  const magic = magicType(bytes);
  if (magic !== undefined) {
    return magic;
  }
  if (looksBinary(bytes)) {
    return { mimeType: 'application/octet-stream', kind: 'unknown' };
  }
  return textType(bytes, filename);
}
