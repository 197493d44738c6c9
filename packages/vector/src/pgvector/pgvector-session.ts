import type { Database } from '@youworker/db';
import { sql, type Kysely } from 'kysely';

/** What a pgvector store learns about its database once, on first use. */
export interface PgvectorSession {
  /** The text search configuration in use (the requested one, or `simple` when it does not exist). */
  textSearchConfig: string;
  /** pgvector ≥ 0.8 supports `hnsw.iterative_scan`. */
  iterativeScan: boolean;
}

const configName = /^[a-z_][a-z0-9_]*$/i;

/** Whether a pgvector version string (`0.8.1`) is at least `major.minor`. */
export function versionAtLeast(version: string | null, major: number, minor: number): boolean {
  const [foundMajor = 0, foundMinor = 0] = (version ?? '')
    .split('.')
    .map((part) => Number.parseInt(part, 10));
  return foundMajor > major || (foundMajor === major && foundMinor >= minor);
}

/** Checks the text search configuration exists (else warns and uses `simple`) and reads pgvector's version. */
export async function prepareSession(
  db: Kysely<Database>,
  requestedConfig: string,
  warn: (message: string) => void,
): Promise<PgvectorSession> {
  const result = await sql<{ config_exists: boolean; vector_version: string | null }>`select
      exists(select 1 from pg_ts_config where cfgname = ${requestedConfig}) as config_exists,
      (select extversion from pg_extension where extname = 'vector') as vector_version`.execute(db);
  const row = result.rows[0];
  let textSearchConfig = requestedConfig;
  if (!configName.test(requestedConfig) || row?.config_exists !== true) {
    warn(
      `Text search configuration "${requestedConfig}" does not exist in this database; using "simple" ` +
        '(no stemming, no stop words). Chunks already indexed keep their lexical vectors until reindexed.',
    );
    textSearchConfig = 'simple';
  }
  return { textSearchConfig, iterativeScan: versionAtLeast(row?.vector_version ?? null, 0, 8) };
}
