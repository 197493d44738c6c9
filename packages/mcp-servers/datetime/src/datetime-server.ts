import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerDatetimeTools } from './datetime-tools.ts';

/** Options for {@link createDatetimeServer}. */
export interface DatetimeServerOptions {
  /** Clock behind the `now` tool; defaults to the system clock. */
  clock?: () => Date;
}

/**
 * Creates an MCP server with the read-only, offline date-time tools `now`, `convert_timezone`,
 * `add_duration` and `format`. Connect it to any transport; create one per connection.
 */
export function createDatetimeServer(options: DatetimeServerOptions = {}): McpServer {
  const server = new McpServer({ name: 'youworker-datetime', version: '0.1.0' });
  registerDatetimeTools(server, { clock: options.clock ?? (() => new Date()) });
  return server;
}
