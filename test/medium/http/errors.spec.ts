import { NotFoundError, RateLimitedError } from '@youworker/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type LogLine, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

const EchoBody = z.object({ name: z.string().min(1).max(20), count: z.number().int().optional() });

/** Routes added only for these tests, to exercise the platform's error handling. */
function addProbeRoutes(testApp: TestApp): void {
  testApp.app.post(
    '/v1/probe/echo',
    { config: { policy: 'public' }, schema: { body: EchoBody, response: { 200: EchoBody } } },
    (request) => request.body,
  );
  testApp.app.get('/v1/probe/missing', { config: { policy: 'public' } }, () => {
    throw new NotFoundError({ code: 'THING_NOT_FOUND', message: 'Thing not found', details: { id: 'x' } });
  });
  testApp.app.get('/v1/probe/limited', { config: { policy: 'public' } }, () => {
    throw new RateLimitedError({ message: 'Slow down', details: { retryAfterSeconds: 7 } });
  });
  testApp.app.get('/v1/probe/crash', { config: { policy: 'public' } }, () => {
    throw new Error('database password is hunter2');
  });
  testApp.app.get(
    '/v1/probe/bad-response',
    { config: { policy: 'public' }, schema: { response: { 200: EchoBody } } },
    () => ({ wrong: true }) as never,
  );
}

function errorLines(logs: LogLine[]): LogLine[] {
  return logs.filter((line) => line.level >= 50);
}

describe('the error envelope', () => {
  let database: TestDatabase;
  let development: TestApp;
  let production: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    development = await createTestApp({ database: database.handle, env: { BODY_LIMIT_BYTES: '2048' } });
    production = await createTestApp({ database: database.handle, env: { APP_ENV: 'production' } });
    addProbeRoutes(development);
    addProbeRoutes(production);
  });

  afterAll(async () => {
    await development.close();
    await production.close();
    await database.destroy();
  });

  it('should answer an unknown route with 404 ROUTE_NOT_FOUND in the envelope', async () => {
    const response = await development.app.inject({ method: 'GET', url: '/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'Route GET /v1/nothing-here not found' },
      requestId: response.headers['x-correlation-id'],
    });
  });

  it('should answer malformed JSON with 400 INVALID_JSON', async () => {
    const response = await development.app.inject({
      method: 'POST',
      url: '/v1/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "a",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('INVALID_JSON');
  });

  it('should answer an empty JSON body with 400 INVALID_JSON', async () => {
    const response = await development.app.inject({
      method: 'POST',
      url: '/v1/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('INVALID_JSON');
  });

  it('should answer a schema violation with 400 VALIDATION_FAILED and the fields', async () => {
    const response = await development.app.inject({
      method: 'POST',
      url: '/v1/probe/echo',
      payload: { name: '', count: 1.5 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{
      error: { code: string; details: { issues: { location: string; path: string }[] } };
    }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((issue) => `${issue.location}:${issue.path}`).sort()).toEqual([
      'body:count',
      'body:name',
    ]);
  });

  it('should answer a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await development.app.inject({
      method: 'POST',
      url: '/v1/probe/echo',
      payload: { name: 'x'.repeat(5000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should answer an unsupported content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await development.app.inject({
      method: 'POST',
      url: '/v1/probe/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<name>a</name>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('should log none of the client errors at error level, and no stack', async () => {
    expect(errorLines(development.logs)).toEqual([]);
    const rejected = development.logs.filter((line) => line.msg === 'request rejected');
    expect(rejected.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(rejected)).not.toContain('"stack"');
  });

  it('should map a domain error to its status and stable code', async () => {
    const response = await development.app.inject({ method: 'GET', url: '/v1/probe/missing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      error: { code: 'THING_NOT_FOUND', message: 'Thing not found', details: { id: 'x' } },
    });
    const limited = await development.app.inject({ method: 'GET', url: '/v1/probe/limited' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
  });

  it('should hide an unknown error behind a generic 500 in production and log it at error level', async () => {
    const response = await production.app.inject({ method: 'GET', url: '/v1/probe/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'An internal error occurred' },
      requestId: response.headers['x-correlation-id'],
    });
    const logged = errorLines(production.logs);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.requestId).toBe(response.headers['x-correlation-id']);
  });

  it('should show the message of an unknown error in development', async () => {
    const response = await development.app.inject({ method: 'GET', url: '/v1/probe/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json<{ error: { message: string } }>().error.message).toBe(
      'database password is hunter2',
    );
  });

  it('should answer a response that breaks its own schema with 500, not the bad body', async () => {
    const response = await production.app.inject({ method: 'GET', url: '/v1/probe/bad-response' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('wrong');
  });
});
