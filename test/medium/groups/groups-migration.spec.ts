import { randomUUID } from 'node:crypto';
import { migrateDown, migrateUp, migrationStatus, type DatabaseHandle } from '@youworker/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

const GROUPS_MIGRATION = '1795720000000-CreateGroups';

/** How many applied migrations must be reverted to undo CreateGroups (it and any later one). */
async function stepsToUndoGroups(handle: DatabaseHandle): Promise<number> {
  const status = await migrationStatus(handle.db);
  const index = status.findIndex((migration) => migration.name === GROUPS_MIGRATION);
  return status.slice(index).filter((migration) => migration.executedAt !== null).length;
}

async function columnsOf(handle: DatabaseHandle, table: string): Promise<string[]> {
  const result = await sql<{ column_name: string }>`select column_name from information_schema.columns
    where table_schema = 'public' and table_name = ${table} order by column_name`.execute(handle.db);
  return result.rows.map((row) => row.column_name);
}

/** The CreateGroups migration moves `visibility` to `is_private` and back without losing meaning. */
describe('groups migration', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    await migrateUp(database.handle.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('should map visibility to is_private on up, and is_private (with the group) back on down', async () => {
    const { db } = database.handle;
    const steps = await stepsToUndoGroups(database.handle);
    expect(await migrateDown(db, { steps })).toContain(GROUPS_MIGRATION);
    expect(await columnsOf(database.handle, 'documents')).toContain('visibility');
    expect(await columnsOf(database.handle, 'groups')).toEqual([]);

    const owner = (
      await sql<{ id: string }>`insert into users (username) values ('migrating') returning id`.execute(db)
    ).rows[0]?.id;
    const strayGroup = randomUUID();
    const insert = (title: string, visibility: string, groupId: string | null) =>
      sql`insert into documents (owner_id, title, source_type, visibility, group_id)
        values (${owner}, ${title}, 'upload', ${visibility}, ${groupId})`.execute(db);
    await insert('private', 'private', null);
    await insert('shared', 'group', strayGroup);
    await insert('group-less shared', 'group', null);

    await migrateUp(db);
    const after = await sql<{ title: string; is_private: boolean; group_id: string | null }>`
      select title, is_private, group_id from documents order by title`.execute(db);
    // Group ids that pointed at no group (none existed before this migration) are cleared.
    expect(after.rows).toEqual([
      { title: 'group-less shared', is_private: false, group_id: null },
      { title: 'private', is_private: true, group_id: null },
      { title: 'shared', is_private: false, group_id: null },
    ]);
    expect(await columnsOf(database.handle, 'documents')).not.toContain('visibility');

    const group = (
      await sql<{ id: string }>`insert into groups (name) values ('Team') returning id`.execute(db)
    ).rows[0]?.id;
    await sql`update documents set group_id = ${group} where title = 'shared'`.execute(db);
    await sql`insert into documents (owner_id, title, source_type, is_private, group_id)
      values (${owner}, 'secret in group', 'upload', true, ${group})`.execute(db);
    const duplicate = await sql`insert into groups (name) values ('TEAM')`
      .execute(db)
      .catch((error: unknown) => error);
    expect((duplicate as { code?: string }).code).toBe('23505');

    expect(await migrateDown(db, { steps: await stepsToUndoGroups(database.handle) })).toContain(
      GROUPS_MIGRATION,
    );
    const reverted = await sql<{ title: string; visibility: string }>`
      select title, visibility from documents order by title`.execute(db);
    expect(reverted.rows).toEqual([
      { title: 'group-less shared', visibility: 'private' },
      { title: 'private', visibility: 'private' },
      { title: 'secret in group', visibility: 'private' },
      { title: 'shared', visibility: 'group' },
    ]);
    await migrateUp(db);
  });

  it('should cascade memberships with their group and their user, and ungroup documents of a deleted group', async () => {
    const { db } = database.handle;
    const user = (
      await sql<{ id: string }>`insert into users (username) values ('cascade') returning id`.execute(db)
    ).rows[0]?.id;
    const group = (
      await sql<{ id: string }>`insert into groups (name) values ('Cascade') returning id`.execute(db)
    ).rows[0]?.id;
    await sql`insert into group_memberships (group_id, user_id, role) values (${group}, ${user}, 'admin')`.execute(
      db,
    );
    const bad =
      await sql`insert into group_memberships (group_id, user_id, role) values (${group}, ${user}, 'owner')`
        .execute(db)
        .catch((error: unknown) => error);
    expect((bad as { code?: string }).code).toMatch(/^23/);
    await sql`insert into documents (owner_id, title, source_type, group_id)
      values (${user}, 'cascading', 'upload', ${group})`.execute(db);
    await sql`delete from groups where id = ${group}`.execute(db);
    const left = await sql<{
      group_id: string | null;
    }>`select group_id from documents where title = 'cascading'`.execute(db);
    expect(left.rows).toEqual([{ group_id: null }]);
    const memberships = await sql<{
      n: string;
    }>`select count(*) as n from group_memberships where user_id = ${user}`.execute(db);
    expect(Number(memberships.rows[0]?.n)).toBe(0);
  });

  it('should mark existing groups as platform groups on AddGroupSource, and drop the column on down', async () => {
    const { db } = database.handle;
    const source = '1795740000000-AddGroupSource';
    const status = await migrationStatus(db);
    const steps = status.slice(status.findIndex((migration) => migration.name === source)).length;
    expect(await migrateDown(db, { steps })).toContain(source);
    expect(await columnsOf(database.handle, 'groups')).not.toContain('source');
    await sql`insert into groups (name) values ('Before sources')`.execute(db);
    expect(await migrateUp(db)).toContain(source);
    const rows = await sql<{
      source: string;
    }>`select source from groups where name = 'Before sources'`.execute(db);
    expect(rows.rows).toEqual([{ source: 'platform' }]);
    const bad = await sql`insert into groups (name, source) values ('Elsewhere', 'ldap')`
      .execute(db)
      .catch((error: unknown) => error);
    expect((bad as { code?: string }).code).toBe('23514');
  });
});
