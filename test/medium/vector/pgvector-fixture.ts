import { randomUUID } from 'node:crypto';
import { UserRepository, type DatabaseHandle } from '@youworker/db';
import { createPgvectorStore, type PgvectorStoreOptions } from '@youworker/vector';
import type {
  ContractDocument,
  ContractDocumentInput,
  VectorStoreContractFixture,
} from '@youworker/vector/testing';
import { sql } from 'kysely';
import type { DocumentAccess } from '@youworker/vector';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/** A migrated test database and a pgvector store over it. */
export interface PgvectorFixture extends VectorStoreContractFixture {
  database: TestDatabase;
}

/** Inserts a `documents` row with the given access facts. */
export async function insertDocument(
  handle: DatabaseHandle,
  input: ContractDocumentInput,
): Promise<ContractDocument> {
  const createdAt = input.createdAt ?? new Date();
  const access: DocumentAccess = {
    ownerId: input.ownerId,
    groupId: input.groupId ?? null,
    isPrivate: input.isPrivate ?? false,
    tags: input.tags ?? [],
    mimeType: input.mimeType === undefined ? 'text/plain' : input.mimeType,
    createdAt,
  };
  if (access.groupId !== null) {
    // The contract suite invents group ids; the foreign key wants a row for each.
    await sql`insert into groups (id, name) values (${access.groupId}, ${`contract ${access.groupId}`})
      on conflict do nothing`.execute(handle.db);
  }
  const result = await sql<{ id: string }>`insert into documents
      (owner_id, group_id, is_private, title, source_type, mime_type, tags, status, created_at)
    values (${access.ownerId}, ${access.groupId}, ${access.isPrivate}, 'contract document', 'upload',
      ${access.mimeType}, ${[...access.tags]}::text[], 'processing', ${createdAt.toISOString()}::timestamptz)
    returning id`.execute(handle.db);
  const id = result.rows[0]?.id;
  if (id === undefined) {
    throw new Error('insert into documents returned no id');
  }
  return { documentId: id, access };
}

/** Opens a fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL) with a pgvector store over it. */
export async function createPgvectorFixture(
  storeOptions: Omit<PgvectorStoreOptions, 'db'> = {},
): Promise<PgvectorFixture> {
  const database = await createTestDatabase();
  const users = new UserRepository(database.handle.db);
  const store = createPgvectorStore({ db: database.handle.db, ...storeOptions });
  return {
    database,
    store,
    // A real `users` row through the repository: the owner foreign key holds, without building the app.
    async createOwner() {
      return (await users.create({ username: `owner_${randomUUID().slice(0, 8)}` })).id;
    },
    createDocument: (input) => insertDocument(database.handle, input),
    async updateDocument(documentId, access) {
      if (access.groupId !== null) {
        await sql`insert into groups (id, name) values (${access.groupId}, ${`contract ${access.groupId}`})
          on conflict do nothing`.execute(database.handle.db);
      }
      await database.handle.db
        .updateTable('documents')
        .set({
          owner_id: access.ownerId,
          group_id: access.groupId,
          is_private: access.isPrivate,
          tags: [...access.tags],
          mime_type: access.mimeType,
        })
        .where('id', '=', documentId)
        .execute();
    },
    async cleanup() {
      await store.close();
      await database.destroy();
    },
  };
}
