import { openPostgres } from '@youworker/db';
import { createSyntheticCorpus } from '@youworker/vector/testing';
import { sql } from 'kysely';
import { hybridQuery, denseQuery, lexicalQuery } from '../src/pgvector/pgvector-search.ts';
import { resolveSearch } from '../src/search-request.ts';
const name = process.argv[2]!;
const h = openPostgres({ databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}`, poolSize: 1, connectTimeoutMs: 5000 });
const corpus = createSyntheticCorpus({ dimension: 384, clusters: 2000, noise: 0.6, seed: 100001 });
const owner = (await sql<{ owner_id: string; c: number }>`select owner_id, count(*)::int as c from documents group by owner_id order by 2 limit 1 offset 50`.execute(h.db)).rows[0]!;
const groups = (await sql<{ g: string }>`select distinct group_id::text as g from documents where group_id is not null limit 2`.execute(h.db)).rows.map((r) => r.g);
// a query text that matches something of this owner
const sample = (await sql<{ text: string; e: string }>`select c.text, c.embedding::text as e from document_chunks c join documents d on d.id = c.document_id where d.owner_id = ${owner.owner_id} limit 1`.execute(h.db)).rows[0]!;
const topics = sample.text.split(' ').filter((w) => w.startsWith('topic'));
const text = topics.slice(0, 2).join(' ');
const vector = JSON.parse(sample.e) as number[];
console.log('owner docs', owner.c, 'text', text);
const request = { text, vector, access: { userId: owner.owner_id, groupIds: groups }, k: 10, mode: 'hybrid' as const };
const resolved = resolveSearch(request);
for (const [label, q] of [['dense', denseQuery(request, resolved)], ['lexical', lexicalQuery(request, resolved, { textSearchConfig: 'english' })], ['hybrid', hybridQuery(request, resolved, { textSearchConfig: 'english' })]] as const) {
  const out = await h.db.transaction().execute(async (t) => {
    await sql`select set_config('jit','off',true), set_config('hnsw.ef_search','100',true), set_config('hnsw.iterative_scan','relaxed_order',true)`.execute(t);
    const r = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${q}`.execute(t);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  });
  console.log('=====', label, '\n' + out.replace(/'\[[^\]]*\]'/g, "'[..]'"));
}
void corpus;
await h.close();
