import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.ts';
import { ParseError } from './parse-error.ts';
import { DEFAULT_PARSE_LIMITS, resolveParseLimits } from './parse-options.ts';
import { deflatedEntry, makeRawZip, ooxmlSkeleton, zerosEntry } from './testing/fixtures.ts';
import { openZipArchive, readZipDirectory } from './zip-archive.ts';

async function refusal(promise: Promise<unknown>): Promise<ParseError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ParseError.isInstance(error)) {
    throw new Error(`expected a ParseError, got ${String(error)}`);
  }
  return error;
}

describe('ZIP decompression-bomb defence', () => {
  it('refuses a 300 MB entry of zeros from the central directory, without inflating it', async () => {
    const bomb = makeRawZip([
      deflatedEntry('[Content_Types].xml', '<Types/>'),
      zerosEntry('word/document.xml', 300),
    ]);
    expect(bomb.byteLength).toBeLessThan(400_000);
    const started = performance.now();
    const error = await refusal(parseDocument(bomb, { filename: 'report.docx' }));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toMatch(/decompression bomb/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a jszip-built archive whose entry inflates more than 100:1', async () => {
    const zip = new JSZip();
    for (const [name, content] of Object.entries(ooxmlSkeleton('xlsx'))) {
      zip.file(name, content);
    }
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(8 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const error = await refusal(parseDocument(bomb));
    expect(error.code).toBe('LIMIT_EXCEEDED');
  });

  it('refuses an archive whose declared total exceeds maxUncompressedBytes', async () => {
    let seed = 7;
    const text = Array.from({ length: 40_000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed.toString(36);
    }).join(' ');
    const archive = makeRawZip([
      ...Object.entries(ooxmlSkeleton('docx')).map(([n, c]) => deflatedEntry(n, c)),
      deflatedEntry('word/big.xml', text),
    ]);
    const error = await refusal(parseDocument(archive, { limits: { maxUncompressedBytes: 100_000 } }));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toMatch(/at most 0\.1 MB/);
  });

  it('stops inflating an entry whose header under-declares its size (a lying bomb)', () => {
    const lying = deflatedEntry('word/document.xml', 'x'.repeat(1_000_000), 1000);
    const bytes = makeRawZip([lying]);
    const archive = openZipArchive(bytes, resolveParseLimits());
    expect(() => {
      archive.verifyAll();
    }).toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }) as Error);
  });

  it('refuses too many entries and encrypted entries', () => {
    const many = makeRawZip(Array.from({ length: 20 }, (_, index) => deflatedEntry(`f${index}.xml`, '<a/>')));
    expect(() => openZipArchive(many, resolveParseLimits({ maxZipEntries: 10 }))).toThrow(/20 files/);
    const encrypted = makeRawZip([deflatedEntry('word/document.xml', '<a/>')]);
    new DataView(encrypted.buffer).setUint16(
      encrypted.byteLength - 22 - 46 - 'word/document.xml'.length + 8,
      1,
      true,
    );
    expect(() => openZipArchive(encrypted, DEFAULT_PARSE_LIMITS)).toThrow(
      expect.objectContaining({ code: 'ENCRYPTED_FILE' }) as Error,
    );
  });

  it('reads entries of a sound archive and reports a truncated one as corrupt', () => {
    const bytes = makeRawZip([deflatedEntry('a.txt', 'hello'), deflatedEntry('b.txt', 'world')]);
    expect(readZipDirectory(bytes)?.map((entry) => entry.name)).toEqual(['a.txt', 'b.txt']);
    expect(openZipArchive(bytes, DEFAULT_PARSE_LIMITS).readText('b.txt')).toBe('world');
    expect(() => openZipArchive(bytes.subarray(0, 40), DEFAULT_PARSE_LIMITS)).toThrow(
      expect.objectContaining({ code: 'CORRUPT_FILE' }) as Error,
    );
  });
});
