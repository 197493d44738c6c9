import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, loginWithSession, type TestUser } from '../../support/identity.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

describe('identity', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let alice: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp({ database: database.handle });
    alice = await createTestUser(testApp);
    admin = await createTestUser(testApp, { role: 'admin' });
  });

  afterAll(async () => {
    await testApp.close();
    await database.destroy();
  });

  async function auditActions(): Promise<string[]> {
    const events = await testApp.deps.services.audit.list({ limit: 500 });
    return events.map((event) => event.action);
  }

  describe('API keys', () => {
    it('should accept the key as Bearer, X-API-Key and X-Authentik-Api-Key', async () => {
      for (const headers of [
        { authorization: `Bearer ${alice.apiKey}` },
        { 'x-api-key': alice.apiKey },
        { 'x-authentik-api-key': alice.apiKey },
      ]) {
        const response = await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({ username: alice.username, authenticatedBy: 'api-key' });
      }
    });

    it('should refuse missing, wrong and malformed keys with distinct codes and no username hint', async () => {
      const missing = await testApp.app.inject({ method: 'GET', url: '/v1/auth/me' });
      expect(missing.statusCode).toBe(401);
      expect(missing.json<{ error: { code: string } }>().error.code).toBe('AUTHENTICATION_REQUIRED');
      for (const authorization of ['Bearer yw_wrong', 'Bearer', 'Basic abc', `Bearer ${'x'.repeat(5000)}`]) {
        const response = await testApp.app.inject({
          method: 'GET',
          url: '/v1/auth/me',
          headers: { authorization, 'x-forwarded-for': '10.9.9.9' },
        });
        expect(response.statusCode).toBe(401);
        expect(response.json<{ error: { code: string } }>().error.code).toBe('API_KEY_INVALID');
        expect(response.body).not.toContain(alice.username);
      }
    });

    it('should rate-limit refused requests too, per user when authenticated and per IP otherwise', async () => {
      const anonymous = await testApp.app.inject({
        method: 'GET',
        url: '/v1/account',
        remoteAddress: '192.0.2.44',
      });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['ratelimit-limit']).toBe('600');
      expect(anonymous.headers['ratelimit-remaining']).toBe('599');
      const asAlice = await testApp.app.inject({
        method: 'GET',
        url: '/v1/account',
        remoteAddress: '192.0.2.44',
        headers: alice.headers,
      });
      expect(asAlice.statusCode).toBe(200);
      expect(Number(asAlice.headers['ratelimit-remaining'])).toBeLessThan(600);
      expect(asAlice.headers['ratelimit-remaining']).not.toBe('598');
    });

    it('should show a new key once, store only a hash, and revoke it effective on the next request', async () => {
      const created = await testApp.app.inject({
        method: 'POST',
        url: '/v1/account/api-keys',
        headers: alice.headers,
        payload: { name: 'laptop 💻 clé' },
      });
      expect(created.statusCode).toBe(201);
      const { apiKey, secret } = created.json<{
        apiKey: { id: string; name: string; prefix: string };
        secret: string;
      }>();
      expect(secret).toMatch(/^yw_[A-Za-z0-9_-]{43}$/);
      expect(apiKey.name).toBe('laptop 💻 clé');
      expect(secret.startsWith(apiKey.prefix)).toBe(true);
      const listed = await testApp.app.inject({
        method: 'GET',
        url: '/v1/account/api-keys',
        headers: alice.headers,
      });
      expect(listed.body).not.toContain(secret);
      const stored = await database.handle.db
        .selectFrom('api_keys')
        .select('key_hash')
        .where('id', '=', apiKey.id)
        .executeTakeFirstOrThrow();
      expect(stored.key_hash).not.toContain(secret.slice(3));

      const withNew = { authorization: `Bearer ${secret}` };
      expect(
        (await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: withNew })).statusCode,
      ).toBe(200);
      const revoked = await testApp.app.inject({
        method: 'DELETE',
        url: `/v1/account/api-keys/${apiKey.id}`,
        headers: alice.headers,
      });
      expect(revoked.statusCode).toBe(200);
      const after = await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: withNew });
      expect(after.statusCode).toBe(401);
      expect(after.json<{ error: { code: string } }>().error.code).toBe('API_KEY_REVOKED');
    });

    it('should refuse an expired key with API_KEY_EXPIRED', async () => {
      const created = await testApp.deps.services.apiKeys.create(
        { kind: 'system', label: 'test' },
        alice.id,
        {
          name: 'expired',
          expiresAt: new Date(Date.now() - 1000),
        },
      );
      const response = await testApp.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { 'x-api-key': created.secret },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('API_KEY_EXPIRED');
    });

    it("should answer 404 for another user's key, never revoking it", async () => {
      const response = await testApp.app.inject({
        method: 'DELETE',
        url: `/v1/account/api-keys/${admin.apiKeyId}`,
        headers: alice.headers,
      });
      expect(response.statusCode).toBe(404);
      expect(
        (await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: admin.headers })).statusCode,
      ).toBe(200);
    });
  });

  describe('browser sessions and CSRF', () => {
    it('should log in with a key, set an HttpOnly SameSite=Lax cookie, and work with the cookie', async () => {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        headers: alice.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      const session = response.cookies.find((cookie) => cookie.name === 'yw_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(session?.secure).toBeFalsy();
      const csrf = response.cookies.find((cookie) => cookie.name === 'yw_csrf');
      expect(csrf?.httpOnly).toBeFalsy();
      const me = await testApp.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        cookies: { yw_session: session?.value ?? '' },
      });
      expect(me.json()).toMatchObject({ username: alice.username, authenticatedBy: 'session' });
    });

    it('should demand a matching X-CSRF-Token for unsafe requests made with the cookie, not with a key', async () => {
      const { cookie, csrfToken } = await loginWithSession(testApp, alice);
      const patch = (headers: Record<string, string>) =>
        testApp.app.inject({
          method: 'PATCH',
          url: '/v1/account',
          headers,
          payload: { displayName: 'Alice Ünïcode 🌸 日本' },
        });
      const noToken = await patch({ cookie });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json<{ error: { code: string } }>().error.code).toBe('CSRF_FAILED');
      const wrongToken = await patch({ cookie, 'x-csrf-token': 'forged' });
      expect(wrongToken.statusCode).toBe(403);
      const headerOnly = await patch({
        cookie: cookie.replace(/yw_csrf=[^;]+/, 'yw_csrf=other'),
        'x-csrf-token': csrfToken,
      });
      expect(headerOnly.statusCode).toBe(403);
      const ok = await patch({ cookie, 'x-csrf-token': csrfToken });
      expect(ok.statusCode).toBe(200);
      expect(ok.json<{ displayName: string }>().displayName).toBe('Alice Ünïcode 🌸 日本');
      const withKey = await patch(alice.headers);
      expect(withKey.statusCode).toBe(200);
    });

    it('should rotate the CSRF token with the session', async () => {
      const first = await loginWithSession(testApp, alice);
      const second = await loginWithSession(testApp, alice);
      expect(second.csrfToken).not.toBe(first.csrfToken);
      const crossed = await testApp.app.inject({
        method: 'PATCH',
        url: '/v1/account',
        headers: {
          cookie: `${second.cookie.split(';')[0] ?? ''}; yw_csrf=${first.csrfToken}`,
          'x-csrf-token': first.csrfToken,
        },
        payload: { displayName: 'x' },
      });
      expect(crossed.statusCode).toBe(403);
    });

    it('should revoke the session server-side on logout', async () => {
      const { cookie, csrfToken } = await loginWithSession(testApp, alice);
      const logout = await testApp.app.inject({
        method: 'POST',
        url: '/v1/auth/logout',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(logout.statusCode).toBe(204);
      const after = await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
      expect(after.statusCode).toBe(401);
      expect(after.json<{ error: { code: string } }>().error.code).toBe('SESSION_REVOKED');
    });

    it('should end sessions opened with a key when that key is revoked', async () => {
      const bob = await createTestUser(testApp);
      const { cookie } = await loginWithSession(testApp, bob);
      await testApp.app.inject({
        method: 'DELETE',
        url: `/v1/account/api-keys/${bob.apiKeyId}`,
        headers: bob.headers,
      });
      const after = await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
      expect(after.statusCode).toBe(401);
      expect(after.json<{ error: { code: string } }>().error.code).toBe('SESSION_REVOKED');
    });

    it('should answer malformed cookies and unknown sessions with 401, never 500', async () => {
      for (const cookie of [
        'yw_session=',
        'yw_session=%%%',
        `yw_session=${'a'.repeat(3000)}`,
        'yw_session=unknown-token',
      ]) {
        const response = await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
        expect(response.statusCode, cookie.slice(0, 30)).toBe(401);
      }
    });
  });

  describe('disabling a user', () => {
    it('should refuse their key with 403 USER_DISABLED and end their open sessions at once', async () => {
      const carol = await createTestUser(testApp);
      const { cookie } = await loginWithSession(testApp, carol);
      const disabled = await testApp.app.inject({
        method: 'PATCH',
        url: `/v1/admin/users/${carol.id}`,
        headers: admin.headers,
        payload: { status: 'disabled' },
      });
      expect(disabled.statusCode).toBe(200);
      const byKey = await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: carol.headers });
      expect(byKey.statusCode).toBe(403);
      expect(byKey.json<{ error: { code: string } }>().error.code).toBe('USER_DISABLED');
      const bySession = await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
      expect(bySession.statusCode).toBe(401);
    });

    it('should never demote or disable the last active admin', async () => {
      const admins = await testApp.deps.services.users.list({ limit: 200 });
      const others = admins.filter((user) => user.role === 'admin' && user.id !== admin.id);
      for (const other of others) {
        await testApp.deps.services.users.updateByAdmin({ kind: 'system', label: 'test' }, other.id, {
          role: 'user',
        });
      }
      const demote = await testApp.app.inject({
        method: 'PATCH',
        url: `/v1/admin/users/${admin.id}`,
        headers: admin.headers,
        payload: { role: 'user' },
      });
      expect(demote.statusCode).toBe(409);
      expect(demote.json<{ error: { code: string } }>().error.code).toBe('LAST_ADMIN');
    });
  });

  describe('admin users API', () => {
    it('should create a user with a first key, keep Unicode, and reject duplicates case-insensitively', async () => {
      const created = await testApp.app.inject({
        method: 'POST',
        url: '/v1/admin/users',
        headers: admin.headers,
        payload: { username: 'Jürgen', displayName: '  Jürgen\u0007 Müller 🎉 ', createApiKey: true },
      });
      expect(created.statusCode).toBe(201);
      const body = created.json<{
        user: { displayName: string; username: string };
        apiKey: { secret: string };
      }>();
      expect(body.user.displayName).toBe('Jürgen Müller 🎉');
      const me = await testApp.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { 'x-api-key': body.apiKey.secret },
      });
      expect(me.json<{ username: string }>().username).toBe('Jürgen');
      const duplicate = await testApp.app.inject({
        method: 'POST',
        url: '/v1/admin/users',
        headers: admin.headers,
        payload: { username: 'JÜRGEN' },
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json<{ error: { code: string } }>().error.code).toBe('USERNAME_TAKEN');
    });

    it('should page through users with a cursor and search them', async () => {
      const page = await testApp.app.inject({
        method: 'GET',
        url: '/v1/admin/users?limit=2',
        headers: admin.headers,
      });
      const first = page.json<{ items: { id: string }[]; nextCursor: string }>();
      expect(first.items).toHaveLength(2);
      const next = await testApp.app.inject({
        method: 'GET',
        url: `/v1/admin/users?limit=2&cursor=${first.nextCursor}`,
        headers: admin.headers,
      });
      const second = next.json<{ items: { id: string }[] }>();
      expect(second.items.map((user) => user.id)).not.toContain(first.items[0]?.id);
      const search = await testApp.app.inject({
        method: 'GET',
        url: '/v1/admin/users?search=j%C3%BCrg',
        headers: admin.headers,
      });
      expect(search.json<{ items: { username: string }[] }>().items.map((user) => user.username)).toEqual([
        'Jürgen',
      ]);
      const badCursor = await testApp.app.inject({
        method: 'GET',
        url: '/v1/admin/users?cursor=nonsense',
        headers: admin.headers,
      });
      expect(badCursor.statusCode).toBe(400);
    });
  });

  describe('account', () => {
    it('should export the caller’s data as a streamed JSON attachment', async () => {
      const response = await testApp.app.inject({
        method: 'GET',
        url: '/v1/account/export',
        headers: alice.headers,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="youworker-export-\d{8}T\d{6}Z\.json"$/,
      );
      const document = JSON.parse(response.body) as {
        user: { username: string };
        apiKeys: { prefix: string }[];
      };
      expect(document.user.username).toBe(alice.username);
      expect(document.apiKeys.length).toBeGreaterThan(0);
      expect(response.body).not.toContain(alice.apiKey);
    });

    it('should delete the account only with the username typed as confirmation', async () => {
      const dave = await createTestUser(testApp);
      const wrong = await testApp.app.inject({
        method: 'DELETE',
        url: '/v1/account',
        headers: dave.headers,
        payload: { confirm: 'nope' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json<{ error: { code: string } }>().error.code).toBe('CONFIRMATION_MISMATCH');
      const deleted = await testApp.app.inject({
        method: 'DELETE',
        url: '/v1/account',
        headers: dave.headers,
        payload: { confirm: dave.username },
      });
      expect(deleted.statusCode).toBe(204);
      expect(
        (await testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers: dave.headers })).statusCode,
      ).toBe(401);
      expect(
        await database.handle.db.selectFrom('api_keys').select('id').where('user_id', '=', dave.id).execute(),
      ).toEqual([]);
    });
  });

  describe('audit log', () => {
    it('should hold an event for each audited action, with request id and IP', async () => {
      const actions = await auditActions();
      for (const action of [
        'user.create',
        'api-key.create',
        'api-key.revoke',
        'auth.login',
        'auth.logout',
        'auth.login-failed',
        'user.disable',
        'account.update',
        'account.export',
        'account.delete',
      ]) {
        expect(actions, action).toContain(action);
      }
      const [login] = await testApp.deps.services.audit.list({ action: 'auth.login', limit: 1 });
      expect(login?.requestId).toBeTruthy();
      expect(login?.ip).toBe('127.0.0.1');
    });

    it('should page and filter GET /v1/admin/audit for admins only', async () => {
      const page = await testApp.app.inject({
        method: 'GET',
        url: '/v1/admin/audit?limit=3',
        headers: admin.headers,
      });
      const first = page.json<{ items: { id: string }[]; nextCursor: string }>();
      expect(first.items).toHaveLength(3);
      const next = await testApp.app.inject({
        method: 'GET',
        url: `/v1/admin/audit?limit=3&cursor=${first.nextCursor}`,
        headers: admin.headers,
      });
      const ids = next.json<{ items: { id: string }[] }>().items.map((item) => BigInt(item.id));
      expect(ids.every((id) => id < BigInt(first.items[2]?.id ?? '0'))).toBe(true);
      const filtered = await testApp.app.inject({
        method: 'GET',
        url: `/v1/admin/audit?action=auth.login&actorUserId=${alice.id}`,
        headers: admin.headers,
      });
      const items = filtered.json<{ items: { action: string; actorUserId: string }[] }>().items;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((item) => item.action === 'auth.login' && item.actorUserId === alice.id)).toBe(true);
      const forbidden = await testApp.app.inject({
        method: 'GET',
        url: '/v1/admin/audit',
        headers: alice.headers,
      });
      expect(forbidden.statusCode).toBe(403);
    });
  });
});
