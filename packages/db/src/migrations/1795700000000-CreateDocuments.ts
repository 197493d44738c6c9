import { sql, type Kysely } from 'kysely';

/**
 * Documents, their chunks (vector + lexical index), ingestion runs and the durable job queue.
 * `document_chunks.embedding` has no fixed dimension here: the vector store fixes it (and builds the
 * HNSW index) when the embedding model is first recorded in `embedding_indexes`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'uuid')
    .addColumn('visibility', 'text', (column) =>
      column
        .notNull()
        .defaultTo('private')
        .check(sql`visibility in ('private', 'group')`),
    )
    .addColumn('title', 'text', (column) => column.notNull().check(sql`char_length(title) <= 500`))
    .addColumn('source_type', 'text', (column) =>
      column.notNull().check(sql`source_type in ('upload', 'url', 'path')`),
    )
    .addColumn('source_uri', 'text')
    .addColumn('mime_type', 'text')
    .addColumn('size_bytes', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('content_sha256', 'text')
    .addColumn('page_count', 'integer')
    .addColumn('chunk_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'processing', 'ready', 'failed', 'unsupported_until_stt')`),
    )
    .addColumn('error', 'text')
    .addColumn('tags', sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('storage_path', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('indexed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('documents_owner_created_idx')
    .on('documents')
    .columns(['owner_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('documents_group_idx').on('documents').column('group_id').execute();
  // Re-uploading the same content for the same owner returns the existing document.
  await db.schema
    .createIndex('documents_owner_sha_idx')
    .on('documents')
    .columns(['owner_id', 'content_sha256'])
    .unique()
    .where(sql.ref('content_sha256'), 'is not', null)
    .execute();
  await sql`create index documents_tags_idx on documents using gin (tags)`.execute(db);

  await db.schema
    .createTable('document_chunks')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('document_id', 'uuid', (column) =>
      column.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('ordinal', 'integer', (column) => column.notNull())
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('token_count', 'integer', (column) => column.notNull())
    .addColumn('page', 'integer')
    .addColumn('sheet', 'text')
    .addColumn('heading_path', sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('char_start', 'integer', (column) => column.notNull())
    .addColumn('char_end', 'integer', (column) => column.notNull())
    .addColumn('embedding', sql`vector`)
    .addColumn('tsv', sql`tsvector`)
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('document_chunks_document_ordinal_key', ['document_id', 'ordinal'])
    .execute();
  await sql`create index document_chunks_tsv_idx on document_chunks using gin (tsv)`.execute(db);

  await db.schema
    .createTable('embedding_indexes')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('model', 'text', (column) => column.notNull())
    .addColumn('dimension', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('ingestion_runs')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('source_type', 'text', (column) =>
      column.notNull().check(sql`source_type in ('upload', 'url', 'path', 'reindex')`),
    )
    .addColumn('source_label', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'running', 'succeeded', 'partial', 'failed')`),
    )
    .addColumn('files_total', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('files_done', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('files_failed', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('chunks_embedded', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('stage', 'text')
    .addColumn('errors', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('request_id', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('ingestion_runs_user_created_idx')
    .on('ingestion_runs')
    .columns(['user_id', 'created_at', 'id'])
    .execute();

  // The durable queue (table-backed, claimed with FOR UPDATE SKIP LOCKED on PostgreSQL and PGlite).
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('queue', 'text', (column) => column.notNull())
    .addColumn('payload', 'jsonb', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'running', 'succeeded', 'failed')`),
    )
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (column) => column.notNull().defaultTo(3))
    .addColumn('run_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('run_id', 'uuid', (column) => column.references('ingestion_runs.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['queue', 'status', 'run_at']).execute();
  await db.schema.createIndex('jobs_run_idx').on('jobs').column('run_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').ifExists().execute();
  await db.schema.dropTable('ingestion_runs').ifExists().execute();
  await db.schema.dropTable('embedding_indexes').ifExists().execute();
  await db.schema.dropTable('document_chunks').ifExists().execute();
  await db.schema.dropTable('documents').ifExists().execute();
}
