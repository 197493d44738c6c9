import type { DetectedFileType } from './file-kind.ts';
import { ascii, magicType, startsWith } from './magic-bytes.ts';
import { looksBinary } from './text-decoding.ts';
import { textType } from './text-sniffing.ts';
import { readZipDirectory } from './zip-archive.ts';

export type { DetectedFileType, FileKind } from './file-kind.ts';

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
