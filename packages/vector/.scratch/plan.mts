import { migrateUp, openPostgres } from '@youworker/db';
import { createPgvectorStore } from '@youworker/vector';
import { createSyntheticCorpus } from '@youworker/vector/testing';
import { sql } from 'kysely';
import pg from 'pg';
const admin = openPostgres({
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  poolSize: 1,
  connectTimeoutMs: 5000,
});
await sql.raw('drop database if exists yw_scratch_plan with (force)').execute(admin.db);
await sql.raw('create database yw_scratch_plan').execute(admin.db);
const h = openPostgres({
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/yw_scratch_plan',
  poolSize: 2,
  connectTimeoutMs: 5000,
});
await migrateUp(h.db);
const store = createPgvectorStore({ db: h.db });
await store.ensureIndex({ model: 'm', dimension: 384 });
const corpus = createSyntheticCorpus({ dimension: 384, clusters: 100, noise: 0.6, seed: 1 });
const u = await sql<{ id: string }>`insert into users (username) values ('x') returning id`.execute(h.db);
const d = await sql<{
  id: string;
}>`insert into documents (owner_id, title, source_type) values (${u.rows[0]!.id}, 't', 'upload') returning id`.execute(
  h.db,
);
const rows = Array.from(
  { length: 2000 },
  (_, i) =>
    sql`(gen_random_uuid(), ${d.rows[0]!.id}::uuid, ${i}::int, 'x', 1, ${'[' + corpus.vectorNear(i % 100).join(',') + ']'}::vector)`,
);
await sql`insert into document_chunks (id, document_id, ordinal, text, token_count, embedding, char_start, char_end) select a,b,c,d,e,f,0,0 from (values ${sql.join(rows)}) v(a,b,c,d,e,f)`.execute(
  h.db,
);
await sql`analyze document_chunks`.execute(h.db);
const q = '[' + corpus.vectorNear(3).join(',') + ']';
const raw = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/yw_scratch_plan' });
await raw.connect();
await raw.query('set hnsw.ef_search = 100');
const t: number[] = [];
for (let i = 0; i < 60; i++) {
  const v = '[' + corpus.vectorNear(i % 100).join(',') + ']';
  const b = performance.now();
  await raw.query('select id from document_chunks order by embedding <=> $1::vector limit 10', [v]);
  t.push(performance.now() - b);
}
console.log('raw', t.map((x) => x.toFixed(1)).join(' '));
const t2: number[] = [];
for (let i = 0; i < 60; i++) {
  const v = '[' + corpus.vectorNear(i % 100).join(',') + ']';
  const b = performance.now();
  await sql`select id from document_chunks order by embedding <=> ${v}::vector limit 10`.execute(h.db);
  t2.push(performance.now() - b);
}
console.log('kysely', t2.map((x) => x.toFixed(1)).join(' '));
await raw.end();
await h.close();
await sql.raw('drop database yw_scratch_plan with (force)').execute(admin.db);
await admin.close();
