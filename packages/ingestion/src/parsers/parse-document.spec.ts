import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.ts';
import { ParseError } from './parse-error.ts';
import { makePdf, makeZip } from './testing/fixtures.ts';

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

async function failure(bytes: Uint8Array): Promise<ParseError> {
  const error: unknown = await parseDocument(bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ParseError.isInstance(error)) {
    throw new Error(`expected a ParseError, got ${String(error)}`);
  }
  return error;
}

describe('parseDocument', () => {
  it('parses by content: a PDF named .docx is read as a PDF', async () => {
    const pdf = await makePdf([{ paragraphs: ['Named wrongly.'] }]);
    const document = await parseDocument(pdf, { filename: 'letter.docx' });
    expect(document.mimeType).toBe('application/pdf');
    expect(document.blocks).toEqual([{ kind: 'paragraph', text: 'Named wrongly.', page: 1 }]);
  });

  it('defers audio and video until speech-to-text exists', async () => {
    expect((await failure(ascii('RIFF\0\0\0\0WAVEfmt '))).code).toBe('UNSUPPORTED_UNTIL_STT');
    expect((await failure(ascii('\0\0\0\x18ftypisom\0\0\0\0'))).code).toBe('UNSUPPORTED_UNTIL_STT');
  });

  it('refuses unknown binaries, plain ZIPs and legacy Office files with UNSUPPORTED_TYPE', async () => {
    const unknown = await failure(new Uint8Array([0, 1, 2, 3, 0, 5]));
    expect(unknown).toMatchObject({ code: 'UNSUPPORTED_TYPE', name: 'ParseError' });
    expect(unknown.message).toBe('Files of type application/octet-stream are not supported.');
    expect((await failure(await makeZip({ 'a.txt': 'x' }))).code).toBe('UNSUPPORTED_TYPE');
    const legacy = new Uint8Array(1024);
    legacy.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await failure(legacy)).message).toMatch(/Legacy Office files/);
  });

  it('recognises a password-protected Office document (an OLE container holding EncryptedPackage)', async () => {
    const container = new Uint8Array(2048);
    container.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    container.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    expect((await failure(container)).code).toBe('ENCRYPTED_FILE');
  });

  it('stops when aborted, rethrowing the reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('upload cancelled'));
    await expect(
      parseDocument(await makePdf([{ paragraphs: ['x'] }]), { signal: controller.signal }),
    ).rejects.toThrow('upload cancelled');
  });

  it('refuses documents with more text than maxChars', async () => {
    const text = new Uint8Array(Buffer.from('word '.repeat(1000)));
    await expect(parseDocument(text, { limits: { maxChars: 100 } })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
  });
});
