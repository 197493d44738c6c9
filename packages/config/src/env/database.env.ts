import { z } from 'zod';
import { envBoolean, envInteger } from './env-helpers.ts';

/** Storage variables: embedded PGlite under DATA_DIR, or PostgreSQL when DATABASE_URL is set. */
export const databaseEnv = {
  DATA_DIR: z
    .string()
    .min(1)
    .default('./data')
    .describe(
      'Directory for local data: the embedded database (`DATA_DIR/pglite`) and, later, uploaded files.',
    ),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .describe(
      'PostgreSQL connection URL (production mode). The server needs the `vector` extension (pgvector). When unset, the embedded PGlite database is used.',
    ),
  DATABASE_POOL_SIZE: envInteger({ min: 1, max: 500, defaultValue: 10 }).describe(
    'Maximum number of PostgreSQL connections per process (production mode only).',
  ),
  DATABASE_CONNECT_TIMEOUT_MS: envInteger({ min: 100, max: 120_000, defaultValue: 5_000 }).describe(
    'How long to wait for a PostgreSQL connection before failing the query.',
  ),
  MIGRATE_ON_START: envBoolean(true).describe(
    'Apply pending database migrations when the server starts. Turn off to run `youworker migrate up` yourself.',
  ),
};
