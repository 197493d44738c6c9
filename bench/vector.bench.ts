/**
 * `node --import tsx bench/vector.bench.ts [--database-url URL] [--sizes 10000,100000] [--queries 200]
 * [--keep-database]`:
 * the pgvector store at N chunks. For each size it creates a scratch database on the PostgreSQL server
 * (default postgres://postgres@127.0.0.1:5432/postgres: the embedded PGlite is too slow to load and
 * index 100k chunks), migrates it, inserts N clustered 384-d unit-vector chunks (with text) spread over
 * 100 owners and 10 groups through `store.indexDocument`, builds the HNSW index, then measures in the
 * same run, per access profile: the raw pgvector query (`ORDER BY embedding <=> $1 LIMIT 10`, no
 * filter, ef_search=100 on the session), `store.search` dense and hybrid with the access filter (k=10),
 * exact brute force for the same filter, and recall@10 of the filtered dense search (and of the raw
 * query, unfiltered) against it. The scratch database is dropped afterwards. Prints a Markdown table.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { migrateUp, openPostgres } from '@youworker/db';
import {
  createPgvectorStore,
  type AccessFilter,
  type IndexedChunk,
  type VectorStore,
} from '@youworker/vector';
import {
  chunkIdFor,
  createSyntheticCorpus,
  seededRandom,
  type SyntheticCorpus,
} from '@youworker/vector/testing';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    sizes: { type: 'string', default: '10000,100000' },
    queries: { type: 'string', default: '200' },
    // Keep the scratch database (its name is printed) to look at plans afterwards.
    'keep-database': { type: 'boolean', default: false },
  },
});
const databaseUrl = values['database-url'];
const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
const queryCount = Number(values.queries);

const DIMENSION = 384;
const CHUNKS_PER_DOCUMENT = 50;
const OWNERS = 100;
const GROUPS = 10;
const SHARED_FRACTION = 0.2;
const EF_SEARCH = 100;
const K = 10;
const INSERT_CONCURRENCY = 4;
const HNSW_INDEX = 'document_chunks_embedding_hnsw_idx';

/** A loaded document: who sees it and which clusters its chunks come from. */
interface LoadedDocument {
  ownerId: string;
  groupId: string | null;
  clusters: number[];
}

interface Query {
  vector: number[];
  text: string;
  access: AccessFilter;
}

/** Who searches: each owner with their own groups, or each owner as a member of every group. */
interface Profile {
  name: string;
  accessOf(ownerId: string, ownGroups: string[]): AccessFilter;
}

interface Measurement {
  profile: string;
  visiblePercent: number;
  plan: string;
  raw: number[];
  dense: number[];
  hybrid: number[];
  exact: number[];
  denseRecall: number;
  rawRecall: number;
  lexicalHits: number;
}

interface SizeResult {
  size: number;
  insertSeconds: number;
  buildSeconds: number;
  tableMb: number;
  indexMb: number;
  measurements: Measurement[];
}

function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const began = performance.now();
  const result = await run();
  samples.push(performance.now() - began);
  return result;
}

function toVectorText(vector: readonly number[]): string {
  return `[${vector.join(',')}]`;
}

function databaseUrlFor(name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function pick<T>(values: readonly T[], random: () => number): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) {
    throw new Error('pick from an empty list');
  }
  return value;
}

/** Inserts the `documents` rows and indexes their chunks through the store, a few documents at a time. */
async function loadCorpus(
  db: Kysely<never>,
  store: VectorStore,
  corpus: SyntheticCorpus,
  owners: string[],
  groups: string[],
  size: number,
  random: () => number,
): Promise<LoadedDocument[]> {
  const total = Math.ceil(size / CHUNKS_PER_DOCUMENT);
  const mimeTypes = ['application/pdf', 'text/plain', 'text/html'];
  const loaded: LoadedDocument[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next;
      next += 1;
      const ownerId = pick(owners, random);
      const groupId = random() < SHARED_FRACTION ? pick(groups, random) : null;
      const mimeType = pick(mimeTypes, random);
      const inserted = await sql<{ id: string }>`insert into documents
          (owner_id, group_id, is_private, title, source_type, mime_type, tags, status)
        values (${ownerId}, ${groupId}, false, ${`bench ${index}`}, 'upload', ${mimeType},
          ${[`tag${index % 20}`]}::text[], 'processing')
        returning id`.execute(db);
      const documentId = inserted.rows[0]?.id ?? '';
      // A document covers a few related topics: its chunks come from up to three clusters.
      const clusters = [corpus.randomCluster(), corpus.randomCluster(), corpus.randomCluster()];
      const count = Math.min(CHUNKS_PER_DOCUMENT, size - index * CHUNKS_PER_DOCUMENT);
      const chunks: IndexedChunk[] = Array.from({ length: count }, (_, ordinal) => {
        const cluster = clusters[ordinal % clusters.length] ?? 0;
        const text = corpus.textFor(cluster, 40);
        return {
          id: chunkIdFor(documentId, ordinal),
          ordinal,
          text,
          tokenCount: 40,
          headingPath: [`Section ${ordinal % 5}`],
          charStart: ordinal * 400,
          charEnd: ordinal * 400 + text.length,
          embedding: corpus.vectorNear(cluster),
        };
      });
      const access = {
        ownerId,
        groupId,
        isPrivate: false,
        tags: [],
        mimeType,
        createdAt: new Date(),
      } as const;
      await store.indexDocument(documentId, access, chunks);
      loaded.push({ ownerId, groupId, clusters });
    }
  };
  await Promise.all(Array.from({ length: INSERT_CONCURRENCY }, worker));
  return loaded;
}

async function buildIndex(db: Kysely<never>): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    await sql`set local maintenance_work_mem = '1GB'`.execute(transaction);
    await sql`create index ${sql.id(HNSW_INDEX)} on document_chunks
      using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64)`.execute(transaction);
  });
  await sql`analyze document_chunks`.execute(db);
  await sql`analyze documents`.execute(db);
}

/** The store's access condition, written out for the exact (brute-force) reference query. */
function accessSql(access: AccessFilter) {
  return sql`(d.owner_id = ${access.userId} or (not d.is_private and d.group_id in (${sql.join([
    ...access.groupIds,
  ])})))`;
}

/** Top k by exact distance: index scans off, so PostgreSQL filters, computes every distance and sorts. */
async function exact(db: Kysely<never>, vector: readonly number[], access?: AccessFilter): Promise<string[]> {
  return db.transaction().execute(async (transaction) => {
    await sql`set local enable_indexscan = off`.execute(transaction);
    await sql`set local jit = off`.execute(transaction);
    const result = await sql<{ id: string }>`select c.id from document_chunks c
      join documents d on d.id = c.document_id where ${access ? accessSql(access) : sql`true`}
      order by c.embedding <=> ${toVectorText(vector)}::vector limit ${K}`.execute(transaction);
    return result.rows.map((row) => row.id);
  });
}

function recall(found: readonly string[], expected: readonly string[]): number {
  if (expected.length === 0) {
    return 1;
  }
  const wanted = new Set(expected);
  return found.filter((id) => wanted.has(id)).length / expected.length;
}

/** Whether the store's filtered dense query walks the HNSW index or filters first and sorts exactly. */
async function planOf(db: Kysely<never>, query: Query): Promise<string> {
  return db.transaction().execute(async (transaction) => {
    await sql`select set_config('jit', 'off', true), set_config('hnsw.ef_search', ${String(EF_SEARCH)}, true),
      set_config('hnsw.iterative_scan', 'relaxed_order', true)`.execute(transaction);
    const result = await sql<{ 'QUERY PLAN': string }>`explain (costs off)
      select c.id, c.embedding <=> ${toVectorText(query.vector)}::vector as distance
      from document_chunks c join documents d on d.id = c.document_id
      where c.embedding is not null and ${accessSql(query.access)}
      order by distance limit ${K}`.execute(transaction);
    const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
    return plan.includes(HNSW_INDEX) ? 'HNSW, iterative scan' : 'exact: filter, then sort';
  });
}

async function measure(
  db: Kysely<never>,
  store: VectorStore,
  raw: pg.Client,
  queries: Query[],
  profile: string,
  visiblePercent: number,
): Promise<Measurement> {
  const rawSearch = async (vector: readonly number[]) =>
    (
      await raw.query<{ id: string }>(
        'select id from document_chunks order by embedding <=> $1::vector limit 10',
        [toVectorText(vector)],
      )
    ).rows.map((row) => row.id);
  const search = (query: Query, mode: 'dense' | 'hybrid') => store.search({ ...query, k: K, mode });
  for (const query of queries.slice(0, 20)) {
    await rawSearch(query.vector);
    await search(query, 'hybrid');
  }
  const result: Measurement = {
    profile,
    visiblePercent,
    plan: await planOf(db, queries[0] as Query),
    raw: [],
    dense: [],
    hybrid: [],
    exact: [],
    denseRecall: 0,
    rawRecall: 0,
    lexicalHits: 0,
  };
  for (const query of queries) {
    const rawIds = await timed(result.raw, () => rawSearch(query.vector));
    const dense = await timed(result.dense, () => search(query, 'dense'));
    const hybrid = await timed(result.hybrid, () => search(query, 'hybrid'));
    const expected = await timed(result.exact, () => exact(db, query.vector, query.access));
    if (hybrid.some((hit) => hit.lexicalRank !== undefined)) {
      result.lexicalHits += 1;
    }
    result.denseRecall += recall(
      dense.map((hit) => hit.chunkId),
      expected,
    );
    result.rawRecall += recall(rawIds, await exact(db, query.vector));
  }
  result.denseRecall /= queries.length;
  result.rawRecall /= queries.length;
  return result;
}

async function runSize(size: number): Promise<SizeResult> {
  const name = `yw_bench_vector_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres({ databaseUrl, poolSize: 1, connectTimeoutMs: 5000 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const handle = openPostgres({ databaseUrl: databaseUrlFor(name), poolSize: 8, connectTimeoutMs: 5000 });
  const raw = new pg.Client({ connectionString: databaseUrlFor(name) });
  try {
    await migrateUp(handle.db);
    const db = handle.db as unknown as Kysely<never>;
    const random = seededRandom(size);
    const corpus = createSyntheticCorpus({
      dimension: DIMENSION,
      clusters: Math.max(100, Math.round(size / 50)),
      noise: 0.6,
      seed: size + 1,
    });
    const groups = Array.from(
      { length: GROUPS },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    );
    await sql`insert into groups (id, name)
      select id::uuid, 'bench group ' || id from unnest(${groups}::text[]) as id`.execute(db);
    const users = await sql<{ id: string }>`insert into users (username)
      select 'bench_' || n from generate_series(1, ${OWNERS}) n returning id`.execute(db);
    const owners = users.rows.map((row) => row.id);
    const memberships = new Map(
      owners.map((owner) => [owner, [...new Set([pick(groups, random), pick(groups, random)])]]),
    );

    const store = createPgvectorStore({ db: handle.db, efSearch: EF_SEARCH });
    await store.ensureIndex({ model: 'bench-synthetic-384', dimension: DIMENSION });
    // Bulk load without the index, then build it once (faster than growing it row by row).
    await sql`drop index ${sql.id(HNSW_INDEX)}`.execute(db);
    let began = performance.now();
    const documents = await loadCorpus(db, store, corpus, owners, groups, size, random);
    const insertSeconds = (performance.now() - began) / 1000;
    began = performance.now();
    await buildIndex(db);
    const buildSeconds = (performance.now() - began) / 1000;
    const relation = await sql<{ table_bytes: string; index_bytes: string }>`select
      pg_table_size('document_chunks')::text as table_bytes,
      pg_relation_size(${HNSW_INDEX}::regclass)::text as index_bytes`.execute(db);

    await raw.connect();
    await raw.query(`set hnsw.ef_search = ${EF_SEARCH}`);
    await raw.query('set jit = off');
    const profiles: Profile[] = [
      { name: 'owner + 2 groups', accessOf: (userId, own) => ({ userId, groupIds: own }) },
      { name: 'owner + all 10 groups', accessOf: (userId) => ({ userId, groupIds: groups }) },
    ];
    const measurements: Measurement[] = [];
    for (const profile of profiles) {
      const sees = (access: AccessFilter, document: LoadedDocument) =>
        document.ownerId === access.userId ||
        (document.groupId !== null && access.groupIds.includes(document.groupId));
      let visibleDocuments = 0;
      const queries = Array.from({ length: queryCount }, (): Query => {
        const owner = pick(owners, random);
        const access = profile.accessOf(owner, memberships.get(owner) ?? []);
        // Users ask about what they have: the query is near a cluster of a document they can see.
        const visible = documents.filter((document) => sees(access, document));
        visibleDocuments += visible.length;
        const cluster =
          visible.length > 0 ? pick(pick(visible, random).clusters, random) : corpus.randomCluster();
        return { vector: corpus.vectorNear(cluster), text: corpus.queryText(cluster), access };
      });
      const visiblePercent = (100 * visibleDocuments) / queryCount / documents.length;
      measurements.push(await measure(db, store, raw, queries, profile.name, visiblePercent));
    }
    return {
      size,
      insertSeconds,
      buildSeconds,
      tableMb: Number(relation.rows[0]?.table_bytes ?? 0) / 2 ** 20,
      indexMb: Number(relation.rows[0]?.index_bytes ?? 0) / 2 ** 20,
      measurements,
    };
  } finally {
    await raw.end().catch(() => undefined);
    await handle.close();
    if (values['keep-database']) {
      console.error(`[vector bench] kept database ${name}`);
    } else {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
    }
    await admin.close();
  }
}

function latency(samples: readonly number[]): string {
  return `${percentile(samples, 0.5).toFixed(1)} / ${percentile(samples, 0.99).toFixed(1)}`;
}

const loadBefore = loadavg()[0] ?? 0;
const results: SizeResult[] = [];
for (const size of sizes) {
  console.error(`[vector bench] ${size} chunks…`);
  results.push(await runSize(size));
}
console.log(
  `\npgvector store, ${DIMENSION}-d clustered unit vectors, ${OWNERS} owners, ${GROUPS} groups ` +
    `(${SHARED_FRACTION * 100}% of documents group-shared), ef_search=${EF_SEARCH}, k=${K}, ${queryCount} ` +
    `queries per profile; latency in ms (p50 / p99), client side, sequential, on ${new URL(databaseUrl).host}; ` +
    `1-min load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after.\n`,
);
console.log(
  '| Chunks | Insert (store) | HNSW build | Table / index | Searcher | Visible | Filtered plan | ' +
    'Raw `<=>` | Store dense + ACL | Store hybrid + ACL | Exact + ACL | Recall@10 dense + ACL | ' +
    'Recall@10 raw | Hybrid with lexical hits |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const result of results) {
  for (const row of result.measurements) {
    console.log(
      `| ${result.size.toLocaleString('en')} | ${result.insertSeconds.toFixed(1)} s | ` +
        `${result.buildSeconds.toFixed(1)} s | ${result.tableMb.toFixed(0)} / ${result.indexMb.toFixed(0)} MB | ` +
        `${row.profile} | ${row.visiblePercent.toFixed(1)} % | ${row.plan} | ${latency(row.raw)} | ` +
        `${latency(row.dense)} | ${latency(row.hybrid)} | ${latency(row.exact)} | ${row.denseRecall.toFixed(3)} | ` +
        `${row.rawRecall.toFixed(3)} | ${row.lexicalHits} / ${queryCount} |`,
    );
  }
}
