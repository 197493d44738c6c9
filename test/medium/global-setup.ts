import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateUp, openPGlite, openPostgres } from '@youworker/db';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from '../support/env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: { kind: 'pglite' | 'postgres'; empty: string; migrated: string };
  }
}

/**
 * Migrates a template database once; each test file then gets its own copy (PGlite: a copied data
 * directory; PostgreSQL: CREATE DATABASE … TEMPLATE …).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (testDatabaseUrl) {
    const suffix = `${process.pid}_${Date.now()}`;
    const templates = { empty: `yw_template_empty_${suffix}`, migrated: `yw_template_${suffix}` };
    const admin = openPostgres({ databaseUrl: testDatabaseUrl, poolSize: 1, connectTimeoutMs: 5000 });
    await sql.raw(`create database ${templates.empty}`).execute(admin.db);
    await sql.raw(`create database ${templates.migrated}`).execute(admin.db);
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${templates.migrated}`;
    const migrated = openPostgres({ databaseUrl: url.toString(), poolSize: 1, connectTimeoutMs: 5000 });
    await migrateUp(migrated.db);
    await migrated.close();
    project.provide('databaseTemplates', { kind: 'postgres', ...templates });
    return async () => {
      await sql.raw(`drop database if exists ${templates.empty} with (force)`).execute(admin.db);
      await sql.raw(`drop database if exists ${templates.migrated} with (force)`).execute(admin.db);
      await admin.close();
    };
  }
  const root = mkdtempSync(join(tmpdir(), 'youworker-templates-'));
  const templates = { empty: join(root, 'empty'), migrated: join(root, 'migrated') };
  const empty = await openPGlite({ dataDir: templates.empty });
  await empty.close();
  const migrated = await openPGlite({ dataDir: templates.migrated });
  await migrateUp(migrated.db);
  await migrated.close();
  project.provide('databaseTemplates', { kind: 'pglite', ...templates });
  return async () => {
    rmSync(root, { recursive: true, force: true });
  };
}
