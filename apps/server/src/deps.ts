import type { AppConfig } from '@youworker/config';
import { HealthRegistry, SystemService } from '@youworker/core';
import {
  AppMetaRepository,
  migrateUp,
  openDatabase,
  verifyConnection,
  type DatabaseHandle,
} from '@youworker/db';
import type { Logger } from 'pino';
import type { AppDeps } from './app.ts';
import { VERSION } from './version.ts';

/** The process's long-lived dependencies, and how to release them. */
export interface ServerDeps extends AppDeps {
  database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * Wires the services of one process from its configuration; shared by the server, the worker and the
 * CLI. Opens the database, migrates it when configured to, and registers readiness checks.
 */
export async function createDeps(
  config: AppConfig,
  logger: Logger,
  options: {
    /** A database opened by the caller (tests); it is closed with the deps. */
    database?: DatabaseHandle;
    /** Fail at boot when the database does not answer (default true). */
    verifyDatabase?: boolean;
  } = {},
): Promise<ServerDeps> {
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      onPoolError: (error) => {
        logger.warn({ err: error }, 'idle database connection failed');
      },
    }));
  try {
    if (options.verifyDatabase ?? true) {
      await verifyConnection(database);
    }
    if (config.MIGRATE_ON_START) {
      const applied = await migrateUp(database.db);
      logger.info(
        { applied, database: database.kind },
        applied.length ? 'migrations applied' : 'schema up to date',
      );
    }
    const health = new HealthRegistry({ timeoutMs: config.HEALTH_CHECK_TIMEOUT_MS });
    health.register('database', async () => {
      await database.ping();
      return { driver: database.kind };
    });
    const system = new SystemService({
      store: new AppMetaRepository(database.db),
      version: VERSION,
      mode: database.kind === 'pglite' ? 'embedded' : 'production',
      environment: config.APP_ENV,
    });
    return {
      config,
      logger,
      database,
      services: { health, system },
      close: async () => {
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
