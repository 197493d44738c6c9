import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

describe('request ids and versions', () => {
  let database: TestDatabase;
  let testApp: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp({ database: database.handle });
    // A probe that logs through the root logger (as services do), not the request's child logger.
    testApp.app.get('/v1/probe/log', { config: { policy: 'public' } }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      testApp.deps.logger.info({ probe: true }, 'service log line');
      return { ok: true };
    });
  });

  afterAll(async () => {
    await testApp.close();
    await database.destroy();
  });

  it('should echo a well-formed X-Correlation-ID and use it as the request id', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-correlation-id': 'trace-42.a:b' },
    });
    expect(response.headers['x-correlation-id']).toBe('trace-42.a:b');
  });

  it('should generate an id when none (or a malformed one) is sent', async () => {
    const none = await testApp.app.inject({ method: 'GET', url: '/health' });
    expect(none.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const injected = await testApp.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-correlation-id': 'bad id\r\nx-evil: 1' },
    });
    expect(injected.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(injected.headers['x-evil']).toBeUndefined();
  });

  it('should carry the request id into log lines written by services during the request', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/v1/probe/log',
      headers: { 'x-correlation-id': 'svc-1' },
    });
    expect(response.statusCode).toBe(200);
    const line = testApp.logs.find((entry) => entry.msg === 'service log line');
    expect(line?.requestId).toBe('svc-1');
    const requestLines = testApp.logs.filter((entry) => entry.requestId === 'svc-1');
    expect(requestLines.map((entry) => entry.msg)).toEqual([
      'incoming request',
      'service log line',
      'request completed',
    ]);
    for (const entry of requestLines) {
      expect(Object.keys(entry).filter((key) => key === 'requestId')).toHaveLength(1);
    }
  });

  it('should echo X-API-Version, defaulting to v1', async () => {
    const echoed = await testApp.app.inject({
      method: 'GET',
      url: '/v1/system/info',
      headers: { 'x-api-version': '1' },
    });
    expect(echoed.headers['x-api-version']).toBe('1');
    const defaulted = await testApp.app.inject({ method: 'GET', url: '/v1/system/info' });
    expect(defaulted.headers['x-api-version']).toBe('v1');
  });

  it('should redact credentials from logged requests', async () => {
    testApp.deps.logger.info(
      { req: { headers: { authorization: 'Bearer yw_secret', cookie: 'session=abc' } } },
      'redaction probe',
    );
    const line = testApp.logs.find((entry) => entry.msg === 'redaction probe');
    expect(JSON.stringify(line)).not.toContain('yw_secret');
    expect(JSON.stringify(line)).not.toContain('session=abc');
  });
});

describe('GET /v1/system/info', () => {
  it('should keep the same instance id across app restarts on the same database', async () => {
    const database = await createTestDatabase();
    try {
      const first = await createTestApp({ database: database.handle });
      const before = (await first.app.inject({ method: 'GET', url: '/v1/system/info' })).json<{
        instanceId: string;
        mode: string;
      }>();
      await first.close();
      const second = await createTestApp({ database: database.handle });
      const after = (await second.app.inject({ method: 'GET', url: '/v1/system/info' })).json<{
        instanceId: string;
      }>();
      await second.close();
      expect(after.instanceId).toBe(before.instanceId);
      expect(before.mode).toBe(database.handle.kind === 'pglite' ? 'embedded' : 'production');
    } finally {
      await database.destroy();
    }
  });
});
