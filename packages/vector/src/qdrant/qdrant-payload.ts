import type { Schemas } from '@qdrant/js-client-rest';
import { z } from 'zod';
import type { ChunkHit, DocumentAccess, IndexedChunk } from '../vector-store.ts';
import { VectorStoreError } from '../vector-store-error.ts';

/** Payload fields with an index (keyword, or integer for the numbers). */
export const PAYLOAD_INDEXES: readonly { field: string; schema: 'keyword' | 'integer' | 'bool' }[] = [
  { field: 'owner_id', schema: 'keyword' },
  { field: 'group_id', schema: 'keyword' },
  { field: 'is_private', schema: 'bool' },
  { field: 'document_id', schema: 'keyword' },
  { field: 'tags', schema: 'keyword' },
  { field: 'mime_type', schema: 'keyword' },
  { field: 'created_at', schema: 'integer' },
  { field: 'ordinal', schema: 'integer' },
];

/** The access part of a point's payload (what `updateDocumentAccess` rewrites). */
export function accessPayload(access: DocumentAccess): Record<string, unknown> {
  return {
    owner_id: access.ownerId,
    group_id: access.groupId,
    is_private: access.isPrivate,
    tags: [...access.tags],
    mime_type: access.mimeType,
    created_at: access.createdAt.getTime(),
  };
}

/** A chunk's full payload: location, text and the access facts of its document. */
export function chunkPayload(
  documentId: string,
  access: DocumentAccess,
  chunk: IndexedChunk,
): Record<string, unknown> {
  return {
    document_id: documentId,
    ordinal: chunk.ordinal,
    text: chunk.text,
    page: chunk.page ?? null,
    sheet: chunk.sheet ?? null,
    heading_path: [...chunk.headingPath],
    ...accessPayload(access),
  };
}

const hitPayload = z.object({
  document_id: z.string(),
  ordinal: z.number().int(),
  text: z.string(),
  page: z.number().int().nullable().optional(),
  sheet: z.string().nullable().optional(),
  heading_path: z.array(z.string()).optional(),
});

/** Maps a Qdrant point (scored or scrolled) to a {@link ChunkHit}. */
export function toChunkHit(
  point: Pick<Schemas['ScoredPoint'], 'id' | 'payload' | 'vector'> & { score?: number },
): ChunkHit {
  const parsed = hitPayload.safeParse(point.payload);
  if (!parsed.success) {
    throw new VectorStoreError(
      'VECTOR_BACKEND_RESPONSE_INVALID',
      `Qdrant point ${String(point.id)} has no chunk payload`,
    );
  }
  const payload = parsed.data;
  const hit: ChunkHit = {
    chunkId: String(point.id),
    documentId: payload.document_id,
    ordinal: payload.ordinal,
    text: payload.text,
    page: payload.page ?? null,
    sheet: payload.sheet ?? null,
    headingPath: payload.heading_path ?? [],
    score: point.score ?? 0,
  };
  const vector = point.vector;
  if (vector && !Array.isArray(vector) && 'dense' in vector && Array.isArray(vector.dense)) {
    hit.embedding = (vector.dense as unknown[]).map(Number);
  }
  return hit;
}
