import { readFileSync } from 'node:fs';
import type { AppConfig, BundledMcpServerName, McpServerConfig } from '@youworker/config';
import { McpServerListSchema } from '@youworker/config';
import { McpConnection, McpToolRegistry, type McpConnectionOptions } from '@youworker/mcp-client';
import type { Logger } from 'pino';
import { bundledServerConfig } from './bundled-servers.ts';
import { VERSION } from '../version.ts';

/** Reads `MCP_SERVERS_FILE`, failing with the file name and every problem. */
function readServersFile(path: string): McpServerConfig[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`MCP_SERVERS_FILE ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const parsed = McpServerListSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `MCP_SERVERS_FILE ${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Every MCP server of the configuration: the bundled ones, then `MCP_SERVERS`, then the file's. */
export function mcpServerConfigs(
  config: AppConfig,
  bundledEnv: (name: BundledMcpServerName) => Record<string, string>,
): McpServerConfig[] {
  const bundled = config.MCP_BUNDLED_SERVERS.filter(
    (name): name is BundledMcpServerName => name !== 'none',
  ).map((name) => bundledServerConfig(name, bundledEnv(name)));
  const fromFile = config.MCP_SERVERS_FILE ? readServersFile(config.MCP_SERVERS_FILE) : [];
  const all = [...bundled, ...config.MCP_SERVERS, ...fromFile];
  const seen = new Set<string>();
  for (const server of all) {
    if (seen.has(server.name)) {
      throw new Error(`MCP server name "${server.name}" is configured twice`);
    }
    seen.add(server.name);
  }
  return all;
}

/** The agent's MCP tool registry over every configured server (not yet started). */
export function createMcpTools(
  config: AppConfig,
  logger: Logger,
  options: {
    bundledEnv: (name: BundledMcpServerName) => Record<string, string>;
    signCaller?: McpConnectionOptions['signCaller'];
  },
): McpToolRegistry {
  const mcpLogger = logger.child({ component: 'mcp' });
  const connections = mcpServerConfigs(config, options.bundledEnv).map(
    (server) =>
      new McpConnection({
        config: server,
        defaultCallTimeoutMs: config.MCP_CALL_TIMEOUT_MS,
        logger: mcpLogger,
        clientInfo: { name: 'youworker', version: VERSION },
        ...(options.signCaller ? { signCaller: options.signCaller } : {}),
      }),
  );
  return new McpToolRegistry(connections);
}
