export type { Database, AppMetaTable } from './schema/database.ts';
export type { DatabaseHandle, DatabaseKind } from './drivers/database-handle.ts';
export { openDatabase, type DatabaseOptions } from './drivers/open-database.ts';
export { openPGlite } from './drivers/open-pglite.ts';
export { openPostgres, redactDatabaseUrl } from './drivers/open-postgres.ts';
export { verifyConnection } from './drivers/verify-connection.ts';
export { DatabaseSetupError, type DatabaseErrorCode } from './errors.ts';
export { migrateDown, migrateUp, migrationStatus, type MigrationStatus } from './migrator.ts';
export { AppMetaRepository } from './repositories/app-meta.repository.ts';
