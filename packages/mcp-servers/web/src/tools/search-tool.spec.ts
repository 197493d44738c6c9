import { type Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callTool, connectWebClient, resultText } from '../testing/connect-client.ts';
import { duckDuckGoFixture } from '../testing/duckduckgo-fixture.ts';
import { type FixtureServer, startFixtureServer } from '../testing/fixture-server.ts';

let engine: FixtureServer;
let client: Client | undefined;
const searxngQueries: URLSearchParams[] = [];

beforeAll(async () => {
  engine = await startFixtureServer({
    '/searxng/search': (request, response, origin) => {
      searxngQueries.push(new URL(request.url ?? '/', origin).searchParams);
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          query: 'mcp',
          results: [
            {
              url: 'https://modelcontextprotocol.io/',
              title: 'Model Context Protocol',
              content: 'An open protocol.',
            },
            { url: 'https://github.com/modelcontextprotocol', title: 'GitHub org', content: 'SDKs.' },
          ],
        }),
      );
    },
    '/locked/search': { status: 403, body: 'Forbidden' },
    '/ddg/html/': { body: duckDuckGoFixture },
    '/page': { body: '<p>not for fetch</p>' },
  });
});

afterAll(async () => {
  await engine.close();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('search', () => {
  it('queries the SearXNG JSON API and allowlists the engine host for search only', async () => {
    client = await connectWebClient({ search: { kind: 'searxng', url: `${engine.origin}/searxng` } });
    const result = await callTool(client, 'search', { query: 'model context protocol', limit: 1 });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      engine: 'searxng',
      query: 'model context protocol',
      results: [
        {
          title: 'Model Context Protocol',
          url: 'https://modelcontextprotocol.io/',
          snippet: 'An open protocol.',
        },
      ],
    });
    expect(resultText(result)).toBe(
      '1. Model Context Protocol\n   https://modelcontextprotocol.io/\n   An open protocol.',
    );
    expect(searxngQueries.at(-1)?.get('format')).toBe('json');
    expect(searxngQueries.at(-1)?.get('q')).toBe('model context protocol');

    const fetched = await callTool(client, 'fetch', { url: `${engine.origin}/page` });
    expect(fetched.isError).toBe(true);
    expect(resultText(fetched)).toMatch(/not a public address \(loopback\)/);
  });

  it('parses DuckDuckGo HTML results, decoding uddg redirect links', async () => {
    client = await connectWebClient({ search: { kind: 'duckduckgo', url: `${engine.origin}/ddg/html/` } });
    const result = await callTool(client, 'search', { query: 'self-hosted agents' });
    expect(result.isError).toBeFalsy();
    const { results } = result.structuredContent as { results: { url: string }[] };
    expect(results.map((hit) => hit.url)).toEqual([
      'https://example.org/agents?a=1&b=%C3%A9',
      'https://docs.example.net/mcp',
      'http://third.example/',
    ]);
    expect(engine.hits.at(-1)).toBe('/ddg/html/?q=self-hosted+agents');
  });

  it('names the engine URL when it is unreachable or refuses', async () => {
    const closed = await startFixtureServer({});
    await closed.close();
    client = await connectWebClient({ search: { kind: 'searxng', url: closed.origin } });
    const unreachable = await callTool(client, 'search', { query: 'x' });
    expect(unreachable.isError).toBe(true);
    expect(resultText(unreachable)).toMatch(
      new RegExp(`^Search engine SearXNG at ${closed.origin} is unreachable: .*ECONNREFUSED`),
    );
    await client.close();
    client = await connectWebClient({ search: { kind: 'searxng', url: `${engine.origin}/locked` } });
    const locked = await callTool(client, 'search', { query: 'x' });
    expect(resultText(locked)).toMatch(/answered HTTP 403 \(enable the json format/);
  });

  it('does not reach a LAN engine that is only implied, never configured', async () => {
    // DuckDuckGo without an explicit URL gets no allowlist entry; a resolver pointing its host at a
    // private address is refused like any other fetch.
    client = await connectWebClient({ fetch: { resolve: async () => ['10.1.2.3'] } });
    const result = await callTool(client, 'search', { query: 'x' });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toMatch(
      /html\.duckduckgo\.com resolves to 10\.1\.2\.3, which is not a public address/,
    );
  });

  it('rejects bad input as isError results', async () => {
    client = await connectWebClient({ search: { kind: 'duckduckgo', url: `${engine.origin}/ddg/html/` } });
    for (const args of [
      { query: '   ' },
      { query: 'x'.repeat(401) },
      { query: 'x', limit: 21 },
      { query: 'x', limit: 0 },
    ]) {
      const result = await callTool(client, 'search', args);
      expect(result.isError, JSON.stringify(args).slice(0, 40)).toBe(true);
      expect(resultText(result)).toMatch(/Input validation error/);
    }
  });
});
