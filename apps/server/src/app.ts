import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyWebsocket from '@fastify/websocket';
import type { AppConfig } from '@youworker/config';
import type {
  ApiKeyService,
  AuditService,
  AuthenticationService,
  ChatService,
  DocumentService,
  GroupService,
  IngestionService,
  McpBridgeService,
  SearchService,
  ChatSessionService,
  FailedAttemptLimiter,
  HealthRegistry,
  SystemService,
  UserService,
} from '@youworker/core';
import Fastify, { LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LanguageModelProvider } from '@youworker/llm';
import type { Logger } from 'pino';
import { requestIdBound } from './logger.ts';
import { authenticationPlugin } from './plugins/authentication.plugin.ts';
import { authorizationPlugin } from './plugins/authorization.plugin.ts';
import { errorHandlerPlugin } from './plugins/error-handler.plugin.ts';
import { openApiPlugin } from './plugins/openapi.plugin.ts';
import type { ToolCatalog } from '@youworker/mcp-client';
import { registerNetworkSecurity } from './plugins/network-security.ts';
import { generateRequestId, requestContextPlugin } from './plugins/request-context.plugin.ts';
import { webUiPlugin } from './plugins/web-ui.plugin.ts';
import { accountRoutes } from './routes/account.routes.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { chatWebSocketRoutes } from './routes/chat-websocket.routes.ts';
import { chatRoutes } from './routes/chat.routes.ts';
import { openAiCompatibleRoutes } from './routes/openai-compatible.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { sessionsRoutes } from './routes/sessions.routes.ts';
import { systemRoutes } from './routes/system.routes.ts';
import { documentsRoutes } from './routes/documents.routes.ts';
import { groupsRoutes } from './routes/groups.routes.ts';
import { ingestionRunsRoutes } from './routes/ingestion-runs.routes.ts';
import { searchRoutes } from './routes/search.routes.ts';
import { mcpBridgeRoutes } from './routes/mcp-bridge.routes.ts';
import { toolsRoutes } from './routes/tools.routes.ts';
import { API_VERSION, VERSION } from './version.ts';

/** The services the HTTP layer calls. */
export interface AppServices {
  health: HealthRegistry;
  system: SystemService;
  audit: AuditService;
  users: UserService;
  apiKeys: ApiKeyService;
  authentication: AuthenticationService;
  failedAttempts: FailedAttemptLimiter;
  chatSessions: ChatSessionService;
  chat: ChatService;
  provider: LanguageModelProvider;
  toolCatalog: ToolCatalog;
  /** Signs and verifies MCP caller tokens. */
  mcpCallerSecret: string;
  /** The narrow API of the semantic and ingest MCP servers. */
  mcpBridge: McpBridgeService;
  documents: DocumentService;
  ingestion: IngestionService;
  search: SearchService;
  groups: GroupService;
}

/** Everything {@link buildApp} needs; built by `createDeps` in production and by tests directly. */
export interface AppDeps {
  config: AppConfig;
  logger: Logger;
  services: AppServices;
}

/**
 * The HTTP composition root: infrastructure plugins once, then each resource's routes as an
 * encapsulated plugin. Returned before `ready()`, so callers (and tests) may still add routes.
 */
export async function buildApp(deps: AppDeps) {
  const { config, services } = deps;
  const production = config.APP_ENV === 'production';
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: generateRequestId,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // X-Forwarded-For is believed only from the configured reverse proxies.
    trustProxy: config.TRUSTED_PROXIES.length > 0 ? config.TRUSTED_PROXIES : false,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // Liveness probes arrive every few seconds and say nothing worth keeping.
      disableRequestLogging: (request) => request.url === '/health',
    }),
    childLoggerFactory(logger, bindings, options) {
      const child = logger.child(bindings, options);
      (child as unknown as Record<symbol, boolean>)[requestIdBound] = true;
      return child;
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(requestContextPlugin, { apiVersion: API_VERSION });
  await app.register(errorHandlerPlugin, { production });
  // Before authentication: refused or limited requests still carry security and CORS headers.
  await registerNetworkSecurity(app, { config, logger: deps.logger });
  // The built web UI at `/` (no routes; only requests no route matched, before authentication).
  await app.register(webUiPlugin);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    // One byte over the limit so the file store's own check (with its clear error) fires first.
    limits: {
      fileSize: config.UPLOAD_MAX_FILE_BYTES + 1,
      files: config.UPLOAD_MAX_FILES,
      fields: 10,
      parts: config.UPLOAD_MAX_FILES + 10,
    },
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 256 * 1024 } });
  await app.register(authenticationPlugin, {
    config,
    authentication: services.authentication,
    users: services.users,
    audit: services.audit,
    failedAttempts: services.failedAttempts,
  });
  await app.register(authorizationPlugin, { authentication: services.authentication });
  await app.register(openApiPlugin, { version: VERSION });

  const prefix = `/${API_VERSION}`;
  await app.register(healthRoutes, { health: services.health });
  await app.register(systemRoutes, { prefix, system: services.system, apiVersion: API_VERSION });
  await app.register(authRoutes, {
    prefix,
    authentication: services.authentication,
    users: services.users,
    secureCookies: production,
    sessionTtlMs: config.SESSION_TTL_HOURS * 60 * 60 * 1000,
  });
  await app.register(accountRoutes, { prefix, users: services.users, apiKeys: services.apiKeys });
  await app.register(sessionsRoutes, { prefix, chatSessions: services.chatSessions });
  await app.register(chatRoutes, { prefix, chat: services.chat, heartbeatMs: 15_000 });
  await app.register(openAiCompatibleRoutes, {
    prefix,
    chat: services.chat,
    provider: services.provider,
    defaultModel: config.LLM_DEFAULT_MODEL,
    allowedModels: config.LLM_ALLOWED_MODELS,
    production,
    heartbeatMs: 15_000,
  });
  await app.register(documentsRoutes, {
    prefix,
    documents: services.documents,
    ingestion: services.ingestion,
  });
  await app.register(ingestionRunsRoutes, { prefix, ingestion: services.ingestion, heartbeatMs: 15_000 });
  await app.register(searchRoutes, { prefix, search: services.search });
  await app.register(mcpBridgeRoutes, { prefix, mcpBridge: services.mcpBridge });
  await app.register(groupsRoutes, { prefix, groups: services.groups });
  await app.register(toolsRoutes, { prefix, catalog: services.toolCatalog });
  await app.register(chatWebSocketRoutes, { prefix, chat: services.chat, config });
  await app.register(adminRoutes, {
    prefix,
    users: services.users,
    apiKeys: services.apiKeys,
    audit: services.audit,
  });

  return app;
}

/** The built HTTP application. */
export type YouWorkerApp = Awaited<ReturnType<typeof buildApp>>;
