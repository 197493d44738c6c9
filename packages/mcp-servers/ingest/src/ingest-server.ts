import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type PlatformClient } from '@youworker/mcp-common';
import { registerIngestTools } from './ingest-tools.ts';
import { MAX_WAIT_MS } from './run-waiter.ts';

/** Default TCP port of the ingest server's Streamable HTTP entry point. */
export const INGEST_HTTP_PORT = 3105;

/** The audience of the caller tokens this server accepts (its name in the platform's configuration). */
export const INGEST_AUDIENCE = 'ingest';

/** Options for {@link createIngestServer}. */
export interface IngestServerOptions {
  /** The platform's MCP bridge, called with each tool call's caller token. */
  platform: PlatformClient;
  /** The platform's caller-token secret, to verify the token before using it. */
  secret: string | Buffer;
  /** How `wait: true` waits for a run: at most `maxWaitMs` (≤ 60 000, default 60 000), polling every `pollIntervalMs` (default 1 000). */
  wait?: { maxWaitMs?: number; pollIntervalMs?: number };
}

/**
 * Creates an MCP server with the ingestion tools `ingest_url`, `ingest_path` and `job_status`.
 * Each call acts for the user named by the platform-signed caller token in its `_meta`: documents
 * become that user's, and the platform applies its URL policy (no private addresses) and
 * `INGEST_ALLOWED_ROOTS`. Connect it to any transport; create one per connection.
 */
export function createIngestServer(options: IngestServerOptions): McpServer {
  const server = new McpServer({ name: 'youworker-ingest', version: '0.1.0' });
  registerIngestTools(server, {
    platform: options.platform,
    secret: options.secret,
    audience: INGEST_AUDIENCE,
    maxWaitMs: Math.min(Math.max(options.wait?.maxWaitMs ?? MAX_WAIT_MS, 0), MAX_WAIT_MS),
    pollIntervalMs: Math.max(options.wait?.pollIntervalMs ?? 1_000, 10),
  });
  return server;
}
