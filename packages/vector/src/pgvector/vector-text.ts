import { VectorStoreError } from '../vector-store-error.ts';

/** The pgvector text form of an embedding: `[0.1,0.2,…]` (shortest round-trip decimal of each float). */
export function toVectorText(vector: readonly number[]): string {
  return `[${vector.join(',')}]`;
}

/** Parses pgvector's text output (`[1,2.5,1e-07]`) back into numbers. */
export function parseVectorText(text: string): number[] {
  if (!text.startsWith('[') || !text.endsWith(']')) {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', `Not a pgvector value: ${text.slice(0, 40)}`);
  }
  const body = text.slice(1, -1);
  if (body.trim() === '') {
    return [];
  }
  return body.split(',').map((part) => {
    const value = Number(part);
    if (part.trim() === '' || !Number.isFinite(value)) {
      throw new VectorStoreError('VECTOR_INVALID_REQUEST', `Not a pgvector component: ${part}`);
    }
    return value;
  });
}
