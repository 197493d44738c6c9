import { migrateUp, openPostgres } from '@youworker/db';
import { createPgvectorStore } from '@youworker/vector';
import { direction, makeChunk } from '@youworker/vector/testing';
import { sql } from 'kysely';
const admin = openPostgres({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres', poolSize: 1, connectTimeoutMs: 5000 });
await sql.raw('drop database if exists yw_scratch_iter with (force)').execute(admin.db);
await sql.raw('create database yw_scratch_iter').execute(admin.db);
const h = openPostgres({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/yw_scratch_iter', poolSize: 1, connectTimeoutMs: 5000 });
await migrateUp(h.db);
const store = createPgvectorStore({ db: h.db, efSearch: 10 });
await store.ensureIndex({ model: 'm', dimension: 8 });
const mk = async (n: number, axis: number) => {
  const u = await sql<{ id: string }>`insert into users (username) values (${'u' + axis}) returning id`.execute(h.db);
  const d = await sql<{ id: string }>`insert into documents (owner_id, title, source_type) values (${u.rows[0]!.id}, 't', 'upload') returning id`.execute(h.db);
  const id = d.rows[0]!.id;
  await store.indexDocument(id, { ownerId: u.rows[0]!.id, groupId: null, visibility: 'private', tags: [], mimeType: null, createdAt: new Date() },
    Array.from({ length: n }, (_, o) => makeChunk(id, o, 'x ' + o, axis === 0 ? direction(0, 0.02 * (o % 20), 1 + (o % 7)) : direction(0, 1.4 + 0.1 * o, 4))));
  return u.rows[0]!.id;
};
await mk(300, 0);
const searcher = await mk(8, 5);
await sql`set enable_seqscan = off`.execute(h.db);
await sql`set enable_sort = off`.execute(h.db);
const v = `[${direction(0).join(',')}]`;
for (const iter of ['off', 'relaxed_order']) {
  const r = await h.db.transaction().execute(async (t) => {
    await sql`select set_config('hnsw.ef_search', '10', true), set_config('hnsw.iterative_scan', ${iter}, true)`.execute(t);
    const s = await sql<{ x: string }>`show hnsw.iterative_scan`.execute(t);
    const e = await sql<{ 'QUERY PLAN': string }>`explain analyze with dense as materialized (select c.id, c.embedding <=> ${v}::vector as distance
      from document_chunks c join documents d on d.id = c.document_id
      where c.embedding is not null and d.owner_id = ${searcher} order by distance limit 5) select count(*) from dense`.execute(t);
    return [JSON.stringify(s.rows), ...e.rows.map((x) => x['QUERY PLAN'])].join('\n');
  });
  console.log('---', iter, '\n' + r.replace(/'\[[^\]]*\]'/g, "'[..]'"));
}
await h.close();
await sql.raw('drop database yw_scratch_iter with (force)').execute(admin.db);
await admin.close();
