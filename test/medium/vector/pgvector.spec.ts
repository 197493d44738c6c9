import { randomUUID } from 'node:crypto';
import { openPostgres, type DatabaseHandle } from '@youworker/db';
import { createPgvectorStore, VectorStoreError } from '@youworker/vector';
import { CONTRACT_MODEL, describeVectorStoreContract, direction, makeChunk } from '@youworker/vector/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../support/env.ts';
import { createPgvectorFixture, insertDocument, type PgvectorFixture } from './pgvector-fixture.ts';

const backend = testDatabaseUrl ? 'PostgreSQL' : 'PGlite';

describeVectorStoreContract(`pgvector on ${backend}`, () => createPgvectorFixture());

describe(`pgvector store specifics on ${backend}`, () => {
  let fixture: PgvectorFixture;

  beforeAll(async () => {
    fixture = await createPgvectorFixture();
  });

  afterAll(async () => {
    await fixture.cleanup();
  });

  async function columnType(): Promise<string | undefined> {
    const result = await sql<{ type: string }>`select format_type(atttypid, atttypmod) as type
      from pg_attribute where attrelid = 'document_chunks'::regclass and attname = 'embedding'`.execute(
      fixture.database.handle.db,
    );
    return result.rows[0]?.type;
  }

  async function hnswIndex(): Promise<string | undefined> {
    const result = await sql<{ indexdef: string }>`select indexdef from pg_indexes
      where tablename = 'document_chunks' and indexname = 'document_chunks_embedding_hnsw_idx'`.execute(
      fixture.database.handle.db,
    );
    return result.rows[0]?.indexdef;
  }

  it('should refuse chunks before ensureIndex, then type the column and build the HNSW index, undone by reset', async () => {
    await expect(fixture.store.indexInfo()).resolves.toBeNull();
    expect(await columnType()).toBe('vector');
    const document = await fixture.createDocument({ ownerId: await fixture.createOwner() });
    const early: unknown = await fixture.store
      .indexDocument(document.documentId, document.access, [
        makeChunk(document.documentId, 0, 'x', direction(0)),
      ])
      .catch((caught: unknown) => caught);
    expect(VectorStoreError.isInstance(early) && early.code).toBe('VECTOR_INDEX_NOT_READY');
    await fixture.store.ensureIndex(CONTRACT_MODEL);
    expect(await columnType()).toBe('vector(8)');
    expect(await hnswIndex()).toMatch(
      /USING hnsw \(embedding vector_cosine_ops\) WITH \(m='?16'?, ef_construction='?64'?\)/,
    );
    await fixture.store.reset();
    expect(await columnType()).toBe('vector');
    expect(await hnswIndex()).toBeUndefined();
    await fixture.store.ensureIndex(CONTRACT_MODEL);
  });

  it('should refuse to index a document that does not exist', async () => {
    const missing = randomUUID();
    const error: unknown = await fixture.store
      .indexDocument(
        missing,
        {
          ownerId: randomUUID(),
          groupId: null,
          isPrivate: false,
          tags: [],
          mimeType: null,
          createdAt: new Date(),
        },
        [makeChunk(missing, 0, 'orphan', direction(0))],
      )
      .catch((caught: unknown) => caught);
    expect(VectorStoreError.isInstance(error) && error.code).toBe('VECTOR_DOCUMENT_NOT_FOUND');
  });

  it('should mark the document ready with its chunk count, and zero it on delete', async () => {
    const owner = await fixture.createOwner();
    const document = await fixture.createDocument({ ownerId: owner });
    const chunks = Array.from({ length: 450 }, (_, ordinal) =>
      makeChunk(document.documentId, ordinal, `batch chunk ${ordinal}`, direction(ordinal % 8, 0.1)),
    );
    await fixture.store.indexDocument(document.documentId, document.access, chunks);
    const row = await fixture.database.handle.db
      .selectFrom('documents')
      .select(['status', 'chunk_count', 'indexed_at'])
      .where('id', '=', document.documentId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'ready', chunk_count: 450 });
    expect(row.indexed_at).toBeInstanceOf(Date);
    const stored = await fixture.store.getChunks(document.documentId, 0, 1000, {
      userId: owner,
      groupIds: [],
    });
    expect(stored).toHaveLength(450);
    await fixture.store.deleteDocument(document.documentId);
    const after = await fixture.database.handle.db
      .selectFrom('documents')
      .select(['chunk_count', 'indexed_at'])
      .where('id', '=', document.documentId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ chunk_count: 0, indexed_at: null });
  });

  it('should leave the previous chunks in place when a re-index fails in a later batch', async () => {
    const owner = await fixture.createOwner();
    const access = { userId: owner, groupIds: [] };
    const other = await fixture.createDocument({ ownerId: owner });
    const taken = makeChunk(other.documentId, 0, 'other document', direction(1));
    await fixture.store.indexDocument(other.documentId, other.access, [taken]);
    const document = await fixture.createDocument({ ownerId: owner });
    await fixture.store.indexDocument(document.documentId, document.access, [
      makeChunk(document.documentId, 0, 'original', direction(0)),
    ]);
    // 250 chunks: the first batch of 200 inserts, the second hits another document's chunk id.
    const replacement = Array.from({ length: 250 }, (_, ordinal) =>
      ordinal === 230
        ? { ...makeChunk(document.documentId, ordinal, 'clash', direction(2)), id: taken.id }
        : makeChunk(document.documentId, ordinal, `replacement ${ordinal}`, direction(2)),
    );
    await expect(
      fixture.store.indexDocument(document.documentId, document.access, replacement),
    ).rejects.toThrow();
    const chunks = await fixture.store.getChunks(document.documentId, 0, 1000, access);
    expect(chunks.map((chunk) => chunk.text)).toEqual(['original']);
    const row = await fixture.database.handle.db
      .selectFrom('documents')
      .select('chunk_count')
      .where('id', '=', document.documentId)
      .executeTakeFirstOrThrow();
    expect(row.chunk_count).toBe(1);
  });

  it('should weight heading matches above body matches', async () => {
    const owner = await fixture.createOwner();
    const access = { userId: owner, groupIds: [] };
    const document = await fixture.createDocument({ ownerId: owner });
    await fixture.store.indexDocument(document.documentId, document.access, [
      makeChunk(document.documentId, 0, 'Our retention schedule keeps invoices for years.', direction(0)),
      makeChunk(document.documentId, 1, 'Keeps records as described.', direction(1), {
        headingPath: ['Retention'],
      }),
    ]);
    const hits = await fixture.store.search({ text: 'retention', access, k: 2, mode: 'lexical' });
    expect(hits.map((hit) => hit.ordinal)).toEqual([1, 0]);
  });

  it('should fall back to the simple text search configuration with a warning', async () => {
    const warnings: string[] = [];
    const store = createPgvectorStore({
      db: fixture.database.handle.db,
      textSearchConfig: 'klingon',
      onWarning: (message) => warnings.push(message),
    });
    const owner = await fixture.createOwner();
    const document = await insertDocument(fixture.database.handle, { ownerId: owner });
    await store.indexDocument(document.documentId, document.access, [
      makeChunk(document.documentId, 0, 'the running wolves', direction(0)),
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/"klingon" does not exist.*"simple"/);
    const access = { userId: owner, groupIds: [] };
    expect(await store.search({ text: 'the', access, k: 1, mode: 'lexical' })).toHaveLength(1);
    await expect(store.search({ text: 'run', access, k: 1, mode: 'lexical' })).resolves.toEqual([]);
  });

  it('should reject an invalid request before touching the database', async () => {
    const access = { userId: randomUUID(), groupIds: [] };
    for (const request of [
      { text: '', vector: direction(0), access, k: 0, mode: 'dense' as const },
      { text: '', vector: [Number.NaN, ...direction(0).slice(1)], access, k: 3, mode: 'dense' as const },
      { text: 'x', access: { userId: 'nobody', groupIds: [] }, k: 3, mode: 'lexical' as const },
    ]) {
      const error: unknown = await fixture.store.search(request).catch((caught: unknown) => caught);
      expect(VectorStoreError.isInstance(error) && error.code).toBe('VECTOR_INVALID_REQUEST');
    }
    expect(() => createPgvectorStore({ db: fixture.database.handle.db, efSearch: 0 })).toThrow(/efSearch/);
  });

  it('should fill k through the HNSW index with a restrictive filter (iterative scan)', async () => {
    // One session with sequential scans and sorts disabled, so the planner must walk the HNSW index.
    const session: DatabaseHandle =
      fixture.database.url === undefined
        ? fixture.database.handle
        : openPostgres({ databaseUrl: fixture.database.url, poolSize: 1, connectTimeoutMs: 5000 });
    try {
      await sql`set enable_seqscan = off`.execute(session.db);
      await sql`set enable_sort = off`.execute(session.db);
      const store = createPgvectorStore({ db: session.db, efSearch: 10 });
      await store.ensureIndex(CONTRACT_MODEL);
      // 300 chunks of someone else around the query, then the searcher's 8, all farther away.
      const crowded = await fixture.createDocument({ ownerId: await fixture.createOwner() });
      await store.indexDocument(
        crowded.documentId,
        crowded.access,
        Array.from({ length: 300 }, (_, ordinal) =>
          makeChunk(
            crowded.documentId,
            ordinal,
            `crowd ${ordinal}`,
            direction(0, 0.02 * (ordinal % 20), 1 + (ordinal % 7)),
          ),
        ),
      );
      const searcher = await fixture.createOwner();
      const mine = await fixture.createDocument({ ownerId: searcher });
      await store.indexDocument(
        mine.documentId,
        mine.access,
        Array.from({ length: 8 }, (_, ordinal) =>
          makeChunk(mine.documentId, ordinal, `mine ${ordinal}`, direction(0, 1.4 + 0.1 * ordinal, 4)),
        ),
      );
      const withoutIterativeScan = await session.db.transaction().execute(async (transaction) => {
        await sql`select set_config('hnsw.ef_search', '10', true), set_config('hnsw.iterative_scan', 'off', true)`.execute(
          transaction,
        );
        const query = sql`select c.id from document_chunks c join documents d on d.id = c.document_id
          where d.owner_id = ${searcher} order by c.embedding <=> ${`[${direction(0).join(',')}]`}::vector limit 5`;
        const plan = await sql<{ 'QUERY PLAN': string }>`explain (costs off) ${query}`.execute(transaction);
        expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain(
          'document_chunks_embedding_hnsw_idx',
        );
        return (await query.execute(transaction)).rows.length;
      });
      expect(withoutIterativeScan).toBeLessThan(5);
      const access = { userId: searcher, groupIds: [] };
      const hits = await store.search({ text: '', vector: direction(0), access, k: 5, mode: 'dense' });
      expect(hits).toHaveLength(5);
      expect(new Set(hits.map((hit) => hit.documentId))).toEqual(new Set([mine.documentId]));
      expect(hits.map((hit) => hit.ordinal)).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await sql`reset enable_seqscan`.execute(session.db);
      await sql`reset enable_sort`.execute(session.db);
      if (session !== fixture.database.handle) {
        await session.close();
      }
    }
  });

  it('should honour an aborted health check', async () => {
    await expect(fixture.store.check()).resolves.toBeUndefined();
    const controller = new AbortController();
    controller.abort(new Error('deadline'));
    await expect(fixture.store.check(controller.signal)).rejects.toThrow('deadline');
  });
});
