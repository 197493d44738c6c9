import { DocumentRepository } from '@youworker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/** `GET /v1/documents?type=`: the list filtered by format family, together with the other filters. */
describe('documents list: type filter', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  const files: [title: string, mimeType: string | null][] = [
    ['report.pdf', 'application/pdf'],
    ['letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['budget.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['old.doc', 'application/x-cfb'],
    ['notes.md', 'text/markdown'],
    ['plain.txt', 'text/plain; charset=utf-8'],
    ['data.csv', 'text/csv'],
    ['page.html', 'text/html'],
    ['photo.png', 'image/png'],
    ['scan.jpeg', 'image/jpeg'],
    ['pending', null],
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp({ database: database.handle });
    alice = await createTestUser(testApp);
    bob = await createTestUser(testApp);
    const documents = new DocumentRepository(database.handle.db);
    for (const [title, mimeType] of files) {
      await documents.createOrGetExisting({
        ownerId: alice.id,
        title,
        sourceType: 'upload',
        mimeType,
        sizeBytes: 10,
        status: title === 'notes.md' ? 'failed' : 'ready',
      });
    }
    await documents.createOrGetExisting({
      ownerId: bob.id,
      title: 'bob.pdf',
      sourceType: 'upload',
      mimeType: 'application/pdf',
      sizeBytes: 10,
    });
  });

  afterAll(async () => {
    await testApp.close();
    await database.destroy();
  });

  async function titles(user: TestUser, query: string): Promise<string[]> {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/v1/documents?${query}`,
      headers: user.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response
      .json<{ items: { title: string }[] }>()
      .items.map((item) => item.title)
      .sort();
  }

  it('should list only the documents of each family, and only the caller’s', async () => {
    expect(await titles(alice, 'type=pdf')).toEqual(['report.pdf']);
    expect(await titles(alice, 'type=office')).toEqual(['budget.xlsx', 'letter.docx', 'old.doc']);
    expect(await titles(alice, 'type=text')).toEqual(['data.csv', 'notes.md', 'plain.txt']);
    expect(await titles(alice, 'type=web')).toEqual(['page.html']);
    expect(await titles(alice, 'type=image')).toEqual(['photo.png', 'scan.jpeg']);
    expect(await titles(bob, 'type=pdf')).toEqual(['bob.pdf']);
    expect(await titles(alice, '')).toHaveLength(files.length);
  });

  it('should combine with status and search, and page with the cursor', async () => {
    expect(await titles(alice, 'type=text&status=ready')).toEqual(['data.csv', 'plain.txt']);
    expect(await titles(alice, 'type=office&search=LETTER')).toEqual(['letter.docx']);
    const first = await testApp.app.inject({
      method: 'GET',
      url: '/v1/documents?type=office&limit=2',
      headers: alice.headers,
    });
    const page = first.json<{ items: { title: string }[]; nextCursor: string | null }>();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const rest = await titles(
      alice,
      `type=office&limit=2&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
    );
    expect([...page.items.map((item) => item.title), ...rest].sort()).toEqual([
      'budget.xlsx',
      'letter.docx',
      'old.doc',
    ]);
  });

  it('should refuse an unknown type with a validation error', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/v1/documents?type=video',
      headers: alice.headers,
    });
    expect(response.statusCode).toBe(400);
  });
});
