import { loadConfig, type AppConfig } from '@youworker/config';
import { openDatabase, verifyConnection, type DatabaseHandle } from '@youworker/db';
import type { CliContext } from '../cli-context.ts';

/** The configuration a command runs with: `.env` in the context's cwd, overridden by its env. */
export function loadCliConfig(context: CliContext): AppConfig {
  return loadConfig({ env: context.env, cwd: context.cwd });
}

/**
 * Opens the configured database (PostgreSQL or the embedded PGlite), checks the connection, runs
 * `work`, and always closes it. Pass `config` when the command has loaded it already (to validate
 * something before touching the database); otherwise it is loaded here.
 */
export async function withDatabase<T>(
  context: CliContext,
  work: (database: DatabaseHandle, config: AppConfig) => Promise<T>,
  config: AppConfig = loadCliConfig(context),
): Promise<T> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: 2,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
  try {
    context.stderr.write(`database: ${database.kind} (${database.location})\n`);
    await verifyConnection(database);
    return await work(database, config);
  } finally {
    await database.close();
  }
}
