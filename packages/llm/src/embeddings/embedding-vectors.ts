import { LlmError } from '../llm-error.ts';

/** `vector` scaled to unit length (a zero vector is returned unchanged). */
export function l2Normalize(vector: readonly number[]): number[] {
  let sum = 0;
  for (const value of vector) {
    sum += value * value;
  }
  const norm = Math.sqrt(sum);
  return norm === 0 ? [...vector] : vector.map((value) => value / norm);
}

/** The cosine similarity of two vectors of the same length (0 when either is zero). */
export function cosineSimilarity(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftSum = 0;
  let rightSum = 0;
  left.forEach((value, index) => {
    const other = right[index] ?? 0;
    dot += value * other;
    leftSum += value * value;
    rightSum += other * other;
  });
  return leftSum === 0 || rightSum === 0 ? 0 : dot / Math.sqrt(leftSum * rightSum);
}

function isVector(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === 'number' && Number.isFinite(item))
  );
}

/**
 * Checks that a server answered `count` non-empty vectors of finite numbers, all of one dimension,
 * and returns them L2-normalised. Otherwise fails with `LLM_BAD_RESPONSE` naming `source`.
 */
export function readVectors(value: unknown, count: number, source: string): number[][] {
  if (!Array.isArray(value) || value.length !== count) {
    const got = Array.isArray(value) ? `${value.length} vectors` : 'no vector list';
    throw new LlmError('LLM_BAD_RESPONSE', `${source} answered ${got} for ${count} texts.`);
  }
  const vectors: number[][] = [];
  for (const item of value as unknown[]) {
    if (!isVector(item) || item.length !== (vectors[0]?.length ?? item.length)) {
      throw new LlmError('LLM_BAD_RESPONSE', `${source} answered a malformed or inconsistent vector.`);
    }
    vectors.push(l2Normalize(item));
  }
  return vectors;
}

/** Remembers the dimension of the first vectors a model returned and rejects any change. */
export class DimensionTracker {
  private known: number | undefined;

  constructor(private readonly source: string) {}

  /** The dimension seen so far, if any. */
  get dimension(): number | undefined {
    return this.known;
  }

  /** Records the dimension of `vectors`, failing with `LLM_BAD_RESPONSE` if it differs from before. */
  check(vectors: readonly (readonly number[])[]): void {
    const length = vectors[0]?.length;
    if (length === undefined) {
      return;
    }
    if (this.known !== undefined && this.known !== length) {
      throw new LlmError(
        'LLM_BAD_RESPONSE',
        `${this.source} changed its vector dimension from ${this.known} to ${length}.`,
      );
    }
    this.known = length;
  }
}
