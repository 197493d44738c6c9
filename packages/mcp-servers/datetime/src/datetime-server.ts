import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerDatetimeTools } from './datetime-tools.ts';

/** Default TCP port of the datetime server's Streamable HTTP entry point. */
export const DATETIME_HTTP_PORT = 3101;

/** Options for {@link createDatetimeServer}. */
export interface DatetimeServerOptions {
  /** Clock behind `now` and `parse_natural`; defaults to the system clock. */
  clock?: () => Date;
}

/**
 * Creates an MCP server with the read-only, offline date-time tools `now`, `convert_timezone`,
 * `format`, `parse_natural`, `add`, `diff` and `business_days`. Connect it to any transport;
 * create one per connection.
 */
export function createDatetimeServer(options: DatetimeServerOptions = {}): McpServer {
  const server = new McpServer({ name: 'youworker-datetime', version: '0.2.0' });
  registerDatetimeTools(server, { clock: options.clock ?? (() => new Date()) });
  return server;
}
