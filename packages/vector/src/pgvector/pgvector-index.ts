import type { Database } from '@youworker/db';
import { sql, type Kysely } from 'kysely';
import { EmbeddingModelMismatchError, type EmbeddingIndexInfo } from '../vector-store.ts';
import { VectorStoreError } from '../vector-store-error.ts';

/** The HNSW index over `document_chunks.embedding` (cosine distance). */
export const HNSW_INDEX_NAME = 'document_chunks_embedding_hnsw_idx';

/** pgvector cannot build an HNSW index over `vector` columns wider than this. */
export const MAX_HNSW_DIMENSION = 2000;

/** The model recorded under `name` in `embedding_indexes`, or null. */
export async function readIndexInfo(db: Kysely<Database>, name: string): Promise<EmbeddingIndexInfo | null> {
  const row = await db
    .selectFrom('embedding_indexes')
    .select(['model', 'dimension'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? { model: row.model, dimension: row.dimension } : null;
}

function sameModel(left: EmbeddingIndexInfo, right: EmbeddingIndexInfo): boolean {
  return left.model === right.model && left.dimension === right.dimension;
}

function validateInfo(info: EmbeddingIndexInfo): void {
  if (info.model.trim() === '') {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', 'The embedding model name is empty');
  }
  if (!Number.isInteger(info.dimension) || info.dimension < 1 || info.dimension > MAX_HNSW_DIMENSION) {
    throw new VectorStoreError(
      'VECTOR_INVALID_REQUEST',
      `The embedding dimension must be an integer in 1..${MAX_HNSW_DIMENSION} (got ${info.dimension})`,
    );
  }
}

/** Serialises index DDL across processes (first `ensureIndex` calls racing, or a concurrent `reset`). */
async function lockIndex(db: Kysely<Database>, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`youworker.embedding_indexes:${name}`}))`.execute(db);
}

/**
 * Records `info` under `name` on first use, fixing the column to `vector(dimension)` and building the
 * HNSW cosine index (m=16, ef_construction=64) in the same transaction, under an advisory lock so
 * concurrent first calls create it once. Throws {@link EmbeddingModelMismatchError} when another
 * model or dimension is recorded.
 */
export async function ensureEmbeddingIndex(
  db: Kysely<Database>,
  name: string,
  info: EmbeddingIndexInfo,
): Promise<void> {
  validateInfo(info);
  const known = await readIndexInfo(db, name);
  if (known) {
    if (!sameModel(known, info)) {
      throw new EmbeddingModelMismatchError(known, info);
    }
    return;
  }
  await db.transaction().execute(async (transaction) => {
    await lockIndex(transaction, name);
    const recorded = await readIndexInfo(transaction, name);
    if (recorded) {
      if (!sameModel(recorded, info)) {
        throw new EmbeddingModelMismatchError(recorded, info);
      }
      return;
    }
    await transaction
      .insertInto('embedding_indexes')
      .values({ name, model: info.model, dimension: info.dimension })
      .execute();
    const dimension = sql.raw(String(info.dimension));
    await sql`alter table document_chunks alter column embedding type vector(${dimension})`.execute(
      transaction,
    );
    await sql`create index if not exists ${sql.id(HNSW_INDEX_NAME)} on document_chunks
      using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64)`.execute(transaction);
  });
}

/**
 * Drops the HNSW index and every chunk, returns the column to an undimensioned `vector`, forgets the
 * model and zeroes the chunk counts of indexed documents (their `status` is left to the reindex job).
 */
export async function resetEmbeddingIndex(db: Kysely<Database>, name: string): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    await lockIndex(transaction, name);
    await sql`drop index if exists ${sql.id(HNSW_INDEX_NAME)}`.execute(transaction);
    await sql`truncate document_chunks`.execute(transaction);
    await sql`alter table document_chunks alter column embedding type vector`.execute(transaction);
    await transaction
      .updateTable('documents')
      .set({ chunk_count: 0, indexed_at: null, updated_at: sql<Date>`now()` })
      .where((eb) => eb.or([eb('chunk_count', '<>', 0), eb('indexed_at', 'is not', null)]))
      .execute();
    await transaction.deleteFrom('embedding_indexes').where('name', '=', name).execute();
  });
}
