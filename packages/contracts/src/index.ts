export {
  ErrorResponseSchema,
  ValidationIssueSchema,
  type ErrorResponse,
  type ValidationIssue,
} from './error.schema.ts';
export { ComponentHealthSchema, LivenessSchema, ReadinessSchema, type Readiness } from './health.schema.ts';
export { SystemInfoSchema, type SystemInfoResponse } from './system.schema.ts';
export { cleanText, EmailSchema, UsernameSchema } from './text.schema.ts';
export {
  CsrfTokenSchema,
  LoginBodySchema,
  LoginResponseSchema,
  MeSchema,
  UserRoleSchema,
  UserStatusSchema,
} from './auth.schema.ts';
export {
  AccountDeleteSchema,
  AdminUserCreatedSchema,
  AdminUserCreateSchema,
  AdminUserPatchSchema,
  ApiKeyCreateSchema,
  ApiKeyListSchema,
  ApiKeySchema,
  AuditEventSchema,
  AuditListSchema,
  AuditQuerySchema,
  CreatedApiKeySchema,
  IdParamsSchema,
  ProfilePatchSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from './account.schema.ts';
export {
  ChatCitationSchema,
  ChatMessageSchema,
  ChatSessionDetailSchema,
  ChatSessionListSchema,
  ChatSessionSchema,
  HistoryDeletedSchema,
  SessionListQuerySchema,
  SessionPatchSchema,
  TokenUsageSchema,
  ToolRunSchema,
} from './chat.schema.ts';
export {
  ChatDocumentScopeSchema,
  ChatRagModeSchema,
  ChatRequestSchema,
  ChatResponseSchema,
  ChatRetrievalSchema,
  OpenAiRetrievalExtensionSchema,
} from './chat-run.schema.ts';
export {
  OpenAiChatCompletionRequestSchema,
  OpenAiChatCompletionSchema,
  OpenAiContentPartSchema,
  OpenAiErrorResponseSchema,
  OpenAiFinishReasonSchema,
  OpenAiMessageSchema,
  OpenAiModelListSchema,
  OpenAiModelSchema,
  OpenAiToolCallSchema,
  OpenAiUsageSchema,
  type OpenAiChatCompletion,
  type OpenAiChatCompletionRequest,
  type OpenAiMessage,
  type OpenAiUsage,
} from './openai.schema.ts';
export {
  ToolCatalogSchema,
  ToolInfoSchema,
  ToolServerSchema,
  type ToolCatalogResponse,
} from './tools.schema.ts';
export {
  ChunkSchema,
  DocumentDetailSchema,
  DocumentListQuerySchema,
  DocumentListSchema,
  DocumentPatchSchema,
  DocumentSharingSchema,
  DocumentSchema,
  DocumentStatusSchema,
  IngestBodySchema,
  IngestionRunListSchema,
  IngestionRunSchema,
  IngestionStartedSchema,
  SearchBodySchema,
  SearchFiltersSchema,
  SearchResponseSchema,
  SearchResultSchema,
  TagListSchema,
  TagSchema,
} from './documents.schema.ts';
export {
  GroupAdminListQuerySchema,
  GroupCreateSchema,
  GroupListSchema,
  GroupMemberAddSchema,
  GroupMemberListSchema,
  GroupMemberParamsSchema,
  GroupMemberPatchSchema,
  GroupMemberSchema,
  GroupPatchSchema,
  GroupRoleSchema,
  GroupSchema,
  UserLookupQuerySchema,
  UserLookupSchema,
} from './groups.schema.ts';
export * from './mcp-bridge.schema.ts';
