import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALLER_TOKEN_META_KEY, callerFromExtra, signCallerToken } from './caller-token.ts';
import { McpHttpConfigError } from './mcp-http-error.ts';
import {
  type StreamableHttpHandle,
  type StreamableHttpOptions,
  serveStreamableHttp,
} from './streamable-http.ts';
import { success } from './tool-result.ts';

const secret = 'caller-secret-of-at-least-32-bytes!!';
const token = 'bearer-token-0123456789abcdef';
const handles: StreamableHttpHandle[] = [];
const clients: Client[] = [];
let created = 0;

function createTestServer(): McpServer {
  created += 1;
  const server = new McpServer({ name: 'test', version: '0.0.0' });
  server.registerTool(
    'echo',
    { description: 'Echoes text', inputSchema: { text: z.string().max(100) } },
    ({ text }) => success({ text }, text),
  );
  server.registerTool('whoami', { description: 'Returns the verified caller' }, (extra) =>
    success({ ...callerFromExtra(extra, secret, 'test') }, 'caller'),
  );
  return server;
}

async function start(options: Partial<StreamableHttpOptions> = {}): Promise<StreamableHttpHandle> {
  const handle = await serveStreamableHttp(createTestServer, { host: '127.0.0.1', port: 0, ...options });
  handles.push(handle);
  return handle;
}

async function connect(url: string, headers: Record<string, string> = {}) {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: 'test-client', version: '0.0.0' });
  await client.connect(transport);
  clients.push(client);
  return { client, transport };
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (fetch forbids setting Host). */
function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<RawResponse>((resolve, reject) => {
    const outgoing = request(url, { method: init.method ?? 'POST', headers: init.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
});
const mcpHeaders = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(handles.splice(0).map((handle) => handle.close()));
});

describe('serveStreamableHttp sessions', () => {
  it('serves a real SDK client with a session id and a fresh server per session', async () => {
    const { url } = await start();
    const before = created;
    const { client, transport } = await connect(url);
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'hello' } });
    expect(result.structuredContent).toEqual({ text: 'hello' });
    await connect(url);
    expect(created - before).toBe(2);
  });

  it('ends a session on DELETE; the old id is then unknown (404)', async () => {
    const { url } = await start();
    const { transport } = await connect(url);
    const sessionId = transport.sessionId ?? '';
    await transport.terminateSession();
    const after = await raw(url, {
      headers: { ...mcpHeaders, 'mcp-session-id': sessionId },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }),
    });
    expect(after.status).toBe(404);
    expect(JSON.parse(after.body)).toMatchObject({ error: { code: -32001, message: 'Session not found' } });
  });

  it('expires idle sessions, but not one holding an open stream', async () => {
    const { url } = await start({ sessionIdleMs: 100 });
    const idle = await raw(url, { headers: mcpHeaders, body: initialize });
    const idleId = String(idle.headers['mcp-session-id']);
    const { client } = await connect(url); // keeps its GET event stream open
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = await raw(url, {
      headers: { ...mcpHeaders, 'mcp-session-id': idleId, 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }),
    });
    expect(after.status).toBe(404);
    await expect(client.ping()).resolves.toEqual({});
  });

  it('limits concurrent sessions (503)', async () => {
    const { url } = await start({ maxSessions: 1 });
    await connect(url);
    const second = await raw(url, { headers: mcpHeaders, body: initialize });
    expect(second.status).toBe(503);
  });

  it('passes the caller token in _meta through to the tool handler', async () => {
    const { url } = await start();
    const { client } = await connect(url);
    const caller = signCallerToken({ sub: 'user-7', rid: 'req-1', aud: 'test' }, secret);
    const result = await client.callTool({
      name: 'whoami',
      arguments: {},
      _meta: { [CALLER_TOKEN_META_KEY]: caller },
    });
    expect(result.structuredContent).toMatchObject({ sub: 'user-7', rid: 'req-1', aud: 'test' });
    const missing = await client.callTool({ name: 'whoami', arguments: {} });
    expect(missing.isError).toBe(true);
  });
});

describe('serveStreamableHttp request checks', () => {
  it('rejects a foreign Host or Origin with 403 and a JSON-RPC error (DNS rebinding)', async () => {
    const { url } = await start();
    const port = new URL(url).port;
    const evilHost = await raw(url, {
      headers: { ...mcpHeaders, host: 'evil.example.com' },
      body: initialize,
    });
    expect(evilHost.status).toBe(403);
    expect(JSON.parse(evilHost.body)).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000 } });
    const evilPortHost = await raw(url, {
      headers: { ...mcpHeaders, host: `evil.example.com:${port}` },
      body: initialize,
    });
    expect(evilPortHost.status).toBe(403);
    const evilOrigin = await raw(url, {
      headers: { ...mcpHeaders, origin: 'http://evil.example.com' },
      body: initialize,
    });
    expect(evilOrigin.status).toBe(403);
    const valid = await raw(url, {
      headers: { ...mcpHeaders, host: `localhost:${port}`, origin: `http://localhost:${port}` },
      body: initialize,
    });
    expect(valid.status).toBe(200);
    expect(valid.headers['mcp-session-id']).toBeTruthy();
  });

  it('refuses to start off loopback without a bearer token', async () => {
    await expect(serveStreamableHttp(createTestServer, { host: '0.0.0.0', port: 0 })).rejects.toSatisfy(
      (error) => McpHttpConfigError.isInstance(error) && error.code === 'MCP_HTTP_TOKEN_REQUIRED',
    );
    await expect(
      serveStreamableHttp(createTestServer, { host: '127.0.0.1', port: 0, bearerToken: 'short' }),
    ).rejects.toThrow(/at least 16 characters/);
  });

  it('requires the bearer token when bound to 0.0.0.0 (401), but not for /healthz', async () => {
    const { url } = await start({ host: '0.0.0.0', bearerToken: token });
    const missing = await raw(url, { headers: mcpHeaders, body: initialize });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    const wrong = await raw(url, {
      headers: { ...mcpHeaders, authorization: 'Bearer nope' },
      body: initialize,
    });
    expect(wrong.status).toBe(401);
    const health = await raw(url.replace('/mcp', '/healthz'), { method: 'GET' });
    expect([health.status, JSON.parse(health.body)]).toEqual([200, { status: 'ok' }]);
    const { client } = await connect(url, { authorization: `Bearer ${token}` });
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['echo', 'whoami']);
  });

  it('answers 413 over the body limit, 400 for bad JSON or no session, 404 off the endpoint', async () => {
    const { url } = await start({ maxBodyBytes: 1024 });
    const large = await raw(url, {
      headers: mcpHeaders,
      body: JSON.stringify({ padding: 'x'.repeat(2000) }),
    });
    expect(large.status).toBe(413);
    const invalid = await raw(url, { headers: mcpHeaders, body: '{not json' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ error: { code: -32700 } });
    const noSession = await raw(url, {
      headers: mcpHeaders,
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(noSession.status).toBe(400);
    const elsewhere = await raw(url.replace('/mcp', '/other'), { headers: mcpHeaders, body: initialize });
    expect(elsewhere.status).toBe(404);
  });
});
