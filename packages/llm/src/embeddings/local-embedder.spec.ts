import { describe, expect, it, vi } from 'vitest';
import { cosineSimilarity } from './embedding-vectors.ts';
import { createLocalEmbedder, type SentenceEncoder } from './local-embedder.ts';

function fakeEncoder(): SentenceEncoder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async embed(texts) {
      calls.push(texts);
      return texts.map((text) => [text.length, 1]);
    },
  };
}

describe(createLocalEmbedder.name, () => {
  it('should embed with the real USE-lite model: 512 normalised dimensions that capture meaning', async () => {
    const listeners = () => [
      process.listenerCount('unhandledRejection'),
      process.listenerCount('uncaughtException'),
    ];
    const before = listeners();
    const embedder = createLocalEmbedder();
    const [question, paraphrase, unrelated, empty] = await embedder.embed([
      'How do I reset my password?',
      'I forgot my login credentials and need to change them.',
      'The stock market closed higher today.',
      '',
    ]);
    expect(embedder.model).toBe('local:use-lite');
    expect(await embedder.dimension()).toBe(512);
    for (const vector of [question, paraphrase, unrelated, empty]) {
      expect(vector).toHaveLength(512);
      expect(Math.hypot(...(vector ?? []))).toBeCloseTo(1, 5);
    }
    expect(cosineSimilarity(question ?? [], paraphrase ?? [])).toBeGreaterThan(
      cosineSimilarity(question ?? [], unrelated ?? []) + 0.1,
    );
    expect(listeners()).toEqual(before);
  }, 60_000);

  it('should load the model once, lazily, and run calls one at a time', async () => {
    const encoder = fakeEncoder();
    const load = vi.fn(async () => encoder);
    const embedder = createLocalEmbedder({ load });
    expect(await embedder.dimension()).toBe(512);
    expect(load).not.toHaveBeenCalled();
    const results = await Promise.all([embedder.embed(['a']), embedder.embed(['bb', 'ccc'])]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(encoder.calls).toEqual([['a'], ['bb', 'ccc']]);
    expect(results[1][0]?.[0]).toBeCloseTo(2 / Math.hypot(2, 1));
  });

  it('should report a failed load as LLM_UNAVAILABLE and try again on the next call', async () => {
    const load = vi
      .fn<() => Promise<SentenceEncoder>>()
      .mockRejectedValueOnce(new Error('ENOENT model.json'))
      .mockResolvedValueOnce(fakeEncoder());
    const embedder = createLocalEmbedder({ load });
    await expect(embedder.embed(['a'])).rejects.toMatchObject({ code: 'LLM_UNAVAILABLE' });
    expect(await embedder.embed(['a'])).toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('should reject a call aborted while it waits its turn', async () => {
    const gate: { release?: () => void } = {};
    const slow: SentenceEncoder = {
      embed: (texts) =>
        new Promise((resolve) => {
          gate.release = () => {
            resolve(texts.map(() => [1]));
          };
        }),
    };
    const embedder = createLocalEmbedder({ load: async () => slow });
    const first = embedder.embed(['a']);
    const controller = new AbortController();
    const second = embedder.embed(['b'], { signal: controller.signal });
    controller.abort();
    await vi.waitFor(() => {
      expect(gate.release).toBeDefined();
    });
    gate.release?.();
    expect(await first).toEqual([[1]]);
    await expect(second).rejects.toMatchObject({ code: 'LLM_ABORTED' });
  });
});
