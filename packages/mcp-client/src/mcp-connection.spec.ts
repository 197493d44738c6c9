import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { McpServerConfigSchema, type McpServerConfig } from '@youworker/config';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALLER_META_KEY } from './caller-meta.ts';
import { McpConnection, type McpLogger } from './mcp-connection.ts';
import { McpToolRegistry } from './mcp-tool-registry.ts';

const silent: McpLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Harness {
  servers: McpServer[];
  metas: unknown[];
  aborted: string[];
  transports: InMemoryTransport[];
  factory: (config: McpServerConfig) => Transport;
}

/** A factory that starts a fresh in-memory MCP server for every connection attempt. */
function harness(register: (server: McpServer, h: Harness) => void = () => undefined): Harness {
  const h: Harness = {
    servers: [],
    metas: [],
    aborted: [],
    transports: [],
    factory: () => {
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      const server = new McpServer(
        { name: 'test', version: '1.0.0' },
        { capabilities: { tools: { listChanged: true } } },
      );
      server.registerTool(
        'echo',
        { description: 'Echoes its text.', inputSchema: { text: z.string() } },
        async ({ text }, extra) => {
          h.metas.push(extra._meta);
          return { content: [{ type: 'text', text }], structuredContent: { text } };
        },
      );
      server.registerTool('fail', { description: 'Always fails.' }, async () => ({
        content: [{ type: 'text', text: 'nope' }],
        isError: true,
      }));
      server.registerTool('hang', { description: 'Never answers.' }, async (extra) => {
        await new Promise<void>((resolve) => {
          extra.signal.addEventListener('abort', () => {
            h.aborted.push('hang');
            resolve();
          });
        });
        return { content: [{ type: 'text', text: 'late' }] };
      });
      register(server, h);
      h.servers.push(server);
      h.transports.push(serverSide);
      void server.connect(serverSide);
      return clientSide;
    },
  };
  return h;
}

function config(overrides: Partial<McpServerConfig> = {}): McpServerConfig {
  return McpServerConfigSchema.parse({
    name: 'test',
    transport: { type: 'stdio', command: 'unused' },
    ...overrides,
  });
}

const open: McpConnection[] = [];
function connection(
  h: Harness,
  overrides: Partial<McpServerConfig> = {},
  extra: { signCaller?: () => string } = {},
) {
  const created = new McpConnection({
    config: config(overrides),
    defaultCallTimeoutMs: 2_000,
    logger: silent,
    transportFactory: h.factory,
    reconnect: { baseMs: 10, maxMs: 50 },
    ...extra,
  });
  open.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});

describe('McpConnection and McpToolRegistry', () => {
  it('should expose the allowed tools under <server>__<tool> with their schemas', async () => {
    const h = harness();
    const registry = new McpToolRegistry([connection(h, { denyTools: ['hang'] })]);
    await registry.start();

    const tools = registry.list();
    expect(tools.map((tool) => tool.name)).toEqual(['test__echo', 'test__fail']);
    expect(tools[0]?.description).toBe('Echoes its text.');
    expect(tools[0]?.inputSchema).toMatchObject({ type: 'object', properties: { text: { type: 'string' } } });
    expect(registry.describe().find((tool) => tool.tool === 'hang')).toMatchObject({
      name: 'test__hang',
      enabled: false,
      serverState: 'ready',
    });
    expect(registry.statuses()).toEqual([
      expect.objectContaining({ name: 'test', state: 'ready', tools: 2, restarts: 0, lastError: null }),
    ]);
  });

  it('should call a tool and map text, structured content and isError', async () => {
    const h = harness();
    const registry = new McpToolRegistry([connection(h)]);
    await registry.start();
    const [echo, fail] = registry.list();
    const context = { signal: new AbortController().signal, toolCallId: 'c1' };

    await expect(echo?.execute({ text: 'hi' }, context)).resolves.toEqual({
      content: 'hi',
      structured: { text: 'hi' },
    });
    await expect(fail?.execute({}, context)).resolves.toEqual({ content: 'nope', isError: true });
  });

  it('should send the signed caller only to servers that ask for it', async () => {
    const h = harness();
    const signer = (caller: { userId: string }, audience: string) => `token:${caller.userId}:${audience}`;
    const identity = new McpConnection({
      config: config({ name: 'semantic', sendCallerIdentity: true }),
      defaultCallTimeoutMs: 2_000,
      logger: silent,
      transportFactory: h.factory,
      signCaller: signer,
    });
    open.push(identity);
    const plain = connection(h, { name: 'plain' }, { signCaller: () => 'must-not-be-sent' });
    const registry = new McpToolRegistry([identity, plain]);
    await registry.start();
    const caller = { userId: 'user-a', requestId: 'req-1' };
    const context = { signal: new AbortController().signal, toolCallId: 'c1', caller };

    const tools = registry.list({ caller });
    await tools.find((tool) => tool.name === 'semantic__echo')?.execute({ text: 'x' }, context);
    await tools.find((tool) => tool.name === 'plain__echo')?.execute({ text: 'x' }, context);

    expect(h.metas[0]).toMatchObject({ [CALLER_META_KEY]: 'token:user-a:semantic' });
    expect(h.metas[1] ?? {}).not.toHaveProperty(CALLER_META_KEY);
  });

  it('should cancel a call on the server when the per-call timeout passes', async () => {
    const h = harness();
    const registry = new McpToolRegistry([connection(h, { callTimeoutMs: 150 })]);
    await registry.start();
    const hang = registry.list().find((tool) => tool.name === 'test__hang');

    await expect(
      hang?.execute({}, { signal: new AbortController().signal, toolCallId: 'c1' }),
    ).rejects.toThrow(/timed out/i);
    await expect.poll(() => h.aborted).toEqual(['hang']);
    // The server stays up: one failed call never marks it down.
    expect(registry.statuses()[0]?.state).toBe('ready');
  });

  it('should cancel a call on the server when the run aborts', async () => {
    const h = harness();
    const registry = new McpToolRegistry([connection(h)]);
    await registry.start();
    const hang = registry.list().find((tool) => tool.name === 'test__hang');
    const controller = new AbortController();

    const running = hang?.execute({}, { signal: controller.signal, toolCallId: 'c1' });
    setTimeout(() => {
      controller.abort();
    }, 50);

    await expect(running).rejects.toThrow();
    await expect.poll(() => h.aborted).toEqual(['hang']);
  });

  it('should refresh its tools on notifications/tools/list_changed', async () => {
    const h = harness();
    const registry = new McpToolRegistry([connection(h)]);
    await registry.start();
    h.servers[0]?.registerTool('added', { description: 'New.' }, async () => ({
      content: [{ type: 'text', text: 'new' }],
    }));

    await expect.poll(() => registry.list().map((tool) => tool.name)).toContain('test__added');
  });

  it('should reconnect with backoff after the transport closes, and report it meanwhile', async () => {
    const h = harness();
    const registry = new McpToolRegistry([connection(h)]);
    await registry.start();

    await h.transports[0]?.close();

    await expect.poll(() => registry.statuses()[0]?.restarts).toBe(1);
    await expect.poll(() => registry.statuses()[0]?.state).toBe('ready');
    const echo = registry.list().find((tool) => tool.name === 'test__echo');
    await expect(
      echo?.execute({ text: 'again' }, { signal: new AbortController().signal, toolCallId: 'c2' }),
    ).resolves.toMatchObject({
      content: 'again',
    });
  });

  it('should refuse calls while the server is down, naming it', async () => {
    let attempts = 0;
    const failing = new McpConnection({
      config: config({ name: 'broken' }),
      defaultCallTimeoutMs: 1_000,
      logger: silent,
      reconnect: { baseMs: 60_000, maxMs: 60_000 },
      transportFactory: () => {
        attempts += 1;
        throw new Error('spawn ENOENT');
      },
    });
    open.push(failing);
    await failing.start();

    expect(attempts).toBe(1);
    expect(failing.status()).toMatchObject({ state: 'down', lastError: 'spawn ENOENT' });
    await expect(failing.callTool('x', {}, { signal: new AbortController().signal })).rejects.toThrow(
      /"broken" is not connected/,
    );
  });

  it('should not connect a disabled server', async () => {
    const h = harness();
    const disabled = connection(h, { enabled: false });
    await disabled.start();
    expect(h.servers).toHaveLength(0);
    expect(disabled.status().state).toBe('disabled');
  });
});
