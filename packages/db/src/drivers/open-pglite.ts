import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite/vector';
import { Kysely, sql } from 'kysely';
import type { Database } from '../schema/database.ts';
import type { DatabaseHandle } from './database-handle.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { lockDataDirectory } from './pglite-lock.ts';

const INT8_OID = 20;

/**
 * Opens the embedded PGlite database (with pgvector) persisted under `dataDir/pglite`, or in memory
 * when `dataDir` is `null` (tests).
 */
export async function openPGlite(options: { dataDir: string | null }): Promise<DatabaseHandle> {
  let unlock: () => void = () => {};
  let directory: string | undefined;
  if (options.dataDir !== null) {
    directory = resolve(options.dataDir, 'pglite');
    mkdirSync(directory, { recursive: true });
    unlock = lockDataDirectory(`${directory}.lock`);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: directory,
      extensions: { vector },
      // Return int8 as a string, as node-postgres does, so both drivers give the same types.
      parsers: { [INT8_OID]: (value: string) => value },
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  let closed: Promise<void> | undefined;
  return {
    kind: 'pglite',
    db,
    location: directory ?? 'memory://',
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      closed ??= (async () => {
        try {
          await db.destroy();
          await client.close();
        } finally {
          unlock();
        }
      })();
      return closed;
    },
  };
}
