/**
 * `npm run bench:groups -- [--database-url URL] [--chunks 100000] [--queries 200] [--dimension 64]`:
 * the cost of the group access filter on pgvector. Loads N synthetic chunks (clustered unit vectors
 * with text, 50 per document) spread over 200 owners and 100 groups (85% of documents in a group,
 * 10% of those private) through `store.indexDocument`, builds the HNSW index, then measures in the
 * same run, for a searcher who is a member of 5 of the 100 groups (their memberships read live from
 * `group_memberships` by `AccessService` for every query, as the server does):
 * - the same dense query without any access condition (`join documents`, same HNSW settings);
 * - `store.search` dense and hybrid with the access filter (k = 10).
 * Default database: the embedded PGlite (in memory); with `--database-url`, a scratch database on that
 * PostgreSQL server (it needs the `vector` extension), dropped afterwards. Prints a Markdown table.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { AccessService, databaseMembershipSource } from '@youworker/core';
import { GroupRepository, migrateUp, openPGlite, openPostgres, type DatabaseHandle } from '@youworker/db';
import { createPgvectorStore, type IndexedChunk } from '@youworker/vector';
import { chunkIdFor, createSyntheticCorpus, seededRandom } from '@youworker/vector/testing';
import { sql, type Kysely } from 'kysely';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    chunks: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    dimension: { type: 'string', default: '64' },
  },
});
const CHUNKS = Number(values.chunks);
const QUERIES = Number(values.queries);
const DIMENSION = Number(values.dimension);
const CHUNKS_PER_DOCUMENT = 50;
const OWNERS = 200;
const GROUPS = 100;
const SEARCHER_GROUPS = 5;
const GROUPED_FRACTION = 0.85;
const PRIVATE_FRACTION = 0.1;
const EF_SEARCH = 100;
const K = 10;
const HNSW_INDEX = 'document_chunks_embedding_hnsw_idx';

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

function pick<T>(list: readonly T[], random: () => number): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) {
    throw new Error('pick from an empty list');
  }
  return value;
}

async function openDatabase(): Promise<{ handle: DatabaseHandle; where: string; drop: () => Promise<void> }> {
  const url = values['database-url'];
  if (url === undefined) {
    return { handle: await openPGlite({ dataDir: null }), where: 'PGlite (in memory)', drop: async () => {} };
  }
  const admin = openPostgres({ databaseUrl: url, poolSize: 1, connectTimeoutMs: 5000 });
  const name = `yw_bench_groups_${randomBytes(4).toString('hex')}`;
  await sql.raw(`create database ${name}`).execute(admin.db);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const handle = openPostgres({ databaseUrl: scratch.toString(), poolSize: 4, connectTimeoutMs: 5000 });
  return {
    handle,
    where: `PostgreSQL at ${scratch.host}`,
    drop: async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    },
  };
}

const random = seededRandom(7);
const corpus = createSyntheticCorpus({ dimension: DIMENSION, clusters: 500, noise: 0.6, seed: 11 });
const opened = await openDatabase();
const { handle } = opened;
const db = handle.db as unknown as Kysely<never>;
try {
  await migrateUp(handle.db);
  const groupRows = await sql<{ id: string }>`insert into groups (name)
    select 'bench group ' || n from generate_series(1, ${GROUPS}) n returning id`.execute(db);
  const groupIds = groupRows.rows.map((row) => row.id);
  const userRows = await sql<{ id: string }>`insert into users (username)
    select 'bench_' || n from generate_series(1, ${OWNERS}) n returning id`.execute(db);
  const owners = userRows.rows.map((row) => row.id);
  const searcher = owners[0] ?? '';
  const groups = new GroupRepository(handle.db);
  const searcherGroups = groupIds.slice(0, SEARCHER_GROUPS);
  for (const groupId of searcherGroups) {
    await groups.addMember(groupId, searcher, 'member');
  }

  const store = createPgvectorStore({ db: handle.db, efSearch: EF_SEARCH });
  await store.ensureIndex({ model: `bench-synthetic-${DIMENSION}`, dimension: DIMENSION });
  await sql`drop index ${sql.id(HNSW_INDEX)}`.execute(db);
  const visibleClusters: number[] = [];
  let visibleChunks = 0;
  let began = performance.now();
  const documents = Math.ceil(CHUNKS / CHUNKS_PER_DOCUMENT);
  for (let index = 0; index < documents; index += 1) {
    const ownerId = pick(owners, random);
    const groupId = random() < GROUPED_FRACTION ? pick(groupIds, random) : null;
    const isPrivate = groupId !== null && random() < PRIVATE_FRACTION;
    const inserted = await sql<{ id: string; created_at: Date }>`insert into documents
        (owner_id, group_id, is_private, title, source_type, mime_type, status)
      values (${ownerId}, ${groupId}, ${isPrivate}, ${`bench ${index}`}, 'upload', 'text/plain', 'processing')
      returning id, created_at`.execute(db);
    const row = inserted.rows[0];
    if (!row) {
      throw new Error('insert into documents returned nothing');
    }
    const clusters = [corpus.randomCluster(), corpus.randomCluster(), corpus.randomCluster()];
    const count = Math.min(CHUNKS_PER_DOCUMENT, CHUNKS - index * CHUNKS_PER_DOCUMENT);
    const chunks: IndexedChunk[] = Array.from({ length: count }, (_, ordinal) => {
      const cluster = clusters[ordinal % clusters.length] ?? 0;
      const text = corpus.textFor(cluster, 30);
      return {
        id: chunkIdFor(row.id, ordinal),
        ordinal,
        text,
        tokenCount: 30,
        headingPath: [],
        charStart: 0,
        charEnd: text.length,
        embedding: corpus.vectorNear(cluster),
      };
    });
    await store.indexDocument(
      row.id,
      { ownerId, groupId, isPrivate, tags: [], mimeType: 'text/plain', createdAt: row.created_at },
      chunks,
    );
    if (ownerId === searcher || (groupId !== null && !isPrivate && searcherGroups.includes(groupId))) {
      visibleClusters.push(...clusters);
      visibleChunks += count;
    }
    if (index % 200 === 0) {
      process.stderr.write(`\r[groups bench] loaded ${index * CHUNKS_PER_DOCUMENT}/${CHUNKS} chunks`);
    }
  }
  const loadSeconds = (performance.now() - began) / 1000;
  began = performance.now();
  await sql`create index ${sql.id(HNSW_INDEX)} on document_chunks
    using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64)`.execute(db);
  await sql`analyze`.execute(db);
  const buildSeconds = (performance.now() - began) / 1000;
  process.stderr.write(
    `\n[groups bench] loaded in ${loadSeconds.toFixed(0)} s, HNSW in ${buildSeconds.toFixed(0)} s\n`,
  );

  const access = new AccessService(databaseMembershipSource(groups));
  const actor = { userId: searcher, role: 'user' as const };
  const queries = Array.from({ length: QUERIES }, () => {
    const cluster = pick(visibleClusters, random);
    return { vector: corpus.vectorNear(cluster), text: corpus.queryText(cluster) };
  });
  /** The store's dense query shape, with or without the access condition (same settings, same join). */
  const rawDense = (vector: readonly number[], groupsOf?: readonly string[]) =>
    db.transaction().execute(async (transaction) => {
      await sql`select set_config('jit', 'off', true), set_config('hnsw.ef_search', ${String(EF_SEARCH)}, true),
        set_config('hnsw.iterative_scan', 'relaxed_order', true)`.execute(transaction);
      const condition = groupsOf
        ? sql`(d.owner_id = ${searcher} or (not d.is_private and d.group_id in (${sql.join([...groupsOf])})))`
        : sql`true`;
      return sql`select c.id, c.embedding <=> ${`[${vector.join(',')}]`}::vector as distance
        from document_chunks c join documents d on d.id = c.document_id
        where c.embedding is not null and ${condition} order by distance limit ${K}`.execute(transaction);
    });
  const unfiltered = (vector: readonly number[]) => rawDense(vector);
  const rawFiltered = async (vector: readonly number[]) =>
    rawDense(vector, (await access.scopeFor(actor)).groupIds);
  const filtered = async (query: (typeof queries)[number], mode: 'dense' | 'hybrid') =>
    store.search({ ...query, access: await access.scopeFor(actor), k: K, mode });
  for (const query of queries.slice(0, 20)) {
    await unfiltered(query.vector);
    await rawFiltered(query.vector);
    await filtered(query, 'dense');
    await filtered(query, 'hybrid');
  }
  const samples = {
    unfiltered: [] as number[],
    rawFiltered: [] as number[],
    dense: [] as number[],
    hybrid: [] as number[],
  };
  let short = 0;
  for (const query of queries) {
    await timed(samples.unfiltered, () => unfiltered(query.vector));
    await timed(samples.rawFiltered, () => rawFiltered(query.vector));
    const hits = await timed(samples.dense, () => filtered(query, 'dense'));
    await timed(samples.hybrid, () => filtered(query, 'hybrid'));
    if (hits.length < K) {
      short += 1;
    }
  }
  const cell = (list: number[]) =>
    `${percentile(list, 0.5).toFixed(1)} / ${percentile(list, 0.99).toFixed(1)}`;
  const ratio = (filteredSamples: number[], fraction: number) =>
    (percentile(filteredSamples, fraction) / percentile(samples.unfiltered, fraction)).toFixed(2);
  console.log(
    `\n${CHUNKS} chunks (${DIMENSION}-d synthetic), ${OWNERS} owners, ${GROUPS} groups; the searcher is in ` +
      `${SEARCHER_GROUPS} groups and sees ${((100 * visibleChunks) / CHUNKS).toFixed(1)}% of the chunks; ` +
      `${QUERIES} sequential queries, k=${K}, ef_search=${EF_SEARCH}, on ${opened.where}; load ` +
      `${loadSeconds.toFixed(0)} s, HNSW build ${buildSeconds.toFixed(0)} s; 1-min load average ${(loadavg()[0] ?? 0).toFixed(1)}.\n`,
  );
  console.log('| Search | p50 / p99 (ms) |');
  console.log('|---|---|');
  console.log(`| Dense, no access filter | ${cell(samples.unfiltered)} |`);
  console.log(`| Same query + access condition (memberships read live) | ${cell(samples.rawFiltered)} |`);
  console.log(`| \`store.search\` dense + access filter (memberships read live) | ${cell(samples.dense)} |`);
  console.log(
    `| \`store.search\` hybrid + access filter (memberships read live) | ${cell(samples.hybrid)} |`,
  );
  console.log(
    `\nSame query with / without the access condition: p50 ${ratio(samples.rawFiltered, 0.5)}×, ` +
      `p99 ${ratio(samples.rawFiltered, 0.99)}×; store.search dense / unfiltered query: ` +
      `p50 ${ratio(samples.dense, 0.5)}×, p99 ${ratio(samples.dense, 0.99)}× (target ≤ 1.5×).`,
  );
  console.log(`Filtered dense searches with fewer than ${K} hits: ${short}/${QUERIES}.`);
} finally {
  await handle.close();
  await opened.drop();
}
