import type { Database } from '@youworker/db';
import { sql, type Kysely } from 'kysely';
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
import { insertChunks } from './pgvector-chunks.ts';
import { accessCondition } from './pgvector-filters.ts';
import { ensureEmbeddingIndex, readIndexInfo, resetEmbeddingIndex } from './pgvector-index.ts';
import {
  chunkColumns,
  denseQuery,
  hybridQuery,
  lexicalQuery,
  runWithSearchSettings,
  toChunkHit,
  type ChunkRow,
} from './pgvector-search.ts';
import { prepareSession, type PgvectorSession } from './pgvector-session.ts';

/** Options of {@link createPgvectorStore}. */
export interface PgvectorStoreOptions {
  /** The platform database (PostgreSQL or PGlite, both with pgvector); the caller owns its lifecycle. */
  db: Kysely<Database>;
  /** Text search configuration for `tsv` and queries (default `english`; unknown names fall back to `simple`). */
  textSearchConfig?: string;
  /** `hnsw.ef_search` for dense and hybrid searches (default 100: recall ≥ 0.95 at 100k chunks). */
  efSearch?: number;
  /** The row of `embedding_indexes` this store records its model in (default `default`). */
  indexName?: string;
  /** Receives operator-facing warnings (default: `process.emitWarning`). */
  onWarning?: (message: string) => void;
}

function emitWarning(message: string): void {
  process.emitWarning(message, { code: 'YOUWORKER_VECTOR_STORE' });
}

function ordinalBound(value: number, name: string): number {
  if (!Number.isInteger(value)) {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', `${name} must be an integer (got ${value})`);
  }
  return value;
}

/**
 * The pgvector store over `document_chunks` in the platform database. Access is never copied into the
 * index: every query joins the live `documents` row, so `updateDocumentAccess` has nothing to do.
 */
export function createPgvectorStore(options: PgvectorStoreOptions): VectorStore {
  const { db } = options;
  const indexName = options.indexName ?? 'default';
  const efSearch = options.efSearch ?? 100;
  if (!Number.isInteger(efSearch) || efSearch < 1 || efSearch > 1000) {
    throw new VectorStoreError(
      'VECTOR_INVALID_REQUEST',
      `efSearch must be an integer in 1..1000 (got ${efSearch})`,
    );
  }
  let session: Promise<PgvectorSession> | undefined;
  let cachedInfo: EmbeddingIndexInfo | null | undefined;

  function prepare(): Promise<PgvectorSession> {
    session ??= prepareSession(
      db,
      options.textSearchConfig ?? 'english',
      options.onWarning ?? emitWarning,
    ).catch((error: unknown) => {
      session = undefined;
      throw error;
    });
    return session;
  }

  async function indexInfo(): Promise<EmbeddingIndexInfo | null> {
    cachedInfo = await readIndexInfo(db, indexName);
    return cachedInfo;
  }

  async function knownDimension(): Promise<number | undefined> {
    if (cachedInfo === undefined) {
      await indexInfo();
    }
    return cachedInfo?.dimension;
  }

  return {
    kind: 'pgvector',

    async ensureIndex(info) {
      await ensureEmbeddingIndex(db, indexName, info);
      cachedInfo = { model: info.model, dimension: info.dimension };
    },

    indexInfo,

    async indexDocument(documentId: string, _access: DocumentAccess, chunks: readonly IndexedChunk[]) {
      if (!isUuid(documentId)) {
        throw new VectorStoreError('VECTOR_INVALID_REQUEST', `Document id ${documentId} is not a uuid`);
      }
      const { textSearchConfig } = await prepare();
      await db.transaction().execute(async (transaction) => {
        const info = await readIndexInfo(transaction, indexName);
        if (info === null) {
          throw new VectorStoreError(
            'VECTOR_INDEX_NOT_READY',
            'No embedding model is recorded yet; call ensureIndex before indexing',
          );
        }
        validateChunks(chunks, info.dimension);
        const updated = await transaction
          .updateTable('documents')
          .set({
            status: 'ready',
            chunk_count: chunks.length,
            indexed_at: sql<Date>`now()`,
            updated_at: sql<Date>`now()`,
          })
          .where('id', '=', documentId)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) {
          throw new VectorStoreError('VECTOR_DOCUMENT_NOT_FOUND', `Document ${documentId} does not exist`);
        }
        await transaction.deleteFrom('document_chunks').where('document_id', '=', documentId).execute();
        await insertChunks(transaction, documentId, chunks, textSearchConfig);
      });
    },

    async updateDocumentAccess() {
      // Access is joined from `documents` at query time: nothing is copied into the index.
    },

    async deleteDocument(documentId) {
      if (!isUuid(documentId)) {
        return;
      }
      await db.transaction().execute(async (transaction) => {
        await transaction.deleteFrom('document_chunks').where('document_id', '=', documentId).execute();
        await transaction
          .updateTable('documents')
          .set({ chunk_count: 0, indexed_at: null, updated_at: sql<Date>`now()` })
          .where('id', '=', documentId)
          .execute();
      });
    },

    async reset() {
      cachedInfo = undefined;
      await resetEmbeddingIndex(db, indexName);
      cachedInfo = null;
    },

    async search(request: SearchRequest): Promise<ChunkHit[]> {
      const resolved = resolveSearch(request);
      const prepared = await prepare();
      if (resolved.vector !== undefined) {
        const dimension = await knownDimension();
        if (dimension !== undefined) {
          assertDimension(resolved.vector, dimension, 'The query vector');
        }
      }
      const context = { textSearchConfig: prepared.textSearchConfig };
      const settings = { efSearch, iterativeScan: prepared.iterativeScan };
      let rows: ChunkRow[];
      switch (request.mode) {
        case 'dense':
          rows = await runWithSearchSettings(db, denseQuery(request, resolved), settings);
          break;
        case 'hybrid':
          rows = await runWithSearchSettings(db, hybridQuery(request, resolved, context), settings);
          break;
        case 'lexical':
          rows =
            resolved.text === ''
              ? []
              : await runWithSearchSettings(db, lexicalQuery(request, resolved, context), settings);
          break;
      }
      return rows.map(toChunkHit);
    },

    async getChunks(documentId: string, fromOrdinal: number, toOrdinal: number, access: AccessFilter) {
      const from = ordinalBound(fromOrdinal, 'fromOrdinal');
      const to = ordinalBound(toOrdinal, 'toOrdinal');
      if (!isUuid(documentId) || to < from) {
        return [];
      }
      const result = await sql<ChunkRow>`select ${chunkColumns(false)}, 0 as score
        from document_chunks c join documents d on d.id = c.document_id
        where c.document_id = ${documentId} and c.ordinal between ${from} and ${to}
          and ${accessCondition(access)}
        order by c.ordinal`.execute(db);
      return result.rows.map(toChunkHit);
    },

    async check(signal) {
      await abortable(sql`select 1 from embedding_indexes limit 1`.execute(db), signal);
    },

    async close() {
      // The database handle belongs to the caller.
    },
  };
}
