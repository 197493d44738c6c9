import type { DatabaseHandle } from './database-handle.ts';
import { openPGlite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';

/** What {@link openDatabase} needs from the configuration. */
export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize: number;
  connectTimeoutMs: number;
  onPoolError?: (error: Error) => void;
}

/** PostgreSQL when a URL is given (production mode), the embedded PGlite under `dataDir` otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return openPostgres({
      databaseUrl: options.databaseUrl,
      poolSize: options.poolSize,
      connectTimeoutMs: options.connectTimeoutMs,
      onPoolError: options.onPoolError,
    });
  }
  return openPGlite({ dataDir: options.dataDir });
}
