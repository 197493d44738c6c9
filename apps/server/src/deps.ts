import { resolveSecrets, type AppConfig } from '@youworker/config';
import {
  ApiKeyService,
  AuditService,
  AuthenticationService,
  HealthRegistry,
  SystemService,
  TokenHasher,
  UserService,
  type FailedAttemptLimiter,
} from '@youworker/core';
import {
  ApiKeyRepository,
  AppMetaRepository,
  AuditEventRepository,
  AuthSessionRepository,
  migrateUp,
  openDatabase,
  UserRepository,
  verifyConnection,
  type DatabaseHandle,
} from '@youworker/db';
import type { Logger } from 'pino';
import type { AppDeps } from './app.ts';
import { MemoryFailedAttemptLimiter } from './auth-support/failed-attempts.ts';
import { VERSION } from './version.ts';

/** The process's long-lived dependencies, and how to release them. */
export interface ServerDeps extends AppDeps {
  database: DatabaseHandle;
  close(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

/** Builds the domain services over an opened, migrated database. Shared by the server and the CLI. */
export function createServices(config: AppConfig, database: DatabaseHandle, options: { failedAttempts?: FailedAttemptLimiter } = {}) {
  const secrets = resolveSecrets(config);
  const hasher = new TokenHasher(secrets.sessionSecret);
  const users = new UserRepository(database.db);
  const apiKeys = new ApiKeyRepository(database.db);
  const sessions = new AuthSessionRepository(database.db);
  const audit = new AuditService({ events: new AuditEventRepository(database.db) });
  return {
    secrets,
    audit,
    users: new UserService({ users, apiKeys, sessions, audit }),
    apiKeys: new ApiKeyService({ apiKeys, sessions, users, hasher, audit }),
    authentication: new AuthenticationService({
      users,
      apiKeys,
      sessions,
      hasher,
      audit,
      sessionTtlMs: config.SESSION_TTL_HOURS * HOUR_MS,
    }),
    failedAttempts:
      options.failedAttempts ?? new MemoryFailedAttemptLimiter({ maxPerMinute: config.RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE }),
    system: new SystemService({
      store: new AppMetaRepository(database.db),
      version: VERSION,
      mode: database.kind === 'pglite' ? 'embedded' : 'production',
      environment: config.APP_ENV,
    }),
  };
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
      logger.info({ applied, database: database.kind }, applied.length ? 'migrations applied' : 'schema up to date');
    }
    const services = createServices(config, database);
    if (services.secrets.source === 'generated-file') {
      logger.warn(
        { file: services.secrets.file },
        'SESSION_SECRET/ENCRYPTION_KEY not set: using development secrets generated in DATA_DIR (never do this in production)',
      );
    }
    if (config.ROOT_API_KEY && (options.verifyDatabase ?? true)) {
      await services.apiKeys.bootstrapRootKey(config.ROOT_API_KEY);
    }
    const health = new HealthRegistry({ timeoutMs: config.HEALTH_CHECK_TIMEOUT_MS });
    health.register('database', async () => {
      await database.ping();
      return { driver: database.kind };
    });
    return {
      config,
      logger,
      database,
      services: { ...services, health },
      close: async () => {
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
