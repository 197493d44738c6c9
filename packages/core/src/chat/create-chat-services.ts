import type { ToolRegistry } from '@youworker/agent';
import type { AppConfig } from '@youworker/config';
import { ChatRepository, DocumentRepository, type DatabaseHandle } from '@youworker/db';
import type { LanguageModelProvider } from '@youworker/llm';
import type { AccessService } from '../access/access-scope.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { EncryptionService } from '../crypto/encryption.service.ts';
import type { SearchService } from '../search/search.service.ts';
import { ChatRetrieval, type RetrievalLogger } from './chat-retrieval.ts';
import { ChatSessionService } from './chat-session.service.ts';
import { ChatService, type ChatSettings } from './chat.service.ts';
import { citedDocumentAccess } from './cited-documents.ts';

/** Longest wait for a turn's document search before it goes on without sources. */
export const RETRIEVAL_TIMEOUT_MS = 10_000;

/** The chat settings `LLM_*`, `AGENT_*` and `CHAT_*` configure. */
export function chatSettingsFrom(config: AppConfig): ChatSettings {
  return {
    defaultModel: config.LLM_DEFAULT_MODEL,
    allowedModels: config.LLM_ALLOWED_MODELS,
    systemPrompt: config.CHAT_SYSTEM_PROMPT,
    contextSize: config.LLM_CONTEXT_SIZE,
    ...(config.LLM_TEMPERATURE === undefined ? {} : { temperature: config.LLM_TEMPERATURE }),
    limits: {
      maxSteps: config.AGENT_MAX_STEPS,
      timeoutMs: config.AGENT_TIMEOUT_MS,
      toolTimeoutMs: config.AGENT_TOOL_TIMEOUT_MS,
      toolConcurrency: config.AGENT_TOOL_CONCURRENCY,
      maxTokens: config.AGENT_MAX_TOKENS,
    },
  };
}

/**
 * The chat session and chat services. With `documents` (search and the access service), turns with
 * `rag: auto` retrieve document sources (`RAG_TOP_K` chunks) and sessions show citations of documents
 * the reader may still see; without it there is no retrieval and no citation is shown.
 */
export function createChatServices(
  config: AppConfig,
  database: DatabaseHandle,
  deps: {
    encryption: EncryptionService;
    audit: AuditService;
    provider: LanguageModelProvider;
    tools?: ToolRegistry;
    documents?: { search: SearchService; access: AccessService; logger?: RetrievalLogger };
  },
) {
  const repository = deps.documents ? new DocumentRepository(database.db) : undefined;
  const chatSessions = new ChatSessionService({
    chats: new ChatRepository(database.db),
    encryption: deps.encryption,
    audit: deps.audit,
    ...(deps.documents && repository
      ? { citedDocuments: citedDocumentAccess({ access: deps.documents.access, documents: repository }) }
      : {}),
  });
  const retrieval =
    deps.documents && repository
      ? new ChatRetrieval({
          search: deps.documents.search,
          access: deps.documents.access,
          documents: repository,
          settings: { topK: config.RAG_TOP_K, timeoutMs: RETRIEVAL_TIMEOUT_MS },
          ...(deps.documents.logger ? { logger: deps.documents.logger } : {}),
        })
      : undefined;
  const chat = new ChatService({
    sessions: chatSessions,
    provider: deps.provider,
    tools: deps.tools,
    settings: chatSettingsFrom(config),
    ...(retrieval ? { retrieval } : {}),
  });
  return { chatSessions, chat };
}
