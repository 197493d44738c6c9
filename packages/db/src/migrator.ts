import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResultSet } from 'kysely';
import { DatabaseSetupError } from './errors.ts';
import type { Database } from './schema/database.ts';
import { migrations } from './migrations/index.ts';

/** One migration and when it ran (null: pending). */
export interface MigrationStatus {
  name: string;
  executedAt: Date | null;
}

function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

function unwrap(resultSet: MigrationResultSet): string[] {
  if (resultSet.error !== undefined) {
    const failed = resultSet.results?.find((result) => result.status === 'Error');
    if (DatabaseSetupError.isInstance(resultSet.error)) {
      throw resultSet.error;
    }
    const reason =
      resultSet.error instanceof Error ? resultSet.error.message : JSON.stringify(resultSet.error);
    throw new DatabaseSetupError(
      'MIGRATION_FAILED',
      failed ? `Migration ${failed.migrationName} failed: ${reason}` : `Could not run migrations: ${reason}`,
      { cause: resultSet.error },
    );
  }
  return (resultSet.results ?? []).map((result) => result.migrationName);
}

/** Applies every pending migration in order; returns the names applied. */
export async function migrateUp(db: Kysely<Database>): Promise<string[]> {
  return unwrap(await createMigrator(db).migrateToLatest());
}

/** Reverts the last `steps` applied migrations, or all of them; returns the names reverted. */
export async function migrateDown(
  db: Kysely<Database>,
  options: { all?: boolean; steps?: number } = {},
): Promise<string[]> {
  const migrator = createMigrator(db);
  if (options.all) {
    return unwrap(await migrator.migrateTo(NO_MIGRATIONS));
  }
  const reverted: string[] = [];
  for (let step = 0; step < (options.steps ?? 1); step += 1) {
    const names = unwrap(await migrator.migrateDown());
    if (names.length === 0) {
      break;
    }
    reverted.push(...names);
  }
  return reverted;
}

/** Every known migration with its execution time, in order. */
export async function migrationStatus(db: Kysely<Database>): Promise<MigrationStatus[]> {
  const infos = await createMigrator(db).getMigrations();
  return infos.map((info) => ({ name: info.name, executedAt: info.executedAt ?? null }));
}
