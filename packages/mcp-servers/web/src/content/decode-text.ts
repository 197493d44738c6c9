import { TextDecoder } from 'node:util';

const metaCharset = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

function charsetOf(contentTypeHeader: string | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentTypeHeader ?? '')?.[1];
}

function byteOrderMark(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    return 'utf-8';
  }
  if (body[0] === 0xff && body[1] === 0xfe) {
    return 'utf-16le';
  }
  return body[0] === 0xfe && body[1] === 0xff ? 'utf-16be' : undefined;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (label === undefined) {
    return undefined;
  }
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a body to text: a byte-order mark wins, then the charset of the `Content-Type` header, then
 * (for HTML) a `<meta charset>` in the first 2 KB, then UTF-8. Unknown labels fall back to UTF-8;
 * undecodable bytes become U+FFFD.
 */
export function decodeText(body: Buffer, contentTypeHeader: string | undefined, html: boolean): string {
  const sniffed = html ? metaCharset.exec(body.subarray(0, 2048).toString('latin1'))?.[1] : undefined;
  const decoder =
    decoderFor(byteOrderMark(body)) ??
    decoderFor(charsetOf(contentTypeHeader)) ??
    decoderFor(sniffed) ??
    new TextDecoder('utf-8');
  return decoder.decode(body);
}
