/**
 * The platform's MCP client as a command for `conformance client --command …`: connects to the
 * server URL given as the last argument with the same McpConnection the platform uses, lists the
 * tools, and calls each one (with two numbers when it takes `a` and `b`, else with no arguments).
 */
import { McpServerConfigSchema } from '@youworker/config';
import { McpConnection } from '@youworker/mcp-client';

const url = process.argv.at(-1) ?? '';
const logger = {
  info: () => undefined,
  warn: (object: Record<string, unknown>, message: string) => {
    process.stderr.write(`${message} ${JSON.stringify(object)}\n`);
  },
  error: (object: Record<string, unknown>, message: string) => {
    process.stderr.write(`${message} ${JSON.stringify(object)}\n`);
  },
};
const connection = new McpConnection({
  config: McpServerConfigSchema.parse({ name: 'conformance', transport: { type: 'http', url } }),
  defaultCallTimeoutMs: 10_000,
  logger,
  reconnect: { baseMs: 60_000, maxMs: 60_000 },
});
await connection.start();
if (connection.status().state !== 'ready') {
  process.stderr.write(`not connected: ${connection.status().lastError ?? ''}\n`);
  process.exitCode = 1;
} else {
  for (const tool of connection.tools()) {
    const properties = (tool.inputSchema.properties ?? {}) as Record<string, unknown>;
    const args = 'a' in properties && 'b' in properties ? { a: 2, b: 3 } : {};
    const result = await connection.callTool(tool.name, args, { signal: AbortSignal.timeout(10_000) });
    process.stdout.write(`${tool.name}: ${JSON.stringify(result.content ?? [])}\n`);
  }
}
await connection.close();
