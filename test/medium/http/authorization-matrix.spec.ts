import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutePolicy } from '../../../apps/server/src/auth/route-policy.ts';
import { actorOf, createTestUser, type TestUser } from '../../support/identity.ts';
import { textAnswer } from '../../support/scripted-llm/script.ts';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/**
 * Every route the app registers is checked against anonymous, a user, another user and an admin,
 * from the policy each route declares (`config.policy`). A route with no policy, or with no sample
 * request below, fails this test: a new route cannot forget its access rule.
 */
interface SampleContext {
  /** Who owns the resource the request names (the caller, or another user for the cross-user check). */
  owner: TestUser;
  /** A chat session of the owner. */
  sessionId: string;
  /** A group the owner created (they are its only admin). */
  groupId: string;
}

interface Sample {
  /** The policy this route must declare: a change of access rule shows up here, in review. */
  policy: RoutePolicy;
  request: (context: SampleContext) => { url: string; payload?: unknown };
  /** For routes that name a resource by id: what another user gets (never the resource). */
  crossUser?: 404;
  /** Public routes that check their own credential (MCP caller tokens) answer anonymous with this. */
  anonymousStatus?: 401;
}

const samples: Record<string, Sample> = {
  'GET /health': { policy: 'public', request: () => ({ url: '/health' }) },
  'GET /health/ready': { policy: 'public', request: () => ({ url: '/health/ready' }) },
  'GET /openapi.json': { policy: 'public', request: () => ({ url: '/openapi.json' }) },
  'GET /docs': { policy: 'public', request: () => ({ url: '/docs' }) },
  'GET /docs/': { policy: 'public', request: () => ({ url: '/docs/' }) },
  'GET /docs/*': { policy: 'public', request: () => ({ url: '/docs/static/index.html' }) },
  'GET /docs/json': { policy: 'public', request: () => ({ url: '/docs/json' }) },
  'GET /docs/yaml': { policy: 'public', request: () => ({ url: '/docs/yaml' }) },
  'GET /docs/static/*': { policy: 'public', request: () => ({ url: '/docs/static/index.html' }) },
  'GET /docs/static/index.html': { policy: 'public', request: () => ({ url: '/docs/static/index.html' }) },
  'GET /docs/static/swagger-initializer.js': {
    policy: 'public',
    request: () => ({ url: '/docs/static/swagger-initializer.js' }),
  },
  'GET /v1/system/info': { policy: 'public', request: () => ({ url: '/v1/system/info' }) },
  'POST /v1/auth/login': {
    policy: 'public',
    request: ({ owner }) => ({ url: '/v1/auth/login', payload: { apiKey: owner.apiKey } }),
  },
  'POST /v1/auth/logout': { policy: 'authenticated', request: () => ({ url: '/v1/auth/logout' }) },
  'POST /v1/auth/logout-all': { policy: 'authenticated', request: () => ({ url: '/v1/auth/logout-all' }) },
  'GET /v1/auth/me': { policy: 'authenticated', request: () => ({ url: '/v1/auth/me' }) },
  'GET /v1/auth/csrf-token': { policy: 'authenticated', request: () => ({ url: '/v1/auth/csrf-token' }) },
  'GET /v1/account': { policy: 'authenticated', request: () => ({ url: '/v1/account' }) },
  'PATCH /v1/account': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/account', payload: { displayName: 'Matrix' } }),
  },
  'GET /v1/account/api-keys': { policy: 'authenticated', request: () => ({ url: '/v1/account/api-keys' }) },
  'POST /v1/account/api-keys': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/account/api-keys', payload: { name: 'matrix' } }),
  },
  'DELETE /v1/account/api-keys/:id': {
    policy: 'authenticated',
    request: ({ owner }) => ({ url: `/v1/account/api-keys/${owner.apiKeyId}` }),
    crossUser: 404,
  },
  'GET /v1/account/export': { policy: 'authenticated', request: () => ({ url: '/v1/account/export' }) },
  'DELETE /v1/account': {
    policy: 'authenticated',
    request: ({ owner }) => ({ url: '/v1/account', payload: { confirm: owner.username } }),
  },
  'GET /v1/sessions': { policy: 'authenticated', request: () => ({ url: '/v1/sessions' }) },
  'GET /v1/tools': { policy: 'authenticated', request: () => ({ url: '/v1/tools' }) },
  'POST /v1/documents/upload': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/documents/upload', payload: {} }),
  },
  'POST /v1/documents/ingest': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/documents/ingest', payload: { url: 'https://example.com/' } }),
  },
  'GET /v1/documents': { policy: 'authenticated', request: () => ({ url: '/v1/documents' }) },
  'GET /v1/documents/:id': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/documents/00000000-0000-4000-8000-000000000000' }),
  },
  'PATCH /v1/documents/:id': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/documents/00000000-0000-4000-8000-000000000000', payload: { title: 'x' } }),
  },
  'DELETE /v1/documents/:id': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/documents/00000000-0000-4000-8000-000000000000' }),
  },
  'POST /v1/documents/:id/reindex': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/documents/00000000-0000-4000-8000-000000000000/reindex' }),
  },
  'POST /v1/groups': {
    policy: 'authenticated',
    request: () => ({
      url: '/v1/groups',
      payload: { name: `matrix ${Math.random().toString(36).slice(2)}` },
    }),
  },
  'GET /v1/groups/me': { policy: 'authenticated', request: () => ({ url: '/v1/groups/me' }) },
  'GET /v1/groups/:id': {
    policy: 'authenticated',
    request: ({ groupId }) => ({ url: `/v1/groups/${groupId}` }),
    crossUser: 404,
  },
  'PUT /v1/groups/:id': {
    policy: 'authenticated',
    request: ({ groupId }) => ({ url: `/v1/groups/${groupId}`, payload: { description: 'matrix' } }),
    crossUser: 404,
  },
  'DELETE /v1/groups/:id': {
    policy: 'authenticated',
    request: ({ groupId }) => ({ url: `/v1/groups/${groupId}` }),
    crossUser: 404,
  },
  'GET /v1/groups/:id/members': {
    policy: 'authenticated',
    request: ({ groupId }) => ({ url: `/v1/groups/${groupId}/members` }),
    crossUser: 404,
  },
  'POST /v1/groups/:id/members': {
    policy: 'authenticated',
    request: ({ groupId, owner }) => ({
      url: `/v1/groups/${groupId}/members`,
      payload: { userId: owner.id, role: 'member' },
    }),
    crossUser: 404,
  },
  'PUT /v1/groups/:id/members/:userId': {
    policy: 'authenticated',
    request: ({ groupId, owner }) => ({
      url: `/v1/groups/${groupId}/members/${owner.id}`,
      payload: { role: 'admin' },
    }),
    crossUser: 404,
  },
  'DELETE /v1/groups/:id/members/:userId': {
    policy: 'authenticated',
    request: ({ groupId, owner }) => ({ url: `/v1/groups/${groupId}/members/${owner.id}` }),
    crossUser: 404,
  },
  'GET /v1/groups/:id/documents': {
    policy: 'authenticated',
    request: ({ groupId }) => ({ url: `/v1/groups/${groupId}/documents` }),
    crossUser: 404,
  },
  'GET /v1/users/lookup': {
    policy: 'authenticated',
    request: ({ owner }) => ({ url: `/v1/users/lookup?q=${encodeURIComponent(owner.username)}` }),
  },
  'GET /v1/admin/groups': { policy: 'admin', request: () => ({ url: '/v1/admin/groups' }) },
  'GET /v1/ingestion-runs': { policy: 'authenticated', request: () => ({ url: '/v1/ingestion-runs' }) },
  'GET /v1/ingestion-runs/:id': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/ingestion-runs/00000000-0000-4000-8000-000000000000' }),
  },
  'GET /v1/ingestion-runs/:id/events': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/ingestion-runs/00000000-0000-4000-8000-000000000000/events' }),
  },
  'POST /v1/search': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/search', payload: { query: 'x' } }),
  },
  'POST /v1/mcp-bridge/search': {
    policy: 'public',
    anonymousStatus: 401,
    request: () => ({ url: '/v1/mcp-bridge/search', payload: { query: 'x' } }),
  },
  'POST /v1/mcp-bridge/chunk-context': {
    policy: 'public',
    anonymousStatus: 401,
    request: () => ({
      url: '/v1/mcp-bridge/chunk-context',
      payload: { documentId: '00000000-0000-4000-8000-000000000000', ordinal: 0 },
    }),
  },
  'POST /v1/mcp-bridge/documents': {
    policy: 'public',
    anonymousStatus: 401,
    request: () => ({ url: '/v1/mcp-bridge/documents', payload: {} }),
  },
  'POST /v1/mcp-bridge/ingest': {
    policy: 'public',
    anonymousStatus: 401,
    request: () => ({ url: '/v1/mcp-bridge/ingest', payload: { url: 'https://example.com/' } }),
  },
  'GET /v1/mcp-bridge/runs/:id': {
    policy: 'public',
    anonymousStatus: 401,
    request: () => ({ url: '/v1/mcp-bridge/runs/00000000-0000-4000-8000-000000000000' }),
  },
  'GET /v1/sessions/:id': {
    policy: 'authenticated',
    request: ({ sessionId }) => ({ url: `/v1/sessions/${sessionId}` }),
    crossUser: 404,
  },
  'PATCH /v1/sessions/:id': {
    policy: 'authenticated',
    request: ({ sessionId }) => ({ url: `/v1/sessions/${sessionId}`, payload: { pinned: true } }),
    crossUser: 404,
  },
  'DELETE /v1/sessions/:id': {
    policy: 'authenticated',
    request: ({ sessionId }) => ({ url: `/v1/sessions/${sessionId}` }),
    crossUser: 404,
  },
  'POST /v1/chat': {
    policy: 'authenticated',
    request: () => ({ url: '/v1/chat', payload: { message: 'hello', stream: false } }),
  },
  'GET /v1/chat/ws': { policy: 'authenticated', request: () => ({ url: '/v1/chat/ws' }) },
  'GET /v1/models': { policy: 'authenticated', request: () => ({ url: '/v1/models' }) },
  'POST /v1/chat/completions': {
    policy: 'authenticated',
    request: () => ({
      url: '/v1/chat/completions',
      payload: { model: 'gpt-oss:20b', messages: [{ role: 'user', content: 'hello' }] },
    }),
  },
  'DELETE /v1/account/history': { policy: 'authenticated', request: () => ({ url: '/v1/account/history' }) },
  'GET /v1/admin/users': { policy: 'admin', request: () => ({ url: '/v1/admin/users' }) },
  'POST /v1/admin/users': {
    policy: 'admin',
    request: () => ({
      url: '/v1/admin/users',
      payload: { username: `m${Math.random().toString(36).slice(2, 10)}` },
    }),
  },
  'PATCH /v1/admin/users/:id': {
    policy: 'admin',
    request: ({ owner }) => ({ url: `/v1/admin/users/${owner.id}`, payload: { displayName: 'Renamed' } }),
  },
  'GET /v1/admin/audit': { policy: 'admin', request: () => ({ url: '/v1/admin/audit' }) },
};

describe('authorization matrix', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let llm: ScriptedLlm;

  beforeAll(async () => {
    database = await createTestDatabase();
    llm = await startScriptedLlm();
    llm.enqueue(...Array.from({ length: 20 }, () => textAnswer('hello')));
    testApp = await createTestApp({ database: database.handle, env: { LLM_BASE_URL: llm.baseUrl } });
    await testApp.app.ready();
  });

  afterAll(async () => {
    await testApp.close();
    await llm.close();
    await database.destroy();
  });

  it('should find a declared policy and a sample request for every route', () => {
    const routes = testApp.app.routeCatalog;
    expect(routes.length).toBeGreaterThan(10);
    const missingPolicy = routes
      .filter((route) => route.policy === undefined)
      .map((route) => `${route.method} ${route.url}`);
    expect(missingPolicy, 'routes without config.policy').toEqual([]);
    const missingSample = routes
      .map((route) => `${route.method} ${route.url}`)
      .filter((key) => !(key in samples));
    expect(missingSample, 'routes without a sample in authorization-matrix.spec.ts').toEqual([]);
    const changed = routes
      .filter((route) => {
        const sample = samples[`${route.method} ${route.url}`];
        return sample !== undefined && sample.policy !== route.policy;
      })
      .map((route) => `${route.method} ${route.url}: declares ${String(route.policy)}`);
    expect(changed, 'routes whose declared policy differs from this table').toEqual([]);
  });

  it('should let each caller through exactly as the route policy says', async () => {
    const failures: string[] = [];
    for (const route of testApp.app.routeCatalog) {
      const key = `${route.method} ${route.url}`;
      const sample = samples[key];
      if (!sample) {
        continue;
      }
      const send = async (caller: TestUser | undefined, owner: TestUser) => {
        const session = await testApp.deps.services.chatSessions.createSession(
          actorOf(owner),
          'matrix',
          null,
        );
        const group = await testApp.deps.services.groups.create(actorOf(owner), {
          name: `matrix ${owner.username}`,
        });
        const { url, payload } = sample.request({ owner, sessionId: session.id, groupId: group.id });
        const response = await testApp.app.inject({
          method: route.method as 'GET',
          url,
          ...(caller ? { headers: caller.headers } : {}),
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        });
        return response.statusCode;
      };
      const user = await createTestUser(testApp);
      const admin = await createTestUser(testApp, { role: 'admin' });
      const anonymous = await send(undefined, await createTestUser(testApp));
      const asUser = await send(user, user);
      const asAdmin = await send(admin, admin);
      const denied = (status: number) => status === 401 || status === 403;
      const check = (who: string, status: number, ok: boolean) => {
        if (!ok) {
          failures.push(`${key} as ${who}: ${status} (policy ${String(route.policy)})`);
        }
      };
      switch (route.policy) {
        case 'public':
          check(
            'anonymous',
            anonymous,
            sample.anonymousStatus === undefined
              ? !denied(anonymous) && anonymous < 500
              : anonymous === sample.anonymousStatus,
          );
          break;
        case 'authenticated':
          check('anonymous', anonymous, anonymous === 401);
          check('user', asUser, !denied(asUser) && asUser < 500);
          check('admin', asAdmin, !denied(asAdmin) && asAdmin < 500);
          break;
        case 'admin':
          check('anonymous', anonymous, anonymous === 401);
          check('user', asUser, asUser === 403);
          check('admin', asAdmin, !denied(asAdmin) && asAdmin < 500);
          break;
        case undefined:
          failures.push(`${key}: no policy`);
          break;
      }
      if (sample.crossUser !== undefined) {
        const intruder = await createTestUser(testApp);
        const victim = await createTestUser(testApp);
        const status = await send(intruder, victim);
        check('another user', status, status === sample.crossUser);
      }
    }
    expect(failures).toEqual([]);
  });
});
