import { QdrantClient, type Schemas } from '@qdrant/js-client-rest';
import { assertDimension, isUuid, resolveSearch, validateChunks } from '../search-request.ts';
import type {
  AccessFilter,
  ChunkHit,
  DocumentAccess,
  EmbeddingIndexInfo,
  IndexedChunk,
  SearchRequest,
  VectorStore,
} from '../vector-store.ts';
import { VectorStoreError } from '../vector-store-error.ts';
import { abortable } from '../abortable.ts';
import { DENSE_VECTOR, SPARSE_VECTOR, ensureCollection, readCollectionInfo } from './qdrant-collection.ts';
import { accessCondition, documentCondition, documentFilter, searchFilter } from './qdrant-filter.ts';
import { accessPayload, chunkPayload, toChunkHit } from './qdrant-payload.ts';
import { documentSparseVector, querySparseVector } from './sparse-vector.ts';

/** Options of {@link createQdrantStore}. */
export interface QdrantStoreOptions {
  /** Base URL of the Qdrant REST API, e.g. `http://qdrant:6333`. */
  url: string;
  apiKey?: string;
  /** One collection holds every chunk (default `youworker_chunks`). */
  collection?: string;
  /** Per-request timeout in milliseconds (default 10,000). */
  timeoutMs?: number;
  /** `hnsw_ef` for dense searches (default 100). */
  efSearch?: number;
  /** A client to use instead of one built from `url` (tests). */
  client?: QdrantClient;
}

/** Points per upsert request. */
export const UPSERT_BATCH_SIZE = 128;

/** Chunks per scroll page in `getChunks`. */
const SCROLL_PAGE = 256;

function requireUuid(documentId: string): void {
  if (!isUuid(documentId)) {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', `Document id ${documentId} is not a uuid`);
  }
}

/**
 * The Qdrant store: one collection, a named dense vector (`dense`, cosine) and a sparse one
 * (`lexical`, IDF modifier: BM25 scoring); point ids are the chunk ids and the payload carries the
 * document's access facts, so every query filters on them server-side.
 */
export function createQdrantStore(options: QdrantStoreOptions): VectorStore {
  const collection = options.collection ?? 'youworker_chunks';
  const efSearch = options.efSearch ?? 100;
  const client =
    options.client ??
    new QdrantClient({
      url: options.url,
      ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
      timeout: options.timeoutMs ?? 10_000,
      checkCompatibility: false,
    });
  let payloadIndexesCreated = false;
  let cachedInfo: EmbeddingIndexInfo | null | undefined;

  async function indexInfo(): Promise<EmbeddingIndexInfo | null> {
    cachedInfo = await readCollectionInfo(client, collection);
    return cachedInfo;
  }

  async function requireInfo(): Promise<EmbeddingIndexInfo> {
    const info = cachedInfo ?? (await indexInfo());
    if (info === null) {
      throw new VectorStoreError(
        'VECTOR_INDEX_NOT_READY',
        `Qdrant collection ${collection} does not exist yet; call ensureIndex before indexing`,
      );
    }
    return info;
  }

  function toPoint(documentId: string, access: DocumentAccess, chunk: IndexedChunk): Schemas['PointStruct'] {
    const sparse = documentSparseVector(chunk.text, chunk.headingPath);
    return {
      id: chunk.id,
      vector: {
        [DENSE_VECTOR]: [...chunk.embedding],
        ...(sparse.indices.length > 0 ? { [SPARSE_VECTOR]: sparse } : {}),
      },
      payload: chunkPayload(documentId, access, chunk),
    };
  }

  async function query(request: Schemas['QueryRequest']): Promise<ChunkHit[]> {
    const response = await client.query(collection, request);
    return response.points.map(toChunkHit);
  }

  return {
    kind: 'qdrant',

    async ensureIndex(info) {
      await ensureCollection(client, collection, info, { createPayloadIndexes: !payloadIndexesCreated });
      payloadIndexesCreated = true;
      cachedInfo = { model: info.model, dimension: info.dimension };
    },

    indexInfo,

    async indexDocument(documentId, access, chunks) {
      requireUuid(documentId);
      const info = await requireInfo();
      validateChunks(chunks, info.dimension);
      for (let start = 0; start < chunks.length; start += UPSERT_BATCH_SIZE) {
        const points = chunks
          .slice(start, start + UPSERT_BATCH_SIZE)
          .map((chunk) => toPoint(documentId, access, chunk));
        await client.upsert(collection, { wait: true, points });
      }
      // Re-ingest replaces: whatever of this document is not among the new points goes (a shorter
      // document's trailing ordinals, or chunks whose ids changed).
      const kept = chunks.map((chunk) => chunk.id);
      await client.delete(collection, {
        wait: true,
        filter:
          kept.length === 0
            ? documentFilter(documentId)
            : { must: [documentCondition(documentId)], must_not: [{ has_id: kept }] },
      });
    },

    async updateDocumentAccess(documentId, access) {
      requireUuid(documentId);
      await client.setPayload(collection, {
        wait: true,
        payload: accessPayload(access),
        filter: documentFilter(documentId),
      });
    },

    async deleteDocument(documentId) {
      if (!isUuid(documentId) || (cachedInfo ?? (await indexInfo())) === null) {
        return;
      }
      await client.delete(collection, { wait: true, filter: documentFilter(documentId) });
    },

    async reset() {
      cachedInfo = undefined;
      const { exists } = await client.collectionExists(collection);
      if (exists) {
        await client.deleteCollection(collection);
      }
      payloadIndexesCreated = false;
      cachedInfo = null;
    },

    async search(request: SearchRequest) {
      const resolved = resolveSearch(request);
      const info = cachedInfo === undefined ? await indexInfo() : cachedInfo;
      if (info === null) {
        return [];
      }
      if (resolved.vector !== undefined) {
        assertDimension(resolved.vector, info.dimension, 'The query vector');
      }
      const filter = searchFilter(request.access, request.filters);
      if (filter === null) {
        return [];
      }
      const output = {
        with_payload: true,
        with_vector: request.withEmbeddings === true ? [DENSE_VECTOR] : false,
      };
      const dense = {
        query: [...(resolved.vector ?? [])],
        using: DENSE_VECTOR,
        filter,
        params: { hnsw_ef: efSearch },
      };
      const sparse = querySparseVector(resolved.text);
      const lexical = { query: sparse, using: SPARSE_VECTOR, filter };
      switch (request.mode) {
        case 'dense':
          return query({ ...dense, limit: resolved.k, ...output });
        case 'lexical':
          return sparse.indices.length === 0 ? [] : query({ ...lexical, limit: resolved.k, ...output });
        case 'hybrid':
          return query({
            prefetch: [
              { ...dense, limit: resolved.candidates },
              ...(sparse.indices.length > 0 ? [{ ...lexical, limit: resolved.candidates }] : []),
            ],
            query: { rrf: { k: Math.round(resolved.rrfK) } },
            limit: resolved.k,
            ...output,
          });
      }
    },

    async getChunks(documentId: string, fromOrdinal: number, toOrdinal: number, access: AccessFilter) {
      if (!Number.isInteger(fromOrdinal) || !Number.isInteger(toOrdinal)) {
        throw new VectorStoreError('VECTOR_INVALID_REQUEST', 'Ordinals must be integers');
      }
      if (!isUuid(documentId) || toOrdinal < fromOrdinal || (cachedInfo ?? (await indexInfo())) === null) {
        return [];
      }
      const filter = {
        must: [
          documentCondition(documentId),
          { key: 'ordinal', range: { gte: fromOrdinal, lte: toOrdinal } },
          accessCondition(access),
        ],
      };
      const hits: ChunkHit[] = [];
      let offset: Schemas['ExtendedPointId'] | undefined;
      do {
        const page = await client.scroll(collection, {
          filter,
          limit: SCROLL_PAGE,
          with_payload: true,
          with_vector: false,
          ...(offset === undefined ? {} : { offset }),
        });
        hits.push(...page.points.map(toChunkHit));
        const next = page.next_page_offset;
        offset = typeof next === 'string' || typeof next === 'number' ? next : undefined;
      } while (offset !== undefined);
      return hits.sort((left, right) => left.ordinal - right.ordinal);
    },

    async check(signal) {
      await abortable(client.collectionExists(collection), signal);
    },

    async close() {
      // The REST client holds no connection that needs closing.
    },
  };
}
