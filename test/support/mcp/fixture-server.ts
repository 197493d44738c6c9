/**
 * A small stdio MCP server for platform tests: `pid` (its process id), `sleep` (answers after `ms`,
 * or when cancelled), `whoami` (echoes the `_meta` it received). Run with
 * `node --import tsx test/support/mcp/fixture-server.ts`.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'fixture', version: '1.0.0' });
server.registerTool('pid', { description: 'The process id of this server.' }, async () => ({
  content: [{ type: 'text', text: String(process.pid) }],
}));
server.registerTool(
  'sleep',
  { description: 'Answers after ms milliseconds.', inputSchema: { ms: z.number().int().min(0).max(60_000) } },
  async ({ ms }, extra) => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      extra.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return { content: [{ type: 'text', text: `slept ${ms} ms` }] };
  },
);
server.registerTool('whoami', { description: 'Echoes the request _meta.' }, async (extra) => ({
  content: [{ type: 'text', text: JSON.stringify(extra._meta ?? {}) }],
}));
await server.connect(new StdioServerTransport());
