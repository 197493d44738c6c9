import { migrateDown, migrateUp, migrationStatus, type DatabaseHandle } from '@youworker/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/** Tables, columns, indexes, constraints and extensions of the public schema, in a stable order. */
async function snapshotSchema(handle: DatabaseHandle) {
  const columns = await sql<Record<string, unknown>>`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`.execute(handle.db);
  const indexes = await sql<Record<string, unknown>>`
    select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
    order by tablename, indexname`.execute(handle.db);
  const constraints = await sql<Record<string, unknown>>`
    select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
    from pg_constraint where connamespace = 'public'::regnamespace
    order by 1, 2`.execute(handle.db);
  const extensions = await sql<Record<string, unknown>>`
    select extname from pg_extension where extname <> 'plpgsql' order by extname`.execute(handle.db);
  return {
    columns: columns.rows,
    indexes: indexes.rows,
    constraints: constraints.rows,
    extensions: extensions.rows,
  };
}

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('should leave the same schema after up, down to zero, and up again', async () => {
    const applied = await migrateUp(database.handle.db);
    expect(applied.length).toBeGreaterThan(0);
    const first = await snapshotSchema(database.handle);
    expect(first.extensions).toEqual([{ extname: 'vector' }]);
    expect(first.columns.map((column) => column.table_name)).toContain('app_meta');

    const reverted = await migrateDown(database.handle.db, { all: true });
    expect(reverted).toEqual([...applied].reverse());
    const empty = await snapshotSchema(database.handle);
    expect(empty.extensions).toEqual([]);
    const appTables = empty.columns.filter(
      (column) => !String(column.table_name).startsWith('schema_migrations'),
    );
    expect(appTables).toEqual([]);

    expect(await migrateUp(database.handle.db)).toEqual(applied);
    expect(await snapshotSchema(database.handle)).toEqual(first);
  });

  it('should report every migration as executed, in order', async () => {
    const statuses = await migrationStatus(database.handle.db);
    expect(statuses.every((status) => status.executedAt instanceof Date)).toBe(true);
    const names = statuses.map((status) => status.name);
    expect(names).toEqual([...names].sort());
    for (const name of names) {
      expect(name).toMatch(/^\d{13}-[A-Z][A-Za-z0-9]+$/);
    }
  });

  it('should revert one step at a time', async () => {
    const before = await migrationStatus(database.handle.db);
    const reverted = await migrateDown(database.handle.db);
    expect(reverted).toEqual([before.at(-1)?.name]);
    expect(await migrateUp(database.handle.db)).toEqual(reverted);
  });

  it('should be a no-op when already up to date', async () => {
    expect(await migrateUp(database.handle.db)).toEqual([]);
  });
});
