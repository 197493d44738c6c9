import type { DetectedFileType } from './file-kind.ts';

const latin1 = new TextDecoder('latin1');

/** `length` bytes from `start` as Latin-1 text. */
export function ascii(bytes: Uint8Array, start: number, length: number): string {
  return latin1.decode(bytes.subarray(start, start + length));
}

/** Whether `bytes` holds `signature` at `offset`. */
export function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
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

/** PDF, images, audio, video and other binaries recognised by their leading bytes. */
export function magicType(bytes: Uint8Array): DetectedFileType | undefined {
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
