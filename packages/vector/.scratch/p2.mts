import { openPGlite, migrateUp } from '@youworker/db';
import { sql } from 'kysely';
const h = await openPGlite({ dataDir: null });
await migrateUp(h.db);
const r = await sql<{
  a: string[];
  t: string;
}>`select ${['x', 'y z', 'q"uote', 'a,b']}::text[] as a, pg_typeof(${['a']}::text[])::text as t`.execute(
  h.db,
);
console.log(r.rows);
const r2 = await sql`select websearch_to_tsquery('english', ${'the and of'}) as q`.execute(h.db);
console.log(r2.rows);
const r3 = await sql`select extversion from pg_extension where extname='vector'`.execute(h.db);
console.log(r3.rows);
const r4 = await sql`select '[1,2,3]'::vector::text as v, '[1e-7,2.5,3]'::vector::text as w`.execute(h.db);
console.log(r4.rows);
await h.close();
