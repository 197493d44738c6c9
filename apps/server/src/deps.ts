import type { AppConfig } from '@youworker/config';
import type { ToolRegistry } from '@youworker/agent';
import { createCoreServices, HealthRegistry, type FailedAttemptLimiter } from '@youworker/core';
import { checkProvider } from '@youworker/llm';
import { migrateUp, openDatabase, verifyConnection, type DatabaseHandle } from '@youworker/db';
import type { Logger } from 'pino';
import type { AppDeps } from './app.ts';
import { createMcpTools } from './mcp/create-mcp-tools.ts';
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
  options: { failedAttempts: FailedAttemptLimiter; tools?: ToolRegistry; toolCatalog?: ToolCatalog },
) {
  return {
    toolCatalog: options.toolCatalog ?? emptyToolCatalog,
    ...createCoreServices(config, database, {
      version: VERSION,
      ...(options.tools ? { tools: options.tools } : {}),
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
    /** Tools the agent may call (tests; the MCP servers later). */
    tools?: ToolRegistry;
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
    mcp = options.tools ? undefined : createMcpTools(config, logger, { bundledEnv: () => ({}) });
    const tools = options.tools ?? mcp;
    const services = createServices(config, database, {
      failedAttempts,
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
    if (mcp) {
      registerMcpHealth(health, mcp);
      await startWithin(mcp, MCP_START_WAIT_MS);
    }
    return {
      config,
      logger,
      database,
      services: { ...services, health },
      close: async () => {
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
