import { parseConfig } from '@youworker/config';
import { openPGlite } from '@youworker/db';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { MemoryFailedAttemptLimiter } from './auth-support/failed-attempts.ts';
import { createServices } from './deps.ts';
import { HealthRegistry } from '@youworker/core';

/**
 * The OpenAPI document generated from the route schemas. Routes are registered over services that
 * are never called, on an in-memory database that is never migrated. Used by `npm run generate`.
 */
export async function generateOpenApiDocument(): Promise<unknown> {
  const config = parseConfig({
    SESSION_SECRET: 'openapi-generation-only-'.padEnd(48, 'x'),
    ENCRYPTION_KEY: `gen:${Buffer.alloc(32).toString('base64')}`,
  });
  const database = await openPGlite({ dataDir: null });
  try {
    const app = await buildApp({
      config,
      logger: pino({ level: 'silent' }),
      services: {
        ...createServices(config, database, {
          failedAttempts: new MemoryFailedAttemptLimiter({ maxPerMinute: 10 }),
          logger: pino({ level: 'silent' }),
        }),
        health: new HealthRegistry({ timeoutMs: 1000 }),
      },
    });
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}
