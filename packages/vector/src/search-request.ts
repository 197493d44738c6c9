import type { IndexedChunk, SearchRequest } from './vector-store.ts';
import { VectorStoreError } from './vector-store-error.ts';

/** Largest `k` (and candidate count) a single search may ask for. */
export const MAX_SEARCH_RESULTS = 1000;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a uuid (documents, chunks, users and groups are all keyed by uuids). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** A search request with its defaults applied and its numbers checked. */
export interface ResolvedSearch {
  k: number;
  candidates: number;
  rrfK: number;
  /** The query vector, when the mode needs it. */
  vector: readonly number[] | undefined;
  /** The query text, trimmed. */
  text: string;
}

function positiveInteger(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new VectorStoreError(
      'VECTOR_INVALID_REQUEST',
      `${name} must be an integer in 1..${max} (got ${value})`,
    );
  }
  return value;
}

/** Throws unless every component is a finite number. */
export function assertFiniteVector(vector: readonly number[], what: string): void {
  if (vector.length === 0) {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', `${what} is empty`);
  }
  for (const component of vector) {
    if (!Number.isFinite(component)) {
      throw new VectorStoreError('VECTOR_INVALID_REQUEST', `${what} contains a non-finite number`);
    }
  }
}

/** Throws unless `vector` has `dimension` components. */
export function assertDimension(vector: readonly number[], dimension: number, what: string): void {
  if (vector.length !== dimension) {
    throw new VectorStoreError(
      'VECTOR_DIMENSION_MISMATCH',
      `${what} has ${vector.length} dimensions but the index has ${dimension}`,
    );
  }
}

/** Applies the defaults of {@link SearchRequest} (candidates max(k * 4, 50), rrfK 60) and validates it. */
export function resolveSearch(request: SearchRequest): ResolvedSearch {
  const k = positiveInteger(request.k, 'k', MAX_SEARCH_RESULTS);
  const candidates = positiveInteger(
    request.candidates ?? Math.min(Math.max(k * 4, 50), MAX_SEARCH_RESULTS),
    'candidates',
    MAX_SEARCH_RESULTS,
  );
  const rrfK = request.rrfK ?? 60;
  if (!Number.isFinite(rrfK) || rrfK < 0) {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', `rrfK must be a non-negative number (got ${rrfK})`);
  }
  if (request.mode !== 'lexical') {
    if (request.vector === undefined) {
      throw new VectorStoreError('VECTOR_INVALID_REQUEST', `A ${request.mode} search needs a query vector`);
    }
    assertFiniteVector(request.vector, 'The query vector');
  }
  return {
    k,
    candidates: Math.max(candidates, k),
    rrfK,
    vector: request.mode === 'lexical' ? undefined : request.vector,
    text: request.text.trim(),
  };
}

/** Throws unless each chunk has a unique uuid id, a unique non-negative ordinal and a finite embedding. */
export function validateChunks(chunks: readonly IndexedChunk[], dimension: number): void {
  const ordinals = new Set<number>();
  const ids = new Set<string>();
  for (const chunk of chunks) {
    if (!isUuid(chunk.id) || ids.has(chunk.id.toLowerCase())) {
      throw new VectorStoreError('VECTOR_INVALID_REQUEST', `Chunk id ${chunk.id} is not a unique uuid`);
    }
    ids.add(chunk.id.toLowerCase());
    if (!Number.isInteger(chunk.ordinal) || chunk.ordinal < 0 || ordinals.has(chunk.ordinal)) {
      throw new VectorStoreError(
        'VECTOR_INVALID_REQUEST',
        `Chunk ordinal ${chunk.ordinal} is not a unique non-negative integer`,
      );
    }
    ordinals.add(chunk.ordinal);
    assertFiniteVector(chunk.embedding, `The embedding of chunk ${chunk.ordinal}`);
    assertDimension(chunk.embedding, dimension, `The embedding of chunk ${chunk.ordinal}`);
  }
}
