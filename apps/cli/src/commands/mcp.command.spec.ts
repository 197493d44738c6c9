import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import { type CliContext, CliError } from '../cli-context.ts';
import { type McpCommandDeps, mcpCommand } from './mcp.command.ts';

interface Harness {
  context: CliContext;
  output: () => { stdout: string; stderr: string };
}

function harness(): Harness {
  let stdout = '';
  let stderr = '';
  return {
    context: {
      env: {},
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
    output: () => ({ stdout, stderr }),
  };
}

function run(context: CliContext, deps: McpCommandDeps, ...argv: string[]): Promise<unknown> {
  return mcpCommand(context, deps).exitOverride().parseAsync(argv, { from: 'user' });
}

async function waitFor<T>(read: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const value = read();
    if (value !== undefined) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out');
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('youworker mcp', () => {
  it('serves a bundled server over stdio until stdin ends', async () => {
    const { context, output } = harness();
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const lines: string[] = [];
    stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const running = run(
      context,
      { stdio: { stdin, stdout }, untilShutdown: () => new Promise(() => undefined) },
      'units',
    );
    const send = (message: object) => stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    send({
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    });
    send({ method: 'notifications/initialized' });
    send({
      id: 2,
      method: 'tools/call',
      params: { name: 'convert', arguments: { value: 1, from: 'km', to: 'm' } },
    });
    const answer = await waitFor(() =>
      lines.map((line) => JSON.parse(line) as { id?: number }).find((m) => m.id === 2),
    );
    expect(answer).toMatchObject({ result: { structuredContent: { value: 1000, unit: 'm' } } });
    stdin.end();
    await running;
    expect(output().stdout).toBe('');
  });

  it('serves Streamable HTTP on a free port with a bearer token from a file, until shutdown', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'mcp-cli-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const tokenFile = join(directory, 'token');
    await writeFile(tokenFile, 'file-token-0123456789abcdef\n');
    const { context, output } = harness();
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = run(
      context,
      { untilShutdown: () => stopped },
      'datetime',
      '--http',
      '--port',
      '0',
      '--token-file',
      tokenFile,
    );
    const url = await waitFor(() => /listening on (\S+)/.exec(output().stdout)?.[1]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const unauthorized = await fetch(url, { method: 'POST', body: '{}' });
    expect(unauthorized.status).toBe(401);
    const client = new Client({ name: 'cli-test', version: '0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { authorization: 'Bearer file-token-0123456789abcdef' } },
      }),
    );
    const result = await client.callTool({ name: 'now', arguments: { timezone: 'Europe/Paris' } });
    expect(result.structuredContent).toMatchObject({ timezone: 'Europe/Paris' });
    await client.close();
    stop();
    await running;
    expect(output().stderr).toContain('"msg":"MCP server listening"');
  });

  it('refuses unknown or unavailable servers and HTTP options without --http', async () => {
    const { context } = harness();
    const servers = { later: { description: 'not built yet', load: async () => undefined } };
    await expect(run(context, { servers }, 'later')).rejects.toThrow(
      new CliError('The later MCP server is not available in this build'),
    );
    await expect(run(context, { servers }, 'nope')).rejects.toThrow(
      /Unknown MCP server "nope"; bundled: later/,
    );
    await expect(run(context, {}, 'units', '--port', '1234')).rejects.toThrow(/need --http/);
    await expect(run(context, {}, 'units', '--http', '--port', '70000')).rejects.toThrow(/--port must be/);
  });

  it('is registered in the CLI and refuses to serve off loopback without a token', async () => {
    const { context, output } = harness();
    expect(await runCli(['mcp', 'units', '--http', '--host', '0.0.0.0', '--port', '0'], context)).toBe(1);
    expect(output().stderr).toContain('without a bearer token');
    const missingFile = harness();
    expect(
      await runCli(
        ['mcp', 'units', '--http', '--port', '0', '--token-file', '/nonexistent/token'],
        missingFile.context,
      ),
    ).toBe(1);
    expect(missingFile.output().stderr).toContain('Cannot read the token file /nonexistent/token (ENOENT)');
  });
});
