import type { ColumnType, Generated } from 'kysely';

/** A `timestamptz` column filled by the database on insert. */
export type CreatedAt = ColumnType<Date, never, never>;
/** A `timestamptz` column with a database default that updates may set. */
export type UpdatedAt = ColumnType<Date, never, Date>;

/** `app_meta`: small key/value facts about this installation (instance id, first start). */
export interface AppMetaTable {
  key: string;
  value: string;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

/** `users`: people who use the platform. Usernames are unique case-insensitively. */
export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: Generated<string>;
  email: string | null;
  role: Generated<'admin' | 'user'>;
  status: Generated<'active' | 'disabled'>;
  auth_source: Generated<'local' | 'forward-auth'>;
  external_groups: ColumnType<string[], string | undefined, string>;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
  last_login_at: Date | null;
}

/** `api_keys`: secrets stored only as keyed hashes. */
export interface ApiKeysTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** `auth_sessions`: revocable browser sessions (the cookie holds a token whose hash is stored). */
export interface AuthSessionsTable {
  id: Generated<string>;
  user_id: string;
  api_key_id: string | null;
  token_hash: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
}

/** `audit_events`: append-only security and administration log. `id` is a bigint, read as a string. */
export interface AuditEventsTable {
  id: ColumnType<string, never, never>;
  occurred_at: Generated<Date> & CreatedAt;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

/** `chat_sessions`: a user's conversations. */
export interface ChatSessionsTable {
  id: Generated<string>;
  user_id: string;
  title: string;
  pinned: Generated<boolean>;
  model: string | null;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

/** `chat_messages`: `content` is ciphertext (EncryptionService, the row id as associated data). */
export interface ChatMessagesTable {
  id: string;
  /** Insertion order (bigint identity, read as a string). */
  seq: ColumnType<string, never, never>;
  session_id: string;
  role: 'user' | 'assistant';
  content: string;
  status: Generated<'complete' | 'cancelled' | 'error'>;
  model: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  reasoning_tokens: number | null;
  error_code: string | null;
  /** Ciphertext of the JSON array of cited sources (row id as associated data); NULL: none. */
  citations: string | null;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

/** `tool_runs`: each tool call of an assistant message; `arguments` and `result_preview` are ciphertext. */
export interface ToolRunsTable {
  id: string;
  message_id: string;
  session_id: string;
  step: number;
  tool_call_id: string;
  tool_name: string;
  arguments: string;
  result_preview: string | null;
  status: 'success' | 'error' | 'timeout' | 'cancelled';
  duration_ms: number;
  error_code: string | null;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

export type DocumentStatus = 'queued' | 'processing' | 'ready' | 'failed' | 'unsupported_until_stt';

/** `documents`: the catalog. Access columns (`owner_id`, `group_id`, `is_private`) drive every search filter. */
export interface DocumentsTable {
  id: Generated<string>;
  owner_id: string;
  group_id: string | null;
  /** In a group but readable by the owner only. */
  is_private: Generated<boolean>;
  title: string;
  source_type: 'upload' | 'url' | 'path';
  source_uri: string | null;
  mime_type: string | null;
  /** bigint, read as a string. */
  size_bytes: ColumnType<string, number | string | undefined, number | string>;
  content_sha256: string | null;
  page_count: number | null;
  chunk_count: Generated<number>;
  status: Generated<DocumentStatus>;
  error: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  storage_path: string | null;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
  indexed_at: Date | null;
}

/** `document_chunks`: text, location, the embedding (`vector`, as pgvector text) and the lexical `tsv`. */
export interface DocumentChunksTable {
  id: string;
  document_id: string;
  ordinal: number;
  text: string;
  token_count: number;
  page: number | null;
  sheet: string | null;
  heading_path: ColumnType<string[], string[] | undefined, string[]>;
  char_start: number;
  char_end: number;
  embedding: string | null;
  tsv: string | null;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

/** `embedding_indexes`: the embedding model and dimension each vector index was built with. */
export interface EmbeddingIndexesTable {
  name: string;
  model: string;
  dimension: number;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

export type IngestionRunStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';

/** `ingestion_runs`: one upload batch, URL or path ingestion, with its progress. */
export interface IngestionRunsTable {
  id: Generated<string>;
  user_id: string;
  source_type: 'upload' | 'url' | 'path' | 'reindex';
  source_label: string;
  status: Generated<IngestionRunStatus>;
  files_total: Generated<number>;
  files_done: Generated<number>;
  files_failed: Generated<number>;
  chunks_embedded: Generated<number>;
  stage: string | null;
  errors: ColumnType<{ file: string; message: string }[], string | undefined, string>;
  request_id: string | null;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
  finished_at: Date | null;
}

/** `jobs`: the durable, table-backed queue. */
export interface JobsTable {
  id: Generated<string>;
  queue: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<'queued' | 'running' | 'succeeded' | 'failed'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: Generated<Date>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  run_id: string | null;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

/** `groups`: teams that share documents. Names are unique case-insensitively. */
export interface GroupsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  /** Who manages the membership: its admins (`platform`) or the SSO groups header (`sso`). */
  source: Generated<GroupSource>;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

export type GroupRole = 'member' | 'admin';

export type GroupSource = 'platform' | 'sso';

/** `group_memberships`: who is in which group, with their role there (one row per user and group). */
export interface GroupMembershipsTable {
  group_id: string;
  user_id: string;
  role: Generated<GroupRole>;
  joined_at: Generated<Date>;
  updated_at: Generated<Date> & UpdatedAt;
}

/** The database schema as code, kept in step with the migrations by hand. */
export interface Database {
  app_meta: AppMetaTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  auth_sessions: AuthSessionsTable;
  audit_events: AuditEventsTable;
  chat_sessions: ChatSessionsTable;
  chat_messages: ChatMessagesTable;
  tool_runs: ToolRunsTable;
  groups: GroupsTable;
  group_memberships: GroupMembershipsTable;
  documents: DocumentsTable;
  document_chunks: DocumentChunksTable;
  embedding_indexes: EmbeddingIndexesTable;
  ingestion_runs: IngestionRunsTable;
  jobs: JobsTable;
}
