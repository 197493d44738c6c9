import { randomBytes } from 'node:crypto';
import { runCli } from '@youworker/cli';
import { parseConfig } from '@youworker/config';
import { createCoreServices, personalSpaceName } from '@youworker/core';
import { DocumentRepository, GroupRepository } from '@youworker/db';
import { createQdrantStore } from '@youworker/vector';
import {
  CONTRACT_MODEL,
  direction,
  makeChunk,
  startFakeQdrant,
  type FakeQdrant,
} from '@youworker/vector/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '@youworker/db';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

async function cli(env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env,
    cwd: '/nonexistent-so-no-dotenv-is-read',
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

interface Seeded {
  users: { id: string; username: string }[];
  documents: { id: string; ownerId: string; isPrivate: boolean }[];
  alreadyGrouped: string;
}

/** `youworker migrate-groups` on a seeded database (Qdrant payloads on the in-process fake). */
describe('youworker migrate-groups', () => {
  let database: TestDatabase;
  let fake: FakeQdrant;
  let env: Record<string, string>;
  let seeded: Seeded;
  const collection = 'migrate_groups';

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await startFakeQdrant();
    env = {
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: `cli:${randomBytes(32).toString('base64')}`,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      DATA_DIR: database.dataDir ?? '/tmp',
      VECTOR_STORE: 'qdrant',
      QDRANT_URL: fake.url,
      QDRANT_COLLECTION: collection,
    };
    const config = parseConfig(env);
    const core = createCoreServices(config, database.handle, { version: 'test' });
    const system = { kind: 'system' as const, label: 'test' };
    const users = [];
    for (const username of ['ada', 'grace', 'linus']) {
      users.push(await core.users.create(system, { username, role: 'user' }));
    }
    const [ada, grace, linus] = users;
    if (!ada || !grace || !linus) {
      throw new Error('seeding failed');
    }
    // Linus already has a team group: his document in it stays there.
    const groups = new GroupRepository(database.handle.db);
    const team = await groups.create({ name: 'Kernel' }, linus.id);
    const repository = new DocumentRepository(database.handle.db);
    const store = createQdrantStore({ url: fake.url, collection, timeoutMs: 5000 });
    await store.ensureIndex(CONTRACT_MODEL);
    const documents: Seeded['documents'] = [];
    const seeds = [
      { owner: ada, isPrivate: true, groupId: null },
      { owner: ada, isPrivate: false, groupId: null },
      { owner: grace, isPrivate: false, groupId: null },
      { owner: linus, isPrivate: false, groupId: team.id },
    ];
    let alreadyGrouped = '';
    for (const [index, seed] of seeds.entries()) {
      const { document } = await repository.createOrGetExisting({
        ownerId: seed.owner.id,
        title: `seed ${index}`,
        sourceType: 'upload',
        sizeBytes: 1,
        isPrivate: seed.isPrivate,
        groupId: seed.groupId,
      });
      const access = {
        ownerId: seed.owner.id,
        groupId: seed.groupId,
        isPrivate: seed.isPrivate,
        tags: [],
        mimeType: null,
        createdAt: document.createdAt,
      };
      await store.indexDocument(document.id, access, [
        makeChunk(document.id, 0, `seed ${index}`, direction(index)),
      ]);
      await repository.markIndexed(document.id, 1);
      if (seed.groupId) {
        alreadyGrouped = document.id;
      } else {
        documents.push({ id: document.id, ownerId: seed.owner.id, isPrivate: seed.isPrivate });
      }
    }
    await store.close();
    seeded = {
      users: users.map((user) => ({ id: user.id, username: user.username })),
      documents,
      alreadyGrouped,
    };
    if (!database.url) {
      // The CLI opens the embedded database itself; PGlite allows one owner at a time.
      await database.handle.close();
    }
  }, 120_000);

  afterAll(async () => {
    await fake.close();
    await database.destroy();
  });

  const withDb = async <T>(work: (db: TestDatabase['handle']['db']) => Promise<T>): Promise<T> => {
    if (database.url) {
      return work(database.handle.db);
    }
    const handle = await openPGlite({ dataDir: database.dataDir ?? '' });
    try {
      return await work(handle.db);
    } finally {
      await handle.close();
    }
  };

  const payloads = () =>
    new Map(
      [...(fake.collections.get(collection)?.points.values() ?? [])].map((point) => [
        String(point.payload.document_id),
        point.payload,
      ]),
    );

  it('should change nothing with --dry-run, and say what it would do', async () => {
    const result = await cli(env, 'migrate-groups', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /dry run: 3 users; would create 3 personal spaces \(0 already there\); would move 3 documents/,
    );
    const count = await withDb(async (db) =>
      Number((await sql<{ n: string }>`select count(*) as n from groups`.execute(db)).rows[0]?.n),
    );
    expect(count).toBe(1);
  }, 60_000);

  it('should create personal spaces, move ungrouped documents keeping privacy, and update payloads', async () => {
    const result = await cli(env, 'migrate-groups');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\[#+\] 3\/3/);
    expect(result.stdout).toMatch(/3 users; create 3 personal spaces \(0 already there\); move 3 documents/);
    const state = await withDb(async (db) => {
      const spaces = await sql<{ id: string; name: string; user_id: string; role: string }>`
        select g.id, g.name, m.user_id, m.role from groups g join group_memberships m on m.group_id = g.id
        where g.name like '%Personal Space' order by g.name`.execute(db);
      const documents = await sql<{ id: string; group_id: string | null; is_private: boolean }>`
        select id, group_id, is_private from documents`.execute(db);
      return { spaces: spaces.rows, documents: documents.rows };
    });
    expect(state.spaces.map((space) => [space.name, space.role])).toEqual(
      seeded.users.map((user) => [personalSpaceName(user.username), 'admin']),
    );
    const spaceOf = new Map(state.spaces.map((space) => [space.user_id, space.id]));
    const points = payloads();
    for (const document of seeded.documents) {
      const row = state.documents.find((entry) => entry.id === document.id);
      expect(row).toEqual({
        id: document.id,
        group_id: spaceOf.get(document.ownerId),
        is_private: document.isPrivate,
      });
      expect(points.get(document.id)).toMatchObject({
        group_id: spaceOf.get(document.ownerId),
        is_private: document.isPrivate,
      });
    }
    const untouched = state.documents.find((entry) => entry.id === seeded.alreadyGrouped);
    expect(untouched?.group_id).not.toBe(spaceOf.get(seeded.users[2]?.id ?? ''));
  }, 60_000);

  it('should change nothing on a second run (idempotent)', async () => {
    const before = await withDb(
      async (db) =>
        (await sql`select id, group_id, is_private, updated_at from documents order by id`.execute(db)).rows,
    );
    const result = await cli(env, 'migrate-groups');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 users; create 0 personal spaces \(3 already there\); move 0 documents/);
    const after = await withDb(
      async (db) =>
        (await sql`select id, group_id, is_private, updated_at from documents order by id`.execute(db)).rows,
    );
    expect(after).toEqual(before);
  }, 60_000);
});
