import { resolveSecrets, type AppConfig } from '@youworker/config';
import {
  ApiKeyRepository,
  AppMetaRepository,
  AuditEventRepository,
  AuthSessionRepository,
  UserRepository,
  type DatabaseHandle,
} from '@youworker/db';
import type { ToolRegistry } from '@youworker/agent';
import { createLanguageModelProvider, type LanguageModelProvider } from '@youworker/llm';
import { AuditService } from './audit/audit.service.ts';
import { createChatServices } from './chat/create-chat-services.ts';
import { EncryptionKeyring } from './crypto/encryption-keyring.ts';
import { EncryptionService } from './crypto/encryption.service.ts';
import { ApiKeyService } from './identity/api-key.service.ts';
import { AuthenticationService } from './identity/authentication.service.ts';
import { TokenHasher } from './identity/token-hasher.ts';
import { UserService } from './identity/user.service.ts';
import { SystemService } from './system/system.service.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The domain services over an opened, migrated database: one wiring shared by the server, the worker
 * and the CLI. Secrets come from the environment (or, in development, `DATA_DIR/secrets.json`); the
 * encryption keyring is built here so a bad key set stops the process at boot.
 */
export function createCoreServices(
  config: AppConfig,
  database: DatabaseHandle,
  options: {
    version: string;
    /** The chat model provider; default: the one `LLM_PROVIDER` configures. */
    provider?: LanguageModelProvider;
    /** Tools the agent may call; none until MCP servers are configured. */
    tools?: ToolRegistry;
  },
) {
  const secrets = resolveSecrets(config);
  const hasher = new TokenHasher(secrets.sessionSecret);
  const users = new UserRepository(database.db);
  const apiKeys = new ApiKeyRepository(database.db);
  const sessions = new AuthSessionRepository(database.db);
  const audit = new AuditService({ events: new AuditEventRepository(database.db) });
  const encryption = new EncryptionService({
    keyring: EncryptionKeyring.fromText(secrets.encryptionKey, config.ENCRYPTION_PREVIOUS_KEYS),
  });
  const provider = options.provider ?? createLanguageModelProvider(config);
  return {
    secrets,
    audit,
    encryption,
    provider,
    // Without document retrieval: the server replaces both with createChatServices(…, { documents }).
    ...createChatServices(config, database, {
      encryption,
      audit,
      provider,
      ...(options.tools ? { tools: options.tools } : {}),
    }),
    users: new UserService({ users, apiKeys, sessions, audit }),
    apiKeys: new ApiKeyService({ apiKeys, sessions, users, hasher, audit }),
    authentication: new AuthenticationService({
      users,
      apiKeys,
      sessions,
      hasher,
      audit,
      sessionTtlMs: config.SESSION_TTL_HOURS * HOUR_MS,
    }),
    system: new SystemService({
      store: new AppMetaRepository(database.db),
      version: options.version,
      mode: database.kind === 'pglite' ? 'embedded' : 'production',
      environment: config.APP_ENV,
    }),
  };
}

/** The services of one process. */
export type CoreServices = ReturnType<typeof createCoreServices>;
