import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerUnitsTools } from './units-tools.ts';

/** Default TCP port of the units server's Streamable HTTP entry point. */
export const UNITS_HTTP_PORT = 3102;

/**
 * Creates an MCP server with the read-only, offline unit tools `convert`, `list_units` and
 * `parse_and_convert`. Connect it to any transport; create one per connection.
 */
export function createUnitsServer(): McpServer {
  const server = new McpServer({ name: 'youworker-units', version: '0.2.0' });
  registerUnitsTools(server);
  return server;
}
