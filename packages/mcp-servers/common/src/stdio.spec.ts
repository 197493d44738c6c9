import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import { serveStdio } from './stdio.ts';

describe('serveStdio', () => {
  it('answers newline-delimited JSON-RPC and settles `closed` when stdin ends', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const handle = await serveStdio(new McpServer({ name: 'test', version: '0.0.0' }), { stdin, stdout });
    stdin.write(
      `${JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'raw', version: '0' },
        },
      })}\n`,
    );
    const [chunk] = (await once(stdout, 'data')) as [Buffer];
    expect(JSON.parse(chunk.toString('utf8'))).toMatchObject({
      id: 1,
      result: { serverInfo: { name: 'test' } },
    });
    stdin.end();
    await expect(handle.closed).resolves.toBeUndefined();
  });
});
