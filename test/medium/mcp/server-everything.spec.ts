import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { McpServerConfigSchema } from '@youworker/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpConnection, McpToolRegistry } from '@youworker/mcp-client';

const require = createRequire(import.meta.url);
const everything = join(
  dirname(require.resolve('@modelcontextprotocol/server-everything/package.json')),
  'dist',
  'index.js',
);

/** The client against a third-party server: the reference `@modelcontextprotocol/server-everything`, over stdio. */
describe('McpToolRegistry with server-everything', () => {
  const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const registry = new McpToolRegistry([
    new McpConnection({
      config: McpServerConfigSchema.parse({
        name: 'everything',
        transport: { type: 'stdio', command: process.execPath, args: [everything, 'stdio'] },
      }),
      defaultCallTimeoutMs: 10_000,
      logger,
    }),
  ]);

  beforeAll(async () => {
    await registry.start();
  }, 60_000);

  afterAll(async () => {
    await registry.close();
  });

  it('should list its tools under valid function names and call echo and get-sum', async () => {
    expect(registry.statuses()[0]).toMatchObject({ state: 'ready' });
    const tools = registry.list();
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    }
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    const context = { signal: new AbortController().signal, toolCallId: 'c1' };
    const echo = await byName.get('everything__echo')?.execute({ message: 'hello there' }, context);
    expect(echo?.content).toMatch(/hello there/);
    const sum = await byName.get('everything__get-sum')?.execute({ a: 2, b: 40 }, context);
    expect(sum?.content).toMatch(/42/);
  });
});
