import { createHash } from 'node:crypto';

/**
 * The id of a document's `ordinal`-th chunk: a UUID derived from both, so re-indexing a document
 * produces the same ids (Qdrant point ids replace, never duplicate).
 */
export function chunkId(documentId: string, ordinal: number): string {
  const hex = createHash('sha256').update(`${documentId}:${ordinal}`).digest('hex');
  // Shaped as an RFC 9562 UUID (version 8: custom), variant bits set.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
