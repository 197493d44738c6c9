import { openPostgres } from '@youworker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

describe('health', () => {
  let database: TestDatabase;
  let testApp: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp({ database: database.handle });
  });

  afterAll(async () => {
    await testApp.close();
    await database.destroy();
  });

  describe('GET /health', () => {
    it('should answer 200 without touching dependencies', async () => {
      const response = await testApp.app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    });
  });

  describe('GET /health/ready', () => {
    it('should answer 200 with the database up after a real query', async () => {
      const response = await testApp.app.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(200);
      const body = response.json<{
        status: string;
        components: Record<string, { status: string; latencyMs: number; details: unknown }>;
      }>();
      expect(body.status).toBe('ready');
      expect(body.components.database?.status).toBe('up');
      expect(body.components.database?.latencyMs).toBeGreaterThanOrEqual(0);
      expect(body.components.database?.details).toEqual({ driver: database.handle.kind });
    });

    it('should answer 503 when a critical component is down and 200 when only an optional one is', async () => {
      testApp.deps.services.health.register(
        'optional-thing',
        () => Promise.reject(new Error('not configured')),
        {
          critical: false,
        },
      );
      const degraded = await testApp.app.inject({ method: 'GET', url: '/health/ready' });
      expect(degraded.statusCode).toBe(200);
      expect(
        degraded.json<{ components: Record<string, unknown> }>().components['optional-thing'],
      ).toMatchObject({
        status: 'down',
        critical: false,
        error: 'not configured',
      });

      testApp.deps.services.health.register(
        'stuck',
        (signal) =>
          new Promise((_, reject) => {
            signal.addEventListener('abort', () => {
              reject(new Error('aborted'));
            });
          }),
      );
      const stuck = await testApp.app.inject({ method: 'GET', url: '/health/ready' });
      expect(stuck.statusCode).toBe(503);
      expect(stuck.json<{ components: Record<string, { error: string }> }>().components.stuck?.error).toMatch(
        /timed out/,
      );
      testApp.deps.services.health.unregister('stuck');
      testApp.deps.services.health.unregister('optional-thing');
    });
  });
});

describe('GET /health/ready with an unreachable database', () => {
  it('should answer 503 with the database down (PostgreSQL refusing connections)', async () => {
    const unreachable = openPostgres({
      databaseUrl: 'postgres://postgres@127.0.0.1:9/none',
      poolSize: 1,
      connectTimeoutMs: 500,
    });
    const testApp = await createTestApp({
      database: unreachable,
      env: { HEALTH_CHECK_TIMEOUT_MS: '1500' },
      verifyDatabase: false,
    });
    try {
      const response = await testApp.app.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      const body = response.json<{
        status: string;
        components: Record<string, { status: string; error: string }>;
      }>();
      expect(body.status).toBe('not-ready');
      expect(body.components.database?.status).toBe('down');
      expect(body.components.database?.error).toMatch(/ECONNREFUSED|connect/);
      const live = await testApp.app.inject({ method: 'GET', url: '/health' });
      expect(live.statusCode).toBe(200);
    } finally {
      await testApp.close();
      await unreachable.close();
    }
  });

  it('should answer 503 once the database has gone away', async () => {
    const database = await createTestDatabase();
    const testApp = await createTestApp({ database: database.handle });
    try {
      expect((await testApp.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
      await database.handle.close();
      const response = await testApp.app.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
    } finally {
      await testApp.close();
      await database.destroy();
    }
  });
});
