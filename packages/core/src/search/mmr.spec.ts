import { describe, expect, it } from 'vitest';
import { cosine, maximalMarginalRelevance } from './mmr.ts';

interface Item {
  id: number;
  score: number;
  embedding: number[];
}

/** The textbook definition, recomputing every redundancy at every pick: the reference to match. */
function naiveMmr(items: readonly Item[], k: number, lambda: number): Item[] {
  const scores = items.map((item) => item.score);
  const min = Math.min(...scores);
  const span = Math.max(...scores) - min || 1;
  const remaining = [...items];
  const picked: Item[] = [];
  while (picked.length < k && remaining.length > 0) {
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((candidate, index) => {
      const redundancy = Math.max(
        0,
        ...picked.map((chosen) => cosine(candidate.embedding, chosen.embedding)),
      );
      const value = lambda * ((candidate.score - min) / span) - (1 - lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = index;
      }
    });
    picked.push(...remaining.splice(best, 1));
  }
  return picked;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('maximalMarginalRelevance', () => {
  it('should keep the relevance order when lambda is 1', () => {
    const items = [0.2, 0.9, 0.5].map((score, id) => ({ id, score, embedding: [1, 0] }));
    expect(maximalMarginalRelevance(items, 3, 1).map((item) => item.id)).toEqual([1, 2, 0]);
  });

  it('should prefer a different chunk over a near-duplicate of the first pick', () => {
    const items: Item[] = [
      { id: 0, score: 1, embedding: [1, 0, 0] },
      { id: 1, score: 0.95, embedding: [0.99, 0.01, 0] },
      { id: 2, score: 0.9, embedding: [0, 1, 0] },
    ];
    expect(maximalMarginalRelevance(items, 2, 0.5).map((item) => item.id)).toEqual([0, 2]);
  });

  it('should pick exactly what the textbook definition picks, on random candidates', () => {
    const random = seeded(7);
    for (let round = 0; round < 20; round += 1) {
      const items = Array.from({ length: 40 }, (_, id) => ({
        id,
        score: random(),
        embedding: Array.from({ length: 8 }, () => random() - 0.5),
      }));
      const k = 1 + Math.floor(random() * 15);
      const lambda = random();
      expect(maximalMarginalRelevance(items, k, lambda).map((item) => item.id)).toEqual(
        naiveMmr(items, k, lambda).map((item) => item.id),
      );
    }
  });

  it('should return at most the items it was given', () => {
    expect(maximalMarginalRelevance([{ score: 1 }], 5)).toEqual([{ score: 1 }]);
    expect(maximalMarginalRelevance([], 5)).toEqual([]);
  });
});
