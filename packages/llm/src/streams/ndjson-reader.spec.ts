import { describe, expect, it } from 'vitest';
import { LlmError } from '../llm-error.ts';
import { readNdjson } from './ndjson-reader.ts';
import { chunked, collect, splits } from './stream-test-helpers.ts';

describe(readNdjson.name, () => {
  it('should parse one value per line across any chunk boundary, skipping blank lines', async () => {
    const text = '{"message":{"content":"ça"}}\n\n{"done":true,"eval_count":3}\n';
    for (const cuts of splits(text)) {
      expect(await collect(readNdjson(chunked(text, cuts)))).toEqual([
        { message: { content: 'ça' } },
        { done: true, eval_count: 3 },
      ]);
    }
  });

  it('should parse a last line without a newline', async () => {
    expect(await collect(readNdjson(chunked('{"a":1}', [])))).toEqual([{ a: 1 }]);
  });

  it('should fail with LLM_BAD_RESPONSE on a line that is not JSON', async () => {
    const error: unknown = await collect(readNdjson(chunked('{"a":1}\nnot json\n', []))).catch(
      (caught: unknown) => caught,
    );
    expect(LlmError.isInstance(error) && error.code).toBe('LLM_BAD_RESPONSE');
  });
});
