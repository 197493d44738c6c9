import { describe, expect, it } from 'vitest';
import { readLines } from './line-reader.ts';
import { chunked, collect, splits } from './stream-test-helpers.ts';

describe(readLines.name, () => {
  const text = 'héllo 👋\r\nsecond € line\n\nlast';

  it('should yield the same lines wherever the chunks are cut (inside UTF-8 chars and CRLF)', async () => {
    for (const cuts of splits(text)) {
      expect(await collect(readLines(chunked(text, cuts))), `cuts ${cuts.join(',')}`).toEqual([
        'héllo 👋',
        'second € line',
        '',
        'last',
      ]);
    }
  });

  it('should not yield an empty last line after a final newline', async () => {
    expect(await collect(readLines(chunked('a\nb\n', [1])))).toEqual(['a', 'b']);
  });

  it('should yield nothing for an empty stream', async () => {
    expect(await collect(readLines(chunked('', [])))).toEqual([]);
  });
});
