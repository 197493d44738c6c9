import { resolveSecrets, type AppConfig } from '@youworker/config';
import type { ToolRegistry } from '@youworker/agent';
import {
  createChatServices,
  createCoreServices,
  createDocumentServices,
  HealthRegistry,
  McpBridgeService,
  type FailedAttemptLimiter,
} from '@youworker/core';
import type { Embedder } from '@youworker/llm';
import type { VectorStore } from '@youworker/vector';
import { checkProvider } from '@youworker/llm';
import { migrateUp, openDatabase, verifyConnection, type DatabaseHandle } from '@youworker/db';
import type { Logger } from 'pino';
import type { AppDeps } from './app.ts';
import { mcpCallerSecret } from './mcp/caller-secret.ts';
import { createMcpTools } from './mcp/create-mcp-tools.ts';
import { signCallerToken } from '@youworker/mcp-common';
import type { McpToolRegistry, ToolCatalog } from '@youworker/mcp-client';
import { createFailedAttemptLimiter } from './plugins/network-security.ts';
import { VERSION } from './version.ts';

/** The process's long-lived dependencies, and how to release them. */
export interface ServerDeps extends AppDeps {
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The core services plus the server's own adapters. */
export function createServices(
  config: AppConfig,
  database: DatabaseHandle,
  options: {
    failedAttempts: FailedAttemptLimiter;
    logger: Logger;
    tools?: ToolRegistry;
    toolCatalog?: ToolCatalog;
    /** Test seams: replace the configured embedder / vector store. */
    embedder?: Embedder;
    vectorStore?: VectorStore;
  },
) {
  const core = createCoreServices(config, database, {
    version: VERSION,
    ...(options.tools ? { tools: options.tools } : {}),
  });
  const documents = createDocumentServices(config, database, {
    audit: core.audit,
    logger: options.logger.child({ component: 'ingestion' }),
    ...(options.embedder ? { embedder: options.embedder } : {}),
    ...(options.vectorStore ? { store: options.vectorStore } : {}),
  });
  // Chat with document retrieval and citations (replaces the core's chat without them).
  const chat = createChatServices(config, database, {
    encryption: core.encryption,
    audit: core.audit,
    provider: core.provider,
    ...(options.tools ? { tools: options.tools } : {}),
    documents: {
      search: documents.search,
      access: documents.access,
      logger: options.logger.child({ component: 'chat' }),
    },
  });
  const callerSecret = mcpCallerSecret(config, core.secrets.sessionSecret);
  return {
    toolCatalog: options.toolCatalog ?? emptyToolCatalog,
    ...core,
    ...documents,
    ...chat,
    // Groups hook into identity: the last-admin rule on account deletion, and SSO group sync.
    users: core.users.withGroups({
      beforeAccountDelete: (actor) => documents.groups.prepareAccountDeletion(actor),
      ...(config.SSO_GROUP_SYNC
        ? {
            syncForwarded: async (user, headerGroups) => {
              await documents.groups.syncSso(user, headerGroups, config.SSO_GROUP_PREFIX ?? '');
            },
          }
        : {}),
    }),
    mcpCallerSecret: callerSecret,
    mcpBridge: new McpBridgeService({
      search: documents.search,
      access: documents.access,
      documents: documents.documents,
      ingestion: documents.ingestion,
      store: documents.vectorStore,
      users: core.users,
      secret: callerSecret,
    }),
    failedAttempts: options.failedAttempts,
  };
}

/**
 * Wires the services of one process from its configuration; shared by the server, the worker and the
 * CLI. Opens the database, migrates it when configured to, and registers readiness checks.
 */
export async function createDeps(
  config: AppConfig,
  logger: Logger,
  options: {
    /** A database opened by the caller (tests); it is closed with the deps. */
    database?: DatabaseHandle;
    /** Fail at boot when the database does not answer (default true). */
    verifyDatabase?: boolean;
    /** Tools the agent may call (tests); default: the configured MCP servers. */
    tools?: ToolRegistry;
    embedder?: Embedder;
    vectorStore?: VectorStore;
  } = {},
): Promise<ServerDeps> {
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      onPoolError: (error) => {
        logger.warn({ err: error }, 'idle database connection failed');
      },
    }));
  const failedAttempts = createFailedAttemptLimiter(config, { logger });
  let mcp: McpToolRegistry | undefined;
  try {
    if (options.verifyDatabase ?? true) {
      await verifyConnection(database);
    }
    if (config.MIGRATE_ON_START) {
      const applied = await migrateUp(database.db);
      logger.info(
        { applied, database: database.kind },
        applied.length ? 'migrations applied' : 'schema up to date',
      );
    }
    const callerSecret = mcpCallerSecret(config, resolveSecrets(config).sessionSecret);
    mcp = options.tools
      ? undefined
      : createMcpTools(config, logger, {
          bundledEnv: () => ({
            MCP_CALLER_TOKEN_SECRET: callerSecret,
            YOUWORKER_PLATFORM_URL: `http://127.0.0.1:${config.PORT}`,
          }),
          signCaller: (caller, audience) =>
            signCallerToken(
              { sub: caller.userId, rid: caller.requestId ?? 'none', aud: audience },
              callerSecret,
            ),
        });
    const tools = options.tools ?? mcp;
    const services = createServices(config, database, {
      failedAttempts,
      logger,
      ...(options.embedder ? { embedder: options.embedder } : {}),
      ...(options.vectorStore ? { vectorStore: options.vectorStore } : {}),
      ...(tools ? { tools } : {}),
      ...(mcp ? { toolCatalog: mcp } : {}),
    });
    if (services.secrets.source === 'generated-file') {
      logger.warn(
        { file: services.secrets.file },
        'SESSION_SECRET/ENCRYPTION_KEY not set: using development secrets generated in DATA_DIR (never do this in production)',
      );
    }
    if (config.ROOT_API_KEY && (options.verifyDatabase ?? true)) {
      await services.apiKeys.bootstrapRootKey(config.ROOT_API_KEY);
    }
    const health = new HealthRegistry({ timeoutMs: config.HEALTH_CHECK_TIMEOUT_MS });
    health.register('database', async () => {
      await database.ping();
      return { driver: database.kind };
    });
    // The model server is reported but not critical: the rest of the platform works without it.
    health.register(
      'llm',
      async (signal) => {
        const report = await checkProvider(services.provider, signal);
        return { provider: report.provider, baseUrl: report.baseUrl, models: report.models };
      },
      { critical: false },
    );
    health.register('vector-store', async (signal) => {
      await services.vectorStore.check(signal);
      const index = await services.vectorStore.indexInfo();
      return {
        kind: services.vectorStore.kind,
        embeddingModel: index?.model ?? 'none yet',
        dimension: index?.dimension ?? 0,
      };
    });
    if (config.INGEST_WORKER) {
      services.documentWorker.start();
    }
    if (mcp) {
      registerMcpHealth(health, mcp);
      await startWithin(mcp, MCP_START_WAIT_MS);
    }
    return {
      config,
      logger,
      database,
      services: {
        ...services,
        health,
      },
      close: async () => {
        await services.closeDocuments();
        await mcp?.close();
        await failedAttempts.close();
        await database.close();
      },
    };
  } catch (error) {
    await mcp?.close();
    await failedAttempts.close();
    await database.close();
    throw error;
  }
}

/** How long boot waits for the MCP servers' first connection; slower ones join when ready. */
const MCP_START_WAIT_MS = 15_000;

async function startWithin(registry: McpToolRegistry, waitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    registry.start(),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
    }),
  ]);
  clearTimeout(timer);
}

/** One non-critical readiness entry per MCP server (`mcp:<name>`). */
function registerMcpHealth(health: HealthRegistry, registry: McpToolRegistry): void {
  for (const status of registry.statuses()) {
    health.register(
      `mcp:${status.name}`,
      async () => {
        const current = registry.statuses().find((entry) => entry.name === status.name);
        if (current?.state !== 'ready') {
          throw new Error(
            `${current?.state ?? 'unknown'}${current?.lastError ? `: ${current.lastError}` : ''}`,
          );
        }
        return { transport: current.transport, tools: current.tools, restarts: current.restarts };
      },
      { critical: false },
    );
  }
}

/** The catalog when tools come from elsewhere (tests with local tools). */
const emptyToolCatalog: ToolCatalog = {
  describe: () => [],
  statuses: () => [],
};
