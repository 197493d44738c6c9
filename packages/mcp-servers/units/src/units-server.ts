import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerUnitsTools } from './units-tools.ts';

/**
 * Creates an MCP server with the read-only, offline unit tools `convert`, `list_units` and
 * `parse_and_convert`. Connect it to any transport; create one per connection.
 */
export function createUnitsServer(): McpServer {
  const server = new McpServer({ name: 'youworker-units', version: '0.1.0' });
  registerUnitsTools(server);
  return server;
}
