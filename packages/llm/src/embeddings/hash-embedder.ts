import { abortedError } from '../http/retry.ts';
import type { Embedder } from './embedder.ts';
import { EmbeddingConfigError } from './embedding-config-error.ts';
import { l2Normalize } from './embedding-vectors.ts';

/** 32-bit FNV-1a of `text` (UTF-16 code units). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const wordPattern = /[\p{L}\p{N}]+/gu;
// The one feature of a text without words, so that every vector still has unit length.
const emptyFeature = '\u0000empty';

/** The features of `text`: lower-cased words (weight 1) and adjacent word pairs (weight 0.5). */
function features(text: string): [string, number][] {
  const words = text.toLowerCase().match(wordPattern) ?? [];
  if (words.length === 0) {
    return [[emptyFeature, 1]];
  }
  const pairs = words.slice(1).map((word, index): [string, number] => [`${words[index] ?? ''} ${word}`, 0.5]);
  return [...words.map((word): [string, number] => [word, 1]), ...pairs];
}

/**
 * A deterministic, dependency-free embedder for tests of other packages: feature hashing of
 * lower-cased word tokens and word bigrams into `dimension` buckets (default 256), each feature
 * adding ±weight (the sign from a second hash bit), then L2-normalised. Texts sharing words get a
 * positive cosine; it knows nothing of meaning. `purpose` is ignored. Model id `hash:<dimension>`.
 */
export function createHashEmbedder(dimension = 256): Embedder {
  if (!Number.isInteger(dimension) || dimension < 1) {
    throw new EmbeddingConfigError(
      `The hash embedder dimension must be a positive integer (got ${dimension}).`,
    );
  }
  const embedOne = (text: string): number[] => {
    const vector = new Array<number>(dimension).fill(0);
    for (const [feature, weight] of features(text)) {
      const hash = fnv1a(feature);
      const bucket = hash % dimension;
      vector[bucket] = (vector[bucket] ?? 0) + (fnv1a(`±${feature}`) & 1 ? weight : -weight);
    }
    return l2Normalize(vector);
  };
  return {
    model: `hash:${dimension}`,
    async dimension() {
      return dimension;
    },
    async embed(texts, options = {}) {
      if (options.signal?.aborted) {
        throw abortedError(options.signal.reason);
      }
      return texts.map(embedOne);
    },
  };
}
