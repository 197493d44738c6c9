/**
 * Lexical vectors for Qdrant's sparse index. Terms are hashed to stable 32-bit indices; a document's
 * values are BM25-saturated term frequencies and a query's are 1 per term, so with the collection's
 * `modifier: 'idf'` the dot product Qdrant computes is a BM25 score.
 */

/** A sparse vector: ascending unique indices and their values. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

/** BM25 parameters (`k1` saturation, `b` length normalisation against `averageLength` tokens). */
export interface Bm25Options {
  k1: number;
  b: number;
  averageLength: number;
}

/** Defaults for chunks of a few hundred tokens. */
export const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75, averageLength: 200 };

/** Heading terms count this many times: a heading match ranks above a body match (as pgvector's weight A). */
const HEADING_WEIGHT = 2;

// The Snowball English stop words PostgreSQL's `english` configuration also drops (abridged).
const stopWords = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is it its itself just me more most ' +
    'my myself no nor not now of off on once only or other our ours ourselves out over own same she ' +
    'should so some such than that the their theirs them themselves then there these they this those ' +
    'through to too under until up very was we were what when where which while who whom why will with ' +
    'would you your yours yourself yourselves'
  ).split(' '),
);

const encoder = new TextEncoder();

/** FNV-1a over the UTF-8 bytes: the same term always maps to the same unsigned 32-bit index. */
export function hashTerm(term: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(term)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Lower-cased letter/digit runs (NFKC-normalised), without stop words. */
export function tokenize(text: string): string[] {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => !stopWords.has(word));
}

function countTerms(tokens: readonly string[], weight: number, counts: Map<number, number>): void {
  for (const token of tokens) {
    const index = hashTerm(token);
    counts.set(index, (counts.get(index) ?? 0) + weight);
  }
}

function toSparse(entries: Map<number, number>): SparseVector {
  const sorted = [...entries].sort(([left], [right]) => left - right);
  return { indices: sorted.map(([index]) => index), values: sorted.map(([, value]) => value) };
}

/**
 * A chunk's sparse vector: per term, tf·(k1+1) / (tf + k1·(1 − b + b·length/averageLength)). Terms
 * whose hashes collide are merged (their frequencies add up).
 */
export function documentSparseVector(
  text: string,
  headingPath: readonly string[] = [],
  options: Bm25Options = DEFAULT_BM25,
): SparseVector {
  const counts = new Map<number, number>();
  const body = tokenize(text);
  const heading = tokenize(headingPath.join(' '));
  countTerms(body, 1, counts);
  countTerms(heading, HEADING_WEIGHT, counts);
  const length = body.length + heading.length * HEADING_WEIGHT;
  const norm = options.k1 * (1 - options.b + (options.b * length) / options.averageLength);
  const values = new Map<number, number>();
  for (const [index, frequency] of counts) {
    values.set(index, (frequency * (options.k1 + 1)) / (frequency + norm));
  }
  return toSparse(values);
}

/** A query's sparse vector: each distinct term once, value 1 (Qdrant multiplies in the IDF). Empty for stop words only. */
export function querySparseVector(text: string): SparseVector {
  const values = new Map<number, number>();
  for (const token of tokenize(text)) {
    values.set(hashTerm(token), 1);
  }
  return toSparse(values);
}
