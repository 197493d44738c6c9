import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema/database.ts';
import type { DatabaseHandle } from './database-handle.ts';

/** Strips the password from a connection URL so it can be logged. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) {
      url.password = '***';
    }
    return url.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

/** Opens a node-postgres pool to a PostgreSQL server. */
export function openPostgres(options: {
  databaseUrl: string;
  poolSize: number;
  connectTimeoutMs: number;
  onPoolError?: (error: Error) => void;
}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs,
    application_name: 'youworker',
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener it would crash the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed: Promise<void> | undefined;
  return {
    kind: 'postgres',
    db,
    location: redactDatabaseUrl(options.databaseUrl),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}
