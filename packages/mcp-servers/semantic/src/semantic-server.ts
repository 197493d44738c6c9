import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type PlatformClient } from '@youworker/mcp-common';
import { registerSemanticTools } from './semantic-tools.ts';

/** Default TCP port of the semantic server's Streamable HTTP entry point. */
export const SEMANTIC_HTTP_PORT = 3104;

/** The audience of the caller tokens this server accepts (its name in the platform's configuration). */
export const SEMANTIC_AUDIENCE = 'semantic';

/** Options for {@link createSemanticServer}. */
export interface SemanticServerOptions {
  /** The platform's MCP bridge, called with each tool call's caller token. */
  platform: PlatformClient;
  /** The platform's caller-token secret, to verify the token before using it. */
  secret: string | Buffer;
}

/**
 * Creates an MCP server with the read-only document tools `search`, `get_chunk_context` and
 * `list_documents`. Each call acts for the user named by the platform-signed caller token in its
 * `_meta`, through the platform (which applies that user's access scope); a call without a valid
 * token fails. Connect it to any transport; create one per connection.
 */
export function createSemanticServer(options: SemanticServerOptions): McpServer {
  const server = new McpServer({ name: 'youworker-semantic', version: '0.1.0' });
  registerSemanticTools(server, {
    platform: options.platform,
    secret: options.secret,
    audience: SEMANTIC_AUDIENCE,
  });
  return server;
}
