import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { jsonLineLogger } from './mcp-logger.ts';
import { readServerEnv, type EnvironmentSource } from './server-env.ts';
import { waitForShutdownSignal } from './shutdown-signal.ts';
import { serveStdio } from './stdio.ts';
import { serveStreamableHttp } from './streamable-http.ts';
import { readBearerTokenFile } from './token-file.ts';

const list = z
  .string()
  .optional()
  .transform((value) =>
    value === undefined
      ? undefined
      : value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
  );

/** Variables of a standalone HTTP entry point (`src/http.ts` of each server). */
export const httpEntryEnvSchema = z.object({
  MCP_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  MCP_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  MCP_HTTP_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  MCP_HTTP_TOKEN_FILE: z.string().min(1).optional(),
  MCP_HTTP_ALLOWED_HOSTS: list,
  MCP_HTTP_ALLOWED_ORIGINS: list,
});

/**
 * Runs `createServer` over Streamable HTTP as a standalone process configured by
 * {@link httpEntryEnvSchema}, logging JSON lines to stderr, until SIGINT or SIGTERM.
 */
export async function runHttpEntry(
  name: string,
  createServer: () => McpServer,
  defaultPort: number,
  env?: EnvironmentSource,
): Promise<void> {
  try {
    await serveHttpUntilSignal(name, createServer, defaultPort, env);
  } catch (caught) {
    process.stderr.write(`${name}: ${caught instanceof Error ? caught.message : String(caught)}\n`);
    process.exitCode = 1;
  }
}

async function serveHttpUntilSignal(
  name: string,
  createServer: () => McpServer,
  defaultPort: number,
  env: EnvironmentSource | undefined,
): Promise<void> {
  const config = readServerEnv(httpEntryEnvSchema, env);
  if (config.MCP_HTTP_TOKEN !== undefined && config.MCP_HTTP_TOKEN_FILE !== undefined) {
    throw new Error('Set MCP_HTTP_TOKEN or MCP_HTTP_TOKEN_FILE, not both');
  }
  const logger = jsonLineLogger(process.stderr, name);
  const handle = await serveStreamableHttp(createServer, {
    host: config.MCP_HTTP_HOST,
    port: config.MCP_HTTP_PORT ?? defaultPort,
    bearerToken:
      config.MCP_HTTP_TOKEN_FILE === undefined
        ? config.MCP_HTTP_TOKEN
        : await readBearerTokenFile(config.MCP_HTTP_TOKEN_FILE),
    allowedHosts: config.MCP_HTTP_ALLOWED_HOSTS,
    allowedOrigins: config.MCP_HTTP_ALLOWED_ORIGINS,
    logger,
  });
  await waitForShutdownSignal();
  await handle.close();
}

/** Runs `createServer` over stdio as a standalone process until stdin ends or SIGINT/SIGTERM. */
export async function runStdioEntry(createServer: () => McpServer): Promise<void> {
  const handle = await serveStdio(createServer());
  await Promise.race([handle.closed, waitForShutdownSignal()]);
  await handle.close();
}
