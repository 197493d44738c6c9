/** Cosine similarity of two vectors (0 when either is empty or zero). */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a[index] ?? 0;
    const y = b[index] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * Maximal marginal relevance: picks `k` items, each time the one with the best
 * `lambda * relevance - (1 - lambda) * max similarity to those already picked`. Relevance is
 * rescaled to [0, 1] so fused (RRF) scores and cosine similarities mix sensibly. Each candidate keeps
 * its running maximum similarity, updated with the newly picked item only, so a pick costs one
 * similarity per remaining candidate (O(k·n) similarities in all, not O(k²·n)).
 */
export function maximalMarginalRelevance<T extends { score: number; embedding?: number[] }>(
  items: readonly T[],
  k: number,
  lambda = 0.7,
): T[] {
  if (items.length <= 1) {
    return items.slice(0, k);
  }
  const scores = items.map((item) => item.score);
  const min = Math.min(...scores);
  const span = Math.max(...scores) - min || 1;
  const remaining = items.map((item, index) => ({
    item,
    relevance: ((scores[index] ?? 0) - min) / span,
    redundancy: 0,
  }));
  const picked: T[] = [];
  while (picked.length < k && remaining.length > 0) {
    let bestIndex = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((candidate, index) => {
      const value = lambda * candidate.relevance - (1 - lambda) * candidate.redundancy;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = index;
      }
    });
    const [chosen] = remaining.splice(bestIndex, 1);
    if (!chosen) {
      break;
    }
    picked.push(chosen.item);
    const embedding = chosen.item.embedding ?? [];
    for (const candidate of remaining) {
      candidate.redundancy = Math.max(
        candidate.redundancy,
        cosine(candidate.item.embedding ?? [], embedding),
      );
    }
  }
  return picked;
}
