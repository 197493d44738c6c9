export type { Database, AppMetaTable, DocumentStatus, IngestionRunStatus } from './schema/database.ts';
export type { DatabaseHandle, DatabaseKind } from './drivers/database-handle.ts';
export { openDatabase, type DatabaseOptions } from './drivers/open-database.ts';
export { openPGlite } from './drivers/open-pglite.ts';
export { openPostgres, redactDatabaseUrl } from './drivers/open-postgres.ts';
export { verifyConnection } from './drivers/verify-connection.ts';
export { DatabaseSetupError, type DatabaseErrorCode } from './errors.ts';
export { migrateDown, migrateUp, migrationStatus, type MigrationStatus } from './migrator.ts';
export { AppMetaRepository } from './repositories/app-meta.repository.ts';
export {
  UserRepository,
  type NewUser,
  type UserPatch,
  type UserRecord,
} from './repositories/user.repository.ts';
export { ApiKeyRepository, type ApiKeyRecord } from './repositories/api-key.repository.ts';
export {
  AuthSessionRepository,
  type AuthSessionRecord,
  type SessionLookup,
} from './repositories/auth-session.repository.ts';
export {
  AuditEventRepository,
  type AuditEventFilter,
  type AuditEventRecord,
  type NewAuditEvent,
} from './repositories/audit-event.repository.ts';
export { isUniqueViolation } from './repositories/unique-violation.ts';
export { isUuid } from './repositories/uuid.ts';
export { encryptedColumns, type EncryptedColumn } from './encryption/encrypted-columns.ts';
export { ReencryptError } from './encryption/reencrypt-error.ts';
export { reencryptColumn, type ReencryptOptions, type ReencryptProgress } from './encryption/reencrypt.ts';
export {
  ChatRepository,
  type ChatMessageRow,
  type NewChatMessage,
  type NewToolRun,
  type ChatSessionRecord,
  type ToolRunRow,
} from './repositories/chat.repository.ts';
export {
  JOB_CANCELLED_ERROR,
  JOB_LEASE_EXPIRED_ERROR,
  JobRepository,
  type JobRecord,
  type JobStatus as JobRecordStatus,
  type NewJobRecord,
} from './repositories/job.repository.ts';
export {
  DocumentRepository,
  visibleTo,
  type DocumentAccessFilter,
  type DocumentListOptions,
  type DocumentPatch,
  type DocumentRecord,
  type NewDocument,
} from './repositories/document.repository.ts';
export {
  GroupNameTakenError,
  GroupRepository,
  type AdminGuardedOutcome,
  type GroupMemberRecord,
  type GroupRecord,
  type GroupRole,
  type GroupSummary,
} from './repositories/group.repository.ts';
export { IngestionRunRepository, type IngestionRunRecord } from './repositories/ingestion-run.repository.ts';
