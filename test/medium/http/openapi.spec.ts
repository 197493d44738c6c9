import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

interface Operation {
  summary?: string;
  description?: string;
  responses?: Record<string, unknown>;
}

describe('OpenAPI', () => {
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

  it('should serve exactly the committed openapi.json (run `npm run generate` after changing a route)', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const committed: unknown = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../openapi.json'), 'utf8'),
    );
    expect(response.json()).toEqual(committed);
  });

  it('should describe every operation, with its error envelope', async () => {
    const document = (await testApp.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
    }>();
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const { name, operation } of operations) {
      expect(operation.summary, name).toBeTruthy();
      expect(operation.description, name).toBeTruthy();
      const statuses = Object.keys(operation.responses ?? {});
      expect(
        statuses.some((status) => /^2\d\d$/.test(status)),
        name,
      ).toBe(true);
      expect(statuses, name).toEqual(expect.arrayContaining(['4XX', '5XX']));
    }
    const apiPaths = Object.keys(document.paths).filter((path) => !path.startsWith('/health'));
    for (const path of apiPaths) {
      expect(path).toMatch(/^\/v1\//);
    }
  });

  it('should serve Swagger UI at /docs', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
