import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, loginWithSession, type TestUser } from '../../support/identity.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

describe('POST /v1/auth/logout-all (sign out everywhere)', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp({ database: database.handle });
    alice = await createTestUser(testApp);
    bob = await createTestUser(testApp);
  });

  afterAll(async () => {
    await testApp.close();
    await database.destroy();
  });

  function me(headers: Record<string, string>) {
    return testApp.app.inject({ method: 'GET', url: '/v1/auth/me', headers });
  }

  it('should end every browser session of the caller, keep API keys and other users, and audit it', async () => {
    const laptop = await loginWithSession(testApp, alice);
    const phone = await loginWithSession(testApp, alice);
    const other = await loginWithSession(testApp, bob);
    expect((await me({ cookie: laptop.cookie })).statusCode).toBe(200);
    expect((await me({ cookie: phone.cookie })).statusCode).toBe(200);

    const response = await testApp.app.inject({
      method: 'POST',
      url: '/v1/auth/logout-all',
      headers: { cookie: laptop.cookie, 'x-csrf-token': laptop.csrfToken },
    });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.filter((cookie) => cookie.value === '');
    expect(cleared.map((cookie) => cookie.name).sort()).toEqual(['yw_csrf', 'yw_session']);

    expect((await me({ cookie: laptop.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: phone.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: other.cookie })).statusCode).toBe(200);
    expect((await me({ authorization: `Bearer ${alice.apiKey}` })).statusCode).toBe(200);

    const events = await testApp.deps.services.audit.list({
      actorUserId: alice.id,
      action: 'auth.logout',
      limit: 10,
    });
    expect(events[0]).toMatchObject({
      action: 'auth.logout',
      targetType: 'user',
      targetId: alice.id,
      details: { scope: 'all', sessionsEnded: 2 },
    });
  });

  it('should demand the CSRF token when called with the session cookie', async () => {
    const session = await loginWithSession(testApp, alice);
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/v1/auth/logout-all',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(200);
  });

  it('should work with an API key (ending every session, none of them the caller’s own)', async () => {
    const session = await loginWithSession(testApp, bob);
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/v1/auth/logout-all',
      headers: { authorization: `Bearer ${bob.apiKey}` },
    });
    expect(response.statusCode).toBe(204);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(401);
  });

  it('should refuse anonymous callers', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: '/v1/auth/logout-all' });
    expect(response.statusCode).toBe(401);
  });
});
