import { createHash } from 'node:crypto';
import type { IndexedChunk } from '../vector-store.ts';

/** The dimension of the contract suite's synthetic embeddings. */
export const CONTRACT_DIMENSION = 8;

/** A deterministic uuid for chunk `ordinal` of a document (the shape ingestion uses: derived, stable). */
export function chunkIdFor(documentId: string, ordinal: number): string {
  const hex = createHash('sha256').update(`${documentId}:${ordinal}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Scales a vector to unit length. */
export function normalize(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return vector.map((value) => value / norm);
}

/**
 * A unit vector mostly along axis `axis`, tilted by `tilt` towards axis `towards` (tilt 0: the axis).
 * Cosine similarity to axis `axis` falls as `tilt` grows.
 */
export function direction(axis: number, tilt = 0, towards = (axis + 1) % CONTRACT_DIMENSION): number[] {
  const vector = new Array<number>(CONTRACT_DIMENSION).fill(0);
  vector[axis] = 1;
  vector[towards] = (vector[towards] ?? 0) + tilt;
  return normalize(vector);
}

/** A chunk of `documentId` with the given text and embedding. */
export function makeChunk(
  documentId: string,
  ordinal: number,
  text: string,
  embedding: readonly number[],
  extra: Partial<Pick<IndexedChunk, 'page' | 'sheet' | 'headingPath'>> = {},
): IndexedChunk {
  return {
    id: chunkIdFor(documentId, ordinal),
    ordinal,
    text,
    tokenCount: text.split(/\s+/).length,
    headingPath: extra.headingPath ?? [],
    charStart: ordinal * 1000,
    charEnd: ordinal * 1000 + text.length,
    embedding,
    ...(extra.page === undefined ? {} : { page: extra.page }),
    ...(extra.sheet === undefined ? {} : { sheet: extra.sheet }),
  };
}
