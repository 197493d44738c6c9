import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/** A user or an audit event: what the checks read. */
interface Row {
  id: string;
  action?: string;
}

interface Page {
  items: Row[];
  nextCursor: string | null;
}

/** The admin lists page to the end with `nextCursor` (what the web UI's "Load more" follows). */
describe('admin lists: cursor paging to the end', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp({ database: database.handle });
    admin = await createTestUser(testApp, { role: 'admin' });
    for (let index = 0; index < 7; index += 1) {
      await createTestUser(testApp);
    }
  });

  afterAll(async () => {
    await testApp.close();
    await database.destroy();
  });

  async function walk(path: string, query: string): Promise<{ items: Row[]; pages: number }> {
    const items: Row[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const suffix: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const response = await testApp.app.inject({
        method: 'GET',
        url: `${path}?${query}${suffix}`,
        headers: admin.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<Page>();
      items.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    return { items, pages };
  }

  it('should return every user exactly once across pages, the last page without a cursor', async () => {
    const all = await walk('/v1/admin/users', 'limit=50');
    const paged = await walk('/v1/admin/users', 'limit=3');
    expect(all.pages).toBe(1);
    expect(all.items).toHaveLength(8);
    expect(paged.pages).toBe(3);
    expect(paged.items.map((user) => user.id)).toEqual(all.items.map((user) => user.id));
  });

  it('should page the audit log newest first, keeping the filters on every page', async () => {
    const all = await walk('/v1/admin/audit', 'limit=500&action=user.create');
    const paged = await walk('/v1/admin/audit', 'limit=2&action=user.create');
    expect(all.items.length).toBeGreaterThanOrEqual(8);
    expect(paged.pages).toBe(Math.ceil(all.items.length / 2));
    expect(paged.items.map((event) => event.id)).toEqual(all.items.map((event) => event.id));
    expect(paged.items.every((event) => event.action === 'user.create')).toBe(true);
    const ids = paged.items.map((event) => BigInt(event.id));
    expect(ids.every((id, index) => index === 0 || id < (ids[index - 1] ?? 0n))).toBe(true);
  });
});
