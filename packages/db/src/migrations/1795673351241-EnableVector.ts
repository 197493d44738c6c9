import { sql, type Kysely } from 'kysely';
import { DatabaseSetupError } from '../errors.ts';

/** Explains how to install pgvector on the server that lacks it. */
export function vectorMissingMessage(serverVersion: string): string {
  return [
    `The PostgreSQL server (${serverVersion}) does not have the pgvector extension ("vector"), which YouWorker needs.`,
    'Install it on the database server, then start YouWorker again:',
    '  - Debian/Ubuntu with the PGDG repository: apt-get install postgresql-<major>-pgvector',
    '  - Debian 12 without PGDG: run .ci/install-pgvector.sh from this repository (builds Debian trixie’s source package)',
    '  - from source: https://github.com/pgvector/pgvector#installation',
    'See docs/deployment.md.',
  ].join('\n');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const available = await sql<{ name: string }>`
    select name from pg_available_extensions where name = 'vector'
  `.execute(db);
  if (available.rows.length === 0) {
    const version = await sql<{ server_version: string }>`show server_version`.execute(db);
    throw new DatabaseSetupError(
      'VECTOR_EXTENSION_MISSING',
      vectorMissingMessage(`PostgreSQL ${version.rows[0]?.server_version ?? 'unknown version'}`),
    );
  }
  await sql`create extension if not exists vector`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop extension if exists vector`.execute(db);
}
