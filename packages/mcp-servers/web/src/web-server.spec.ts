import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectWebClient } from './testing/connect-client.ts';
import { createWebServer } from './web-server.ts';

const entry = fileURLToPath(new URL('./stdio.ts', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../../..', import.meta.url));
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('web MCP server', () => {
  it('lists the five tools with descriptions, input schemas and read-only, open-world annotations', async () => {
    client = await connectWebClient({});
    expect(client.getServerVersion()?.name).toBe('youworker-web');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'crawl',
      'extract_article',
      'fetch',
      'head',
      'search',
    ]);
    for (const tool of tools) {
      expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: true, openWorldHint: true });
      expect(tool.description?.length, tool.name).toBeGreaterThan(40);
      expect(tool.inputSchema.type).toBe('object');
    }
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('search')?.inputSchema.required).toEqual(['query']);
    expect(byName.get('fetch')?.inputSchema.required).toEqual(['url']);
    expect(byName.get('crawl')?.inputSchema.properties).toMatchObject({
      maxDepth: { minimum: 0, maximum: 2, default: 1 },
      maxPages: { minimum: 1, maximum: 50, default: 10 },
      sameHost: { default: true },
    });
    expect(byName.get('search')?.description).toContain('DuckDuckGo');
  });

  it('rejects a malformed allowlist or engine URL at creation', () => {
    expect(() => createWebServer({ fetch: { allow: ['10.0.0.0/40'] } })).toThrow(/Invalid allowlist entry/);
    expect(() => createWebServer({ search: { kind: 'searxng', url: 'searxng' } })).toThrow(
      /Invalid search engine URL/,
    );
  });
});

describe('web MCP server (stdio entry)', () => {
  it('serves the tools from a real child process configured by the environment', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', entry],
      cwd: repositoryRoot,
      env: { PATH: process.env.PATH ?? '', WEB_SEARCH_ENGINE: 'searxng', SEARXNG_URL: 'http://127.0.0.1:9/' },
      stderr: 'pipe',
    });
    client = new Client({ name: 'stdio-test', version: '0.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.find((tool) => tool.name === 'search')?.description).toContain('SearXNG');
    const blocked = await client.callTool({ name: 'fetch', arguments: { url: 'http://169.254.169.254/' } });
    expect(blocked.isError).toBe(true);
  }, 20_000);

  it('exits with status 1 listing invalid variables', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: repositoryRoot,
      env: { PATH: process.env.PATH ?? '', WEB_SEARCH_ENGINE: 'bing', WEB_FETCH_MAX_BYTES: '-1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid web server configuration:');
    expect(stderr).toMatch(/- WEB_SEARCH_ENGINE: .*\n- WEB_FETCH_MAX_BYTES: /);
  }, 20_000);
});
