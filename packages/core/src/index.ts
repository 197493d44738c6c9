export {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
  YouWorkerError,
  type ErrorKind,
  type YouWorkerErrorOptions,
} from './errors/index.ts';
export {
  enterRequestContext,
  getRequestContext,
  runWithRequestContext,
  type RequestContext,
} from './context/request-context.ts';
export {
  HealthRegistry,
  type ComponentHealth,
  type HealthCheck,
  type ReadinessReport,
} from './health/health-registry.ts';
export { SystemService, type InstallationStore, type SystemInfo } from './system/system.service.ts';
export {
  anonymousActor,
  isUserActor,
  type Actor,
  type AnonymousActor,
  type AuthenticationMethod,
  type UserActor,
  type UserRole,
} from './identity/actor.ts';
export { TokenHasher, API_KEY_PREFIX } from './identity/token-hasher.ts';
export { AuthenticationService, type OpenedSession } from './identity/authentication.service.ts';
export { ApiKeyService, type CreatedApiKey } from './identity/api-key.service.ts';
export { UserService, type AdminUserPatch, type ForwardedIdentity } from './identity/user.service.ts';
export {
  authenticationFailure,
  userDisabled,
  type AuthenticationFailureCode,
} from './identity/identity-errors.ts';
export type { FailedAttemptLimiter } from './identity/failed-attempt-limiter.ts';
export { AuditService, type AuditAction, type AuditEntry } from './audit/audit.service.ts';
export {
  DecryptionError,
  EncryptionKeyError,
  EncryptionKeyring,
  EncryptionService,
  encryptionKeyLength,
  generateEncryptionKey,
  isValidEncryptionKeyId,
  parseEncryptionKey,
  type AssociatedData,
  type DecryptionErrorCode,
  type EncryptionKey,
  type EncryptionKeyErrorCode,
  type EncryptionKeyringOptions,
} from './crypto/index.ts';
export { createCoreServices, type CoreServices } from './create-services.ts';
export {
  ChatSessionService,
  titleFrom,
  TOOL_RESULT_PREVIEW_LENGTH,
  type AssistantTurn,
  type ChatMessageView,
  type MessageUsage,
  type ToolRunView,
} from './chat/chat-session.service.ts';
export {
  ChatService,
  type ChatInput,
  type ChatRun,
  type ChatRunEndEvent,
  type ChatSettings,
  type ChatStreamEvent,
} from './chat/chat.service.ts';
export { ToolRunTracker } from './chat/tool-run-tracker.ts';
export {
  citationsFor,
  citedNumbers,
  type ChatCitation,
  type RetrievedSource,
} from './chat/chat-citations.ts';
export {
  ChatRetrieval,
  type ChatDocumentScope,
  type ChatRetrievalSettings,
  type RagMode,
  type RetrievalLogger,
  type RetrievalOutcome,
  type RetrievalSummary,
} from './chat/chat-retrieval.ts';
export { citedDocumentAccess, type CitedDocumentAccess } from './chat/cited-documents.ts';
export { chatSettingsFrom, createChatServices, RETRIEVAL_TIMEOUT_MS } from './chat/create-chat-services.ts';
export { SOURCES_INSTRUCTION, withSources } from './chat/retrieval-context.ts';
export {
  computeBackoffMs,
  createJobRunner,
  formatJobError,
  JobInterruptedError,
  JobWorker,
  NonRetryableJobError,
  safeJobLogger,
  type BackoffOptions,
  type Job,
  type JobHandler,
  type JobHandlerContext,
  type JobInterruptionCode,
  type JobLogger,
  type JobQueue,
  type JobRunnerOptions,
  type JobStatus,
  type JobWorkerStopOptions,
  type NewJob,
} from './jobs/index.ts';
export { AccessService, type AccessScope, type GroupMembershipSource } from './access/access-scope.ts';
export {
  createConfiguredEmbedder,
  createConfiguredVectorStore,
  createDocumentServices,
} from './documents/create-document-services.ts';
export { DocumentService, type DocumentDetail, type DocumentUpdate } from './documents/document.service.ts';
export { GroupService, type UserLookupResult } from './groups/group.service.ts';
export { databaseMembershipSource, requireMembership } from './groups/group-membership-source.ts';
export {
  migrateToPersonalSpaces,
  personalSpaceName,
  type PersonalSpacesSummary,
} from './groups/personal-spaces.ts';
export { FileStore, type StagedFile } from './documents/file-store.ts';
export { INGEST_QUEUE, IngestionPipeline } from './documents/ingestion-pipeline.ts';
export {
  IngestionService,
  type DocumentSharing,
  type IngestOptions,
  type IngestionRunStarted,
  type UploadedFile,
} from './documents/ingestion.service.ts';
export { SearchService, type SearchQuery, type SearchResult } from './search/search.service.ts';
export {
  McpBridgeService,
  MCP_BRIDGE_LIMITS,
  type ChunkContext,
  type McpBridgeAudience,
  type McpBridgeDeps,
  type McpBridgeSearchQuery,
  type McpBridgeUser,
  type McpCaller,
} from './mcp-bridge/mcp-bridge.service.ts';
