import { AccessService, databaseMembershipSource } from '@youworker/core';
import { DocumentRepository, GroupRepository } from '@youworker/db';
import { createPgvectorStore, createQdrantStore, type VectorStore } from '@youworker/vector';
import {
  CONTRACT_MODEL,
  direction,
  makeChunk,
  startFakeQdrant,
  type FakeQdrant,
} from '@youworker/vector/testing';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/**
 * Property: for random users, groups, memberships and documents, a lexical search never returns a
 * chunk the rule forbids and always returns every allowed exact match; the catalog agrees; and
 * removing a membership takes effect on the very next search. Checked on pgvector (the live join)
 * and on Qdrant's payload filter (the in-process fake), with the same live memberships.
 */
interface World {
  users: number;
  groups: number;
  /** memberships[user] = the group indexes they are in. */
  memberships: number[][];
  documents: { owner: number; group: number | null; isPrivate: boolean }[];
  /** A membership to revoke afterwards: [user, group] (ignored when it does not exist). */
  revoke: [number, number];
}

const worldArbitrary: fc.Arbitrary<World> = fc
  .record({ users: fc.integer({ min: 2, max: 4 }), groups: fc.integer({ min: 1, max: 3 }) })
  .chain(({ users, groups }) =>
    fc.record({
      users: fc.constant(users),
      groups: fc.constant(groups),
      memberships: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: groups - 1 }), { maxLength: groups }), {
        minLength: users,
        maxLength: users,
      }),
      documents: fc.array(
        fc.record({
          owner: fc.integer({ min: 0, max: users - 1 }),
          group: fc.option(fc.integer({ min: 0, max: groups - 1 }), { nil: null }),
          isPrivate: fc.boolean(),
        }),
        { minLength: 1, maxLength: 7 },
      ),
      revoke: fc.tuple(fc.integer({ min: 0, max: users - 1 }), fc.integer({ min: 0, max: groups - 1 })),
    }),
  );

/** Letters only, so the full-text parser keeps each token whole. */
function word(value: number): string {
  let rest = value;
  let letters = '';
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return letters;
}

function allowed(world: World, user: number, document: World['documents'][number]): boolean {
  const group = document.group;
  return (
    document.owner === user ||
    (group !== null && !document.isPrivate && (world.memberships[user] ?? []).includes(group))
  );
}

describe('access rule property', () => {
  let database: TestDatabase;
  let fake: FakeQdrant;
  let stores: VectorStore[];
  let groups: GroupRepository;
  let documents: DocumentRepository;
  let access: AccessService;
  let run = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await startFakeQdrant();
    const pgvector = createPgvectorStore({ db: database.handle.db });
    const qdrant = createQdrantStore({ url: fake.url, collection: 'property', timeoutMs: 5000 });
    stores = [pgvector, qdrant];
    for (const store of stores) {
      await store.ensureIndex(CONTRACT_MODEL);
    }
    groups = new GroupRepository(database.handle.db);
    documents = new DocumentRepository(database.handle.db);
    access = new AccessService(databaseMembershipSource(groups));
  });

  afterAll(async () => {
    for (const store of stores) {
      await store.close();
    }
    await fake.close();
    await database.destroy();
  });

  it('should return exactly the chunks the rule allows, for every store, and revoke at once', async () => {
    await fc.assert(
      fc.asyncProperty(worldArbitrary, async (world) => {
        run += 1;
        const db = database.handle.db;
        const prefix = `zq${word(run)}q`;
        const userIds: string[] = [];
        for (let index = 0; index < world.users; index += 1) {
          const created = await sql<{ id: string }>`insert into users (username)
            values (${`${prefix}user${word(index)}`}) returning id`.execute(db);
          userIds.push(created.rows[0]?.id ?? '');
        }
        const groupIds: string[] = [];
        for (let index = 0; index < world.groups; index += 1) {
          const created = await sql<{ id: string }>`insert into groups (name)
            values (${`${prefix} group ${index}`}) returning id`.execute(db);
          groupIds.push(created.rows[0]?.id ?? '');
        }
        for (const [user, memberOf] of world.memberships.entries()) {
          for (const group of memberOf) {
            await groups.addMember(groupIds[group] ?? '', userIds[user] ?? '', 'member');
          }
        }
        const documentIds: string[] = [];
        for (const [index, document] of world.documents.entries()) {
          const { document: record } = await documents.createOrGetExisting({
            ownerId: userIds[document.owner] ?? '',
            title: `${prefix} document ${index}`,
            sourceType: 'upload',
            sizeBytes: 0,
            groupId: document.group === null ? null : (groupIds[document.group] ?? null),
            isPrivate: document.isPrivate,
          });
          documentIds.push(record.id);
          const chunk = makeChunk(
            record.id,
            0,
            `${prefix} shared ${prefix}doc${word(index)}x`,
            direction(index % 8),
          );
          for (const store of stores) {
            await store.indexDocument(
              record.id,
              {
                ownerId: record.ownerId,
                groupId: record.groupId,
                isPrivate: record.isPrivate,
                tags: [],
                mimeType: null,
                createdAt: record.createdAt,
              },
              [chunk],
            );
          }
        }

        // Indexing made every document ready; one in three goes back to processing: the chat's
        // "anything to search?" check counts only ready ones.
        const readyIds = documentIds.filter((_, index) => index % 3 !== 2);
        const notReady = documentIds.filter((id) => !readyIds.includes(id));
        if (notReady.length > 0) {
          await sql`update documents set status = 'processing' where id = any(${notReady})`.execute(db);
        }

        const check = async (current: World) => {
          for (let user = 0; user < current.users; user += 1) {
            const scope = await access.scopeFor({ userId: userIds[user] ?? '', role: 'user' });
            const expected = current.documents
              .map((document, index) => (allowed(current, user, document) ? documentIds[index] : undefined))
              .filter((id): id is string => id !== undefined)
              .sort();
            for (const store of stores) {
              const all = await store.search({ text: prefix, access: scope, k: 50, mode: 'lexical' });
              expect(
                all.map((hit) => hit.documentId).sort(),
                `${store.kind} user ${user}: ${JSON.stringify(current)}`,
              ).toEqual(expected);
              for (const [index] of current.documents.entries()) {
                const hits = await store.search({
                  text: `${prefix}doc${word(index)}x`,
                  access: scope,
                  k: 5,
                  mode: 'lexical',
                });
                const id = documentIds[index] ?? '';
                expect(hits.map((hit) => hit.documentId)).toEqual(expected.includes(id) ? [id] : []);
              }
            }
            const listed = await documents.listVisible(scope, { limit: 100, search: prefix });
            expect(listed.map((document) => document.id).sort()).toEqual(expected);
            expect(
              await documents.anyReadyVisibleTo(userIds[user] ?? ''),
              `anyReadyVisibleTo, user ${user}: ${JSON.stringify(current)}`,
            ).toBe(expected.some((id) => readyIds.includes(id)));
          }
        };
        await check(world);

        const [user, group] = world.revoke;
        if ((world.memberships[user] ?? []).includes(group)) {
          await groups.changeMembership(groupIds[group] ?? '', userIds[user] ?? '', null);
          const memberships = world.memberships.map((memberOf, index) =>
            index === user ? memberOf.filter((entry) => entry !== group) : memberOf,
          );
          // Qdrant reads the same live memberships: nothing to rewrite on a revocation.
          await check({ ...world, memberships });
        }
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});
