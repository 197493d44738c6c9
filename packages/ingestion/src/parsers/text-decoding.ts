/** How a text file's bytes are decoded: BOM first, then strict UTF-8, else Windows-1252. */
export type TextEncodingLabel = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const SAMPLE_BYTES = 8192;

/** The encoding of `bytes` as text: a BOM wins; otherwise UTF-8 if valid, else Windows-1252. */
export function sniffTextEncoding(bytes: Uint8Array): TextEncodingLabel {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return 'utf-16le';
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return 'utf-16be';
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** `bytes` as a string (see {@link sniffTextEncoding}), without a BOM and with `\r\n` kept as is. */
export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder(sniffTextEncoding(bytes)).decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * True when the first 8 kB look like binary data rather than text: a NUL byte (outside UTF-16 with a
 * BOM), or more than 10 % control characters other than tab, newline, form feed and escape.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return false;
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) {
      return true;
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) {
      control += 1;
    }
  }
  return control > sample.byteLength * 0.1;
}
