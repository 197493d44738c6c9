import { describe, expect, it } from 'vitest';
import { cosineSimilarity } from './embedding-vectors.ts';
import { createHashEmbedder } from './hash-embedder.ts';

const norm = (vector: readonly number[]) => Math.hypot(...vector);

describe(createHashEmbedder.name, () => {
  it('should be deterministic across instances and calls', async () => {
    const texts = ['The cat sat on the mat', 'Quarterly revenue grew 4%'];
    const first = await createHashEmbedder().embed(texts);
    const second = await createHashEmbedder().embed([...texts].reverse());
    expect(second.reverse()).toEqual(first);
  });

  it('should return unit vectors of the configured dimension, even for text without words', async () => {
    const embedder = createHashEmbedder(64);
    const vectors = await embedder.embed(['Hello world', '', '!!!']);
    expect(embedder.model).toBe('hash:64');
    expect(await embedder.dimension()).toBe(64);
    for (const vector of vectors) {
      expect(vector).toHaveLength(64);
      expect(norm(vector)).toBeCloseTo(1, 10);
    }
  });

  it('should ignore case and score texts sharing words above unrelated ones', async () => {
    const [query, related, unrelated, shouted] = await createHashEmbedder().embed([
      'reset the router password',
      'How to reset the password of your router',
      'Quarterly revenue grew in Europe',
      'RESET THE ROUTER PASSWORD',
    ]);
    expect(shouted).toEqual(query);
    expect(cosineSimilarity(query ?? [], related ?? [])).toBeGreaterThan(
      cosineSimilarity(query ?? [], unrelated ?? []),
    );
  });

  it('should refuse a dimension that is not a positive integer', () => {
    expect(() => createHashEmbedder(0)).toThrow(
      expect.objectContaining({ code: 'EMBEDDING_CONFIG_INVALID' }) as Error,
    );
  });
});
