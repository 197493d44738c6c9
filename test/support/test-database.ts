import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPGlite, openPostgres, type DatabaseHandle } from '@youworker/db';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { testDatabaseUrl } from './env.ts';

/** A database of its own for one test file, and how to throw it away. */
export interface TestDatabase {
  handle: DatabaseHandle;
  /** PGlite only: the data directory (for restart tests). */
  dataDir?: string;
  /** PostgreSQL only: the connection URL of this database. */
  url?: string;
  destroy(): Promise<void>;
}

/** A fresh database copied from the migrated (default) or the empty template. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const templates = inject('databaseTemplates');
  const template = options.migrated === false ? templates.empty : templates.migrated;
  if (templates.kind === 'postgres') {
    if (!testDatabaseUrl) {
      throw new Error('TEST_DATABASE_URL vanished between global setup and the test');
    }
    const name = `yw_test_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres({ databaseUrl: testDatabaseUrl, poolSize: 1, connectTimeoutMs: 5000 });
    await sql.raw(`create database ${name} template ${template}`).execute(admin.db);
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${name}`;
    const handle = openPostgres({ databaseUrl: url.toString(), poolSize: 4, connectTimeoutMs: 5000 });
    return {
      handle,
      url: url.toString(),
      async destroy() {
        await handle.close();
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
        await admin.close();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'youworker-test-'));
  cpSync(template, dataDir, { recursive: true });
  const handle = await openPGlite({ dataDir });
  return {
    handle,
    dataDir,
    async destroy() {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
