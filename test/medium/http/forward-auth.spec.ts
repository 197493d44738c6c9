import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../support/identity.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

describe('SSO forward-auth', () => {
  let database: TestDatabase;
  let testApp: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp({
      database: database.handle,
      env: { AUTH_FORWARD_ENABLED: 'true', TRUSTED_PROXIES: '10.0.0.0/8,fd00::/8' },
    });
  });

  afterAll(async () => {
    await testApp.close();
    await database.destroy();
  });

  const me = (remoteAddress: string, headers: Record<string, string>) =>
    testApp.app.inject({ method: 'GET', url: '/v1/auth/me', remoteAddress, headers });

  it('should provision a user on first sight from a trusted proxy and store the forwarded groups', async () => {
    const response = await me('10.1.2.3', {
      'x-authentik-username': 'zoë.müller',
      'x-authentik-email': 'zoe@example.org',
      'x-authentik-name': 'Zoë Müller',
      'x-authentik-groups': 'Engineering|Ops',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      username: 'zoë.müller',
      authenticatedBy: 'forward-auth',
      email: 'zoe@example.org',
      role: 'user',
    });
    const user = await testApp.deps.services.users.getByUsername('ZOË.MÜLLER');
    expect(user).toMatchObject({
      authSource: 'forward-auth',
      displayName: 'Zoë Müller',
      externalGroups: ['Engineering', 'Ops'],
    });
    const again = await me('fd00::1', { 'x-authentik-username': 'zoë.müller', 'x-authentik-groups': 'Ops' });
    expect(again.json<{ id: string }>().id).toBe(user.id);
    expect((await testApp.deps.services.users.get(user.id)).externalGroups).toEqual(['Ops']);
  });

  it('should leave platform groups alone when SSO_GROUP_SYNC is off (the default)', async () => {
    const response = await me('10.1.2.4', {
      'x-authentik-username': 'no.sync',
      'x-authentik-groups': 'Engineering|Ops',
    });
    expect(response.statusCode).toBe(200);
    const groups = await testApp.app.inject({
      method: 'GET',
      url: '/v1/groups/me',
      remoteAddress: '10.1.2.4',
      headers: { 'x-authentik-username': 'no.sync', 'x-authentik-groups': 'Engineering|Ops' },
    });
    expect(groups.json()).toEqual({ items: [] });
    const admin = await createTestUser(testApp, { role: 'admin' });
    const all = await testApp.app.inject({
      method: 'GET',
      url: '/v1/admin/groups?limit=100',
      headers: admin.headers,
    });
    expect(all.json()).toEqual({ items: [] });
    expect(await testApp.deps.services.audit.list({ action: 'group.create', limit: 5 })).toEqual([]);
  });

  it('should ignore the same headers from an untrusted address and audit the attempt', async () => {
    const victim = await createTestUser(testApp, { role: 'admin' });
    const response = await me('203.0.113.9', { 'x-authentik-username': victim.username });
    expect(response.statusCode).toBe(401);
    const spoofed = await testApp.deps.services.audit.list({ action: 'auth.forward-auth-spoofed', limit: 5 });
    expect(spoofed[0]).toMatchObject({
      outcome: 'denied',
      details: { socketAddress: '203.0.113.9', claimedUsername: victim.username },
    });
    expect(testApp.logs.some((line) => line.event === 'forward-auth-spoofed')).toBe(true);
  });

  it('should not believe X-Forwarded-For from an untrusted client to look trusted', async () => {
    const response = await me('203.0.113.9', {
      'x-authentik-username': 'mallory',
      'x-forwarded-for': '10.0.0.1',
    });
    expect(response.statusCode).toBe(401);
  });

  it('should refuse a disabled user even when the proxy vouches for them', async () => {
    const user = await createTestUser(testApp);
    await testApp.deps.services.users.updateByAdmin({ kind: 'system', label: 'test' }, user.id, {
      status: 'disabled',
    });
    const response = await me('10.0.0.5', { 'x-authentik-username': user.username });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('USER_DISABLED');
  });
});

describe('failed authentication blocking', () => {
  it('should block an address with 429 after too many failures, while other addresses still work', async () => {
    const database = await createTestDatabase();
    const testApp = await createTestApp({
      database: database.handle,
      env: { RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE: '3' },
    });
    try {
      const user = await createTestUser(testApp);
      const attempt = (remoteAddress: string, key: string) =>
        testApp.app.inject({
          method: 'GET',
          url: '/v1/auth/me',
          remoteAddress,
          headers: { authorization: `Bearer ${key}` },
        });
      for (let index = 0; index < 3; index += 1) {
        expect((await attempt('198.51.100.7', 'yw_guess')).statusCode).toBe(401);
      }
      const blocked = await attempt('198.51.100.7', user.apiKey);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json<{ error: { code: string } }>().error.code).toBe('TOO_MANY_FAILED_ATTEMPTS');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await attempt('198.51.100.8', user.apiKey)).statusCode).toBe(200);
      // Stale session cookies are not guesses: they neither count nor get audited.
      for (let index = 0; index < 5; index += 1) {
        const stale = await testApp.app.inject({
          method: 'GET',
          url: '/v1/auth/me',
          remoteAddress: '198.51.100.9',
          headers: { cookie: 'yw_session=expired-or-unknown' },
        });
        expect(stale.statusCode).toBe(401);
      }
      const failures = await testApp.deps.services.audit.list({ action: 'auth.login-failed', limit: 10 });
      expect(failures.filter((event) => event.ip === '198.51.100.7')).toHaveLength(3);
    } finally {
      await testApp.close();
      await database.destroy();
    }
  });
});
