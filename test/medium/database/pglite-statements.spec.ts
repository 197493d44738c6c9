import { PGlite } from '@electric-sql/pglite';
import { openPGlite, type DatabaseHandle } from '@youworker/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteStatements } from '../../../packages/db/src/drivers/pglite-statements.ts';

/**
 * The embedded driver's one-round-trip statement runner (packages/db/src/drivers/pglite-statements.ts)
 * against a real in-process PGlite: types in and out, prepared statement reuse and eviction, schema
 * changes, errors, transactions.
 */
describe('PGlite statements', () => {
  let client: PGlite;

  beforeAll(async () => {
    client = await PGlite.create({ parsers: { 20: (value: string) => value } });
    await client.exec(`
      create table items (
        id uuid primary key default gen_random_uuid(),
        name text not null unique,
        tags text[] not null default '{}',
        meta jsonb,
        blob bytea,
        big int8,
        flag boolean,
        at timestamptz(3)
      )`);
  });

  afterAll(async () => {
    await client.close();
  });

  it('should send every kind of parameter as PostgreSQL expects and parse the row back', async () => {
    const statements = new PGliteStatements(client);
    const at = new Date('2026-11-26T10:11:12.345Z');
    const inserted = await statements.run(
      'insert into items (name, tags, meta, blob, big, flag, at) values ($1, $2, $3, $4, $5, $6, $7) returning *',
      [
        'α "quoted" \\ name',
        ['a', 'b "c"', 'd\\e', 'with,comma', 'NULL'],
        { nested: { list: [1, 2] }, text: 'é' },
        Buffer.from([0, 1, 254, 255]),
        9007199254740993n,
        false,
        at,
      ],
    );
    expect(inserted.command).toBe('INSERT');
    expect(inserted.rowCount).toBe(1);
    const row = inserted.rows[0] ?? {};
    expect(row.name).toBe('α "quoted" \\ name');
    expect(row.tags).toEqual(['a', 'b "c"', 'd\\e', 'with,comma', 'NULL']);
    expect(row.meta).toEqual({ nested: { list: [1, 2] }, text: 'é' });
    expect(Array.from(row.blob as Uint8Array)).toEqual([0, 1, 254, 255]);
    expect(row.big).toBe('9007199254740993');
    expect(row.flag).toBe(false);
    expect((row.at as Date).toISOString()).toBe(at.toISOString());

    const found = await statements.run('select name from items where id = any($1) and meta is not null', [
      [row.id, '00000000-0000-0000-0000-000000000000'],
    ]);
    expect(found.rows).toEqual([{ name: 'α "quoted" \\ name' }]);
    const nulls = await statements.run('select $1::text as a, $2::int as b', [null, undefined]);
    expect(nulls.rows).toEqual([{ a: null, b: null }]);
  });

  it('should prepare a statement once, reuse it, and evict the least recently used', async () => {
    const statements = new PGliteStatements(client, 2);
    await statements.run('select 1 as one', []);
    await statements.run('select 1 as one', []);
    expect(statements.preparedCount).toBe(1);
    const countText = `select count(*)::int as n from pg_prepared_statements where statement like 'select _ as %'`;
    const serverSide = async () => (await statements.run(countText, [])).rows[0]?.n;
    // The count statement itself is the second one kept.
    expect(await serverSide()).toBe(1);
    await statements.run('select 2 as two', []);
    expect(statements.preparedCount).toBe(2);
    // 'select 1 as one' was evicted and closed on the server before the next statement ran.
    expect(await serverSide()).toBe(1);
    expect((await statements.run('select 1 as one', [])).rows).toEqual([{ one: 1 }]);
  });

  it('should see a table change made by its own schema statement or by another runner', async () => {
    await client.exec('create table shapes (id int primary key)');
    const statements = new PGliteStatements(client);
    const other = new PGliteStatements(client);
    await statements.run('insert into shapes (id) values (1)', []);
    expect((await statements.run('select * from shapes', [])).rows).toEqual([{ id: 1 }]);

    await statements.run('alter table shapes add column label text', []);
    expect((await statements.run('select * from shapes', [])).rows).toEqual([{ id: 1, label: null }]);

    // A change this runner did not see: its cached plan's result type changed (SQLSTATE 0A000).
    await other.run("alter table shapes add column colour text default 'red'", []);
    expect((await statements.run('select * from shapes', [])).rows).toEqual([
      { id: 1, label: null, colour: 'red' },
    ]);
  });

  it('should throw database errors with their SQLSTATE and keep working afterwards', async () => {
    const statements = new PGliteStatements(client);
    await statements.run('insert into items (name) values ($1)', ['unique-once']);
    await expect(
      statements.run('insert into items (name) values ($1)', ['unique-once']),
    ).rejects.toMatchObject({
      code: '23505',
    });
    await expect(statements.run('selec nothing', [])).rejects.toMatchObject({ code: '42601' });
    expect(statements.preparedCount).toBe(1);
    await expect(statements.run('select $1::int as n', ['not a number'])).rejects.toMatchObject({
      code: '22P02',
    });
    expect((await statements.run('select $1::int as n', ['41'])).rows).toEqual([{ n: 41 }]);
  });

  it('should honour transactions: an error aborts it, rollback undoes it', async () => {
    const statements = new PGliteStatements(client);
    await statements.run('begin', []);
    await statements.run('insert into items (name) values ($1)', ['in-transaction']);
    await expect(statements.run('select 1/0 as x', [])).rejects.toMatchObject({ code: '22012' });
    await expect(statements.run('select 1 as one', [])).rejects.toMatchObject({ code: '25P02' });
    await statements.run('rollback', []);
    const left = await statements.run('select count(*)::int as n from items where name = $1', [
      'in-transaction',
    ]);
    expect(left.rows).toEqual([{ n: 0 }]);
    expect((await statements.run('select 1 as one', [])).rows).toEqual([{ one: 1 }]);
  });

  describe('through Kysely (the embedded driver)', () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openPGlite({ dataDir: null });
      await sql`create table counters (id int primary key, n int not null)`.execute(handle.db);
    });

    afterAll(async () => {
      await handle.close();
    });

    it('should report affected rows for insert, update and delete as the PostgreSQL driver does', async () => {
      const insert = await sql`insert into counters (id, n) values (1, 0), (2, 0), (3, 5)`.execute(handle.db);
      expect(insert.numAffectedRows).toBe(3n);
      const update = await sql`update counters set n = n + 1 where n = 0`.execute(handle.db);
      expect(update.numAffectedRows).toBe(2n);
      const select = await sql`select * from counters`.execute(handle.db);
      expect(select.numAffectedRows).toBeUndefined();
      expect(select.rows).toHaveLength(3);
      const remove = await sql`delete from counters where id = ${3}`.execute(handle.db);
      expect(remove.numAffectedRows).toBe(1n);
    });

    it('should refuse to run on a closed database with a clear error', async () => {
      const closed = await openPGlite({ dataDir: null });
      await closed.close();
      await expect(sql`select 1`.execute(closed.db)).rejects.toThrow(/closed/);
    });
  });
});
