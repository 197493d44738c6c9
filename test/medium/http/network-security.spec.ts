import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { parseConfig } from '@youworker/config';
import { anonymousActor, NotFoundError } from '@youworker/core';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../apps/server/src/logger.ts';
import { errorHandlerPlugin } from '../../../apps/server/src/plugins/error-handler.plugin.ts';
import { registerNetworkSecurity } from '../../../apps/server/src/plugins/network-security.ts';
import { openApiPlugin } from '../../../apps/server/src/plugins/openapi.plugin.ts';
import {
  generateRequestId,
  requestContextPlugin,
} from '../../../apps/server/src/plugins/request-context.plugin.ts';

const redisUrl = 'redis://127.0.0.1:6379';

/** Whether the local Redis answers; the Redis cases are skipped (visibly) when it does not. */
async function redisReachable(): Promise<boolean> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const redisUp = await redisReachable();
if (!redisUp) {
  console.info(`network-security.spec: Redis at ${redisUrl} is unreachable; the Redis cases are SKIPPED`);
}

function createInstance(logger: Logger, trustProxy: string[] | undefined) {
  return Fastify({
    loggerInstance: logger,
    genReqId: generateRequestId,
    ...(trustProxy ? { trustProxy } : {}),
  }).withTypeProvider<ZodTypeProvider>();
}

type ProbeInstance = ReturnType<typeof createInstance>;

interface ProbeApp {
  app: ProbeInstance;
  logs: Record<string, unknown>[];
}

const openApps: ProbeInstance[] = [];

/**
 * A bare app with the real request-context, error-handler, network-security and OpenAPI plugins and a
 * few probe routes. The test's stand-in for authentication (`x-test-user` → a user actor) is
 * registered AFTER network security on purpose: the rate limit must still see the actor.
 */
async function buildProbeApp(
  env: Record<string, string> = {},
  options: { trustProxy?: string[]; redisKeyPrefix?: string; production?: boolean } = {},
): Promise<ProbeApp> {
  // Production's required secrets are another feature's business: set the profile after parsing.
  const config = {
    ...parseConfig({ LOG_LEVEL: 'info', ...env }),
    ...(options.production ? { APP_ENV: 'production' as const } : {}),
  };
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const app = createInstance(createLogger({ level: config.LOG_LEVEL }, stream), options.trustProxy);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(requestContextPlugin, { apiVersion: 'v1' });
  await app.register(errorHandlerPlugin, { production: config.APP_ENV === 'production' });
  await registerNetworkSecurity(app, { config, rateLimitRedisKeyPrefix: options.redisKeyPrefix });

  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    const user = request.headers['x-test-user'];
    request.actor =
      typeof user === 'string'
        ? { kind: 'user', userId: user, username: user, role: 'user', via: 'api-key' }
        : anonymousActor;
  });

  await app.register(openApiPlugin, { version: '0.0.0-test' });
  app.get('/health', () => ({ status: 'ok' }));
  app.get('/health/ready', () => ({ status: 'ok' }));
  app.get('/v1/probe/ok', () => ({ ok: true }));
  app.get('/v1/probe/crash', () => {
    throw new Error('boom');
  });
  app.get('/v1/probe/missing', () => {
    throw new NotFoundError({ code: 'THING_NOT_FOUND', message: 'Thing not found' });
  });
  app.post('/v1/probe/chat', { config: { rateLimitGroup: 'chat' } }, () => ({ ok: true }));
  app.get('/v1/probe/chat-history', { config: { rateLimitGroup: 'chat' } }, () => ({ ok: true }));
  await app.ready();
  openApps.push(app);
  return { app, logs };
}

afterEach(async () => {
  await Promise.all(openApps.splice(0).map((app) => app.close()));
});

function get(app: ProbeInstance, url: string, headers: Record<string, string> = {}, remoteAddress?: string) {
  return app.inject({ method: 'GET', url, headers, ...(remoteAddress ? { remoteAddress } : {}) });
}

function errorCode(response: LightMyRequestResponse): string | undefined {
  return response.json<{ error?: { code?: string } }>().error?.code;
}

async function exhaust(app: ProbeInstance, times: number, url: string, headers: Record<string, string> = {}) {
  for (let index = 0; index < times; index += 1) {
    expect((await get(app, url, headers)).statusCode).toBe(200);
  }
}

const strictPolicy =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;" +
  "connect-src 'self';media-src 'self' blob:;font-src 'self' data:;object-src 'none';" +
  "frame-ancestors 'none';base-uri 'self';form-action 'self'";

describe('security headers', () => {
  it('should send the CSP and the other headers on success, 404 and 500, without HSTS in development', async () => {
    const { app } = await buildProbeApp();
    for (const url of ['/v1/probe/ok', '/v1/nothing', '/v1/probe/crash']) {
      const response = await get(app, url);
      expect(response.headers['content-security-policy'], url).toBe(strictPolicy);
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
      expect(response.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(response.headers['permissions-policy'], url).toContain('microphone=(self)');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('should send HSTS in production only', async () => {
    const { app } = await buildProbeApp({}, { production: true });
    expect((await get(app, '/v1/probe/ok')).headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('should serve Swagger UI under the same strict CSP, since it needs no inline script', async () => {
    const { app } = await buildProbeApp();
    const page = await get(app, '/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(strictPolicy);
    const scripts = page.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((tag) => /\bsrc="/.test(tag))).toBe(true);
    const initializer = await get(app, '/docs/static/swagger-initializer.js');
    expect(initializer.headers['content-type']).toContain('javascript');
    expect(initializer.headers['content-security-policy']).toBe(strictPolicy);
  });
});

describe('CORS', () => {
  const allowed = 'https://app.example.com';
  const env = { CORS_ORIGINS: `${allowed},http://[::1]:5173`, RATE_LIMIT_GENERAL_PER_MINUTE: '4' };

  it('should echo an allowed origin with credentials and the exposed headers', async () => {
    const { app } = await buildProbeApp(env);
    for (const origin of [allowed, 'http://[::1]:5173']) {
      const response = await get(app, '/v1/probe/ok', { origin });
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers['access-control-allow-credentials']).toBe('true');
      expect(response.headers.vary).toContain('Origin');
      const exposed = String(response.headers['access-control-expose-headers']);
      for (const header of ['X-Correlation-ID', 'X-API-Version', 'RateLimit-Remaining', 'Retry-After']) {
        expect(exposed).toContain(header);
      }
    }
  });

  it('should answer the preflight of an allowed origin', async () => {
    const { app } = await buildProbeApp(env);
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/v1/probe/chat',
      headers: {
        origin: allowed,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-api-key',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(allowed);
    expect(response.headers['access-control-allow-methods']).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS');
    expect(response.headers['access-control-allow-headers']).toBe(
      'Content-Type, Authorization, X-API-Key, X-CSRF-Token, X-Correlation-ID, X-API-Version',
    );
    expect(response.headers['access-control-max-age']).toBe('600');
  });

  it('should put the CORS headers on 404, 500 and 429 responses too', async () => {
    const { app } = await buildProbeApp(env);
    const headers = { origin: allowed };
    const responses = [
      await get(app, '/v1/nothing', headers),
      await get(app, '/v1/probe/missing', headers),
      await get(app, '/v1/probe/crash', headers),
    ];
    await get(app, '/v1/probe/ok', headers);
    responses.push(await get(app, '/v1/probe/ok', headers));
    expect(responses.map((response) => response.statusCode)).toEqual([404, 404, 500, 429]);
    for (const response of responses) {
      expect(response.headers['access-control-allow-origin']).toBe(allowed);
    }
  });

  it('should send no CORS header to another origin, and let its preflight fall through to 404', async () => {
    const { app } = await buildProbeApp(env);
    const simple = await get(app, '/v1/probe/ok', { origin: 'https://evil.example.com' });
    expect(simple.statusCode).toBe(200);
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/probe/ok',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(404);
    expect(errorCode(preflight)).toBe('ROUTE_NOT_FOUND');
    for (const response of [simple, preflight]) {
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('should allow no cross-origin access when CORS_ORIGINS is empty', async () => {
    const { app } = await buildProbeApp();
    const response = await get(app, '/v1/probe/ok', { origin: allowed });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('should accept only exact origins in CORS_ORIGINS, normalized', () => {
    expect(
      parseConfig({ CORS_ORIGINS: 'HTTPS://App.Example.com:443/, http://[::1]:5173' }).CORS_ORIGINS,
    ).toEqual(['https://app.example.com', 'http://[::1]:5173']);
    for (const bad of [
      '*',
      'https://*.example.com',
      'https://a.example.com/app',
      'ftp://a.example.com',
      'a.example.com',
      'https://u:p@a.example.com',
    ]) {
      expect(() => parseConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS/);
    }
  });
});

describe('IP allowlist', () => {
  const env = { IP_ALLOWLIST: '10.0.0.0/8,::1', CORS_ORIGINS: 'https://app.example.com' };

  it('should serve an allowed address and refuse another with 403 IP_NOT_ALLOWED, health included', async () => {
    const { app, logs } = await buildProbeApp(env);
    expect((await get(app, '/v1/probe/ok', {}, '10.1.2.3')).statusCode).toBe(200);
    expect((await get(app, '/health', {}, '::1')).statusCode).toBe(200);
    for (const url of ['/v1/probe/ok', '/health', '/health/ready']) {
      const refused = await get(app, url, { origin: 'https://app.example.com' }, '192.168.1.9');
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json(), url).toEqual({
        error: { code: 'IP_NOT_ALLOWED', message: 'Your address may not use this server' },
        requestId: refused.headers['x-correlation-id'],
      });
      expect(refused.headers['access-control-allow-origin'], url).toBe('https://app.example.com');
    }
    const warnings = logs.filter((line) => line.level === 40 && line.ip === '192.168.1.9');
    expect(warnings).toHaveLength(3);
  });

  it('should believe X-Forwarded-For only from a trusted proxy', async () => {
    const allowlist = { IP_ALLOWLIST: '203.0.113.0/24' };
    const forwarded = { 'x-forwarded-for': '203.0.113.5' };
    const untrusting = (await buildProbeApp(allowlist)).app;
    expect((await get(untrusting, '/v1/probe/ok', forwarded, '10.0.0.1')).statusCode).toBe(403);

    const trusting = (await buildProbeApp(allowlist, { trustProxy: ['10.0.0.1'] })).app;
    expect((await get(trusting, '/v1/probe/ok', forwarded, '10.0.0.1')).statusCode).toBe(200);
    expect((await get(trusting, '/v1/probe/ok', forwarded, '10.0.0.2')).statusCode).toBe(403);
  });
});

describe('rate limit', () => {
  const env = { RATE_LIMIT_GENERAL_PER_MINUTE: '3', RATE_LIMIT_CHAT_PER_MINUTE: '2' };

  it('should send the draft RateLimit headers', async () => {
    const { app } = await buildProbeApp(env);
    const first = await get(app, '/v1/probe/ok');
    const second = await get(app, '/v1/probe/ok');
    expect(first.headers['ratelimit-limit']).toBe('3');
    expect(first.headers['ratelimit-remaining']).toBe('2');
    expect(second.headers['ratelimit-remaining']).toBe('1');
    expect(Number(second.headers['ratelimit-reset'])).toBeGreaterThan(0);
    expect(Number(second.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
  });

  it('should answer 429 RATE_LIMITED in the envelope with Retry-After once the budget is spent', async () => {
    const { app } = await buildProbeApp(env);
    await exhaust(app, 3, '/v1/probe/ok');
    const limited = await get(app, '/v1/probe/ok');
    expect(limited.statusCode).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(limited.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/^Too many requests; retry in /) as unknown,
        details: { limit: 3, retryAfterSeconds: retryAfter },
      },
      requestId: limited.headers['x-correlation-id'],
    });
  });

  it('should count per user (authentication registered after the rate limit) and per IP when anonymous', async () => {
    const { app } = await buildProbeApp(env);
    await exhaust(app, 3, '/v1/probe/ok', { 'x-test-user': 'alice' });
    expect((await get(app, '/v1/probe/ok', { 'x-test-user': 'alice' })).statusCode).toBe(429);
    // Same address (inject's default 127.0.0.1), other user, and anonymous: their own buckets.
    expect((await get(app, '/v1/probe/ok', { 'x-test-user': 'bob' })).statusCode).toBe(200);
    await exhaust(app, 3, '/v1/probe/ok');
    expect((await get(app, '/v1/probe/ok')).statusCode).toBe(429);
    expect((await get(app, '/v1/probe/ok', {}, '10.9.9.9')).statusCode).toBe(200);
  });

  it('should count the chat group in its own bucket, shared by the chat routes', async () => {
    const { app } = await buildProbeApp(env);
    await exhaust(app, 3, '/v1/probe/ok');
    expect((await get(app, '/v1/probe/ok')).statusCode).toBe(429);
    const chat = await app.inject({ method: 'POST', url: '/v1/probe/chat' });
    expect(chat.statusCode).toBe(200);
    expect(chat.headers['ratelimit-limit']).toBe('2');
    expect((await get(app, '/v1/probe/chat-history')).statusCode).toBe(200);
    const limited = await app.inject({ method: 'POST', url: '/v1/probe/chat' });
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe('RATE_LIMITED');
  });

  it('should count requests to unknown routes in the general budget', async () => {
    const { app } = await buildProbeApp(env);
    for (let index = 0; index < 3; index += 1) {
      expect((await get(app, '/v1/nothing')).statusCode).toBe(404);
    }
    const limited = await get(app, '/v1/nothing');
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect((await get(app, '/v1/probe/ok')).statusCode).toBe(429);
  });

  it('should never limit the health endpoints', async () => {
    const { app } = await buildProbeApp(env);
    for (let index = 0; index < 10; index += 1) {
      for (const url of ['/health', '/health/ready']) {
        const response = await get(app, url);
        expect(response.statusCode).toBe(200);
        expect(response.headers['ratelimit-limit']).toBeUndefined();
      }
    }
  });

  it('should limit nothing when RATE_LIMIT_ENABLED is false', async () => {
    const { app } = await buildProbeApp({ ...env, RATE_LIMIT_ENABLED: 'false' });
    await exhaust(app, 6, '/v1/probe/ok');
    expect((await get(app, '/v1/probe/ok')).headers['ratelimit-limit']).toBeUndefined();
  });

  it('should let requests through and log it when Redis is unreachable', async () => {
    const { app, logs } = await buildProbeApp({ ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    await exhaust(app, 5, '/v1/probe/ok');
    expect(logs.some((line) => line.level === 40 && line.purpose === 'rate-limit')).toBe(true);
  });
});

describe.skipIf(!redisUp)('rate limit with Redis', () => {
  const prefix = `youworker-test:${randomUUID()}:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(redisUrl);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) {
      await redis.del(...keys);
    }
    await redis.quit();
  });

  it('should share the counters of two instances', async () => {
    const env = { RATE_LIMIT_GENERAL_PER_MINUTE: '4', REDIS_URL: redisUrl };
    const first = (await buildProbeApp(env, { redisKeyPrefix: prefix })).app;
    const second = (await buildProbeApp(env, { redisKeyPrefix: prefix })).app;
    const user = { 'x-test-user': 'carol' };
    await exhaust(first, 2, '/v1/probe/ok', user);
    await exhaust(second, 2, '/v1/probe/ok', user);
    expect((await get(first, '/v1/probe/ok', user)).statusCode).toBe(429);
    expect((await get(second, '/v1/probe/ok', user)).statusCode).toBe(429);
    expect((await get(second, '/v1/probe/ok', { 'x-test-user': 'dave' })).statusCode).toBe(200);
    expect(await redis.get(`${prefix}general:user:carol`)).toBe('6');
  });
});
