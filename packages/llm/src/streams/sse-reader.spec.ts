import { describe, expect, it } from 'vitest';
import { readSseData } from './sse-reader.ts';
import { chunked, collect, splits } from './stream-test-helpers.ts';

describe(readSseData.name, () => {
  it('should yield each event data across any chunk boundary and stop at [DONE]', async () => {
    const text =
      ': keep-alive\n\ndata: {"x":"日本"}\r\n\r\nevent: message\ndata:{"y":2}\n\ndata: [DONE]\n\ndata: {"after":true}\n\n';
    for (const cuts of splits(text)) {
      expect(await collect(readSseData(chunked(text, cuts)))).toEqual(['{"x":"日本"}', '{"y":2}']);
    }
  });

  it('should join multi-line data with newlines', async () => {
    expect(await collect(readSseData(chunked('data: a\ndata: b\n\n', [])))).toEqual(['a\nb']);
  });

  it('should dispatch a last event that lacks the blank line', async () => {
    expect(await collect(readSseData(chunked('data: {"z":1}\n', [])))).toEqual(['{"z":1}']);
  });

  it('should ignore [DONE] at the very end without a blank line', async () => {
    expect(await collect(readSseData(chunked('data: 1\n\ndata: [DONE]', [])))).toEqual(['1']);
  });
});
