import { parseConfig } from '@youworker/config';
import { HealthRegistry, SystemService } from '@youworker/core';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { VERSION } from './version.ts';

/**
 * The OpenAPI document generated from the route schemas, without opening a database: routes are
 * registered over services that are never called. Used by `npm run generate` to write `openapi.json`.
 */
export async function generateOpenApiDocument(): Promise<unknown> {
  const memory = new Map<string, string>();
  const app = await buildApp({
    config: parseConfig({}),
    logger: pino({ level: 'silent' }),
    services: {
      health: new HealthRegistry({ timeoutMs: 1000 }),
      system: new SystemService({
        store: { getOrCreate: (key, value) => Promise.resolve(memory.get(key) ?? value) },
        version: VERSION,
        mode: 'embedded',
        environment: 'development',
      }),
    },
  });
  await app.ready();
  const document = app.swagger();
  await app.close();
  return document;
}
