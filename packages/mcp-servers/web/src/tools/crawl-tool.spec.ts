import { type Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callTool, connectWebClient, resultText } from '../testing/connect-client.ts';
import { type FixtureServer, startFixtureServer } from '../testing/fixture-server.ts';

interface CrawlOutput {
  pages: { url: string; depth: number; title: string; excerpt: string }[];
  skipped: { url: string; reason: string }[];
  stopped_by: string;
}

const page = (title: string, ...links: string[]): { body: string } => ({
  body: `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>About ${title}.</p>${links
    .map((link) => `<a href="${link}">${link}</a>`)
    .join(' ')}</body></html>`,
});

let site: FixtureServer;
let client: Client | undefined;

beforeAll(async () => {
  site = await startFixtureServer({
    '/robots.txt': {
      headers: { 'content-type': 'text/plain' },
      body: 'User-agent: *\nDisallow: /private\n\nUser-agent: YouWorker\nDisallow: /private\nDisallow: /no-bots\n',
    },
    '/': page(
      'Home',
      '/a',
      '/b',
      '/private/secret',
      '/no-bots',
      '/file.bin',
      '/guide.pdf',
      'https://elsewhere.example/',
    ),
    '/a': page('A', '/a/deep', '/', '/b#section'),
    '/b': page('B', '/a'),
    '/a/deep': page('Deep', '/a/deeper'),
    '/a/deeper': page('Deeper'),
    '/private/secret': page('Secret'),
    '/no-bots': page('No bots'),
    '/file.bin': { headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2]) },
  });
});

afterAll(async () => {
  await site.close();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
});

async function crawl(args: Record<string, unknown>): Promise<CrawlOutput> {
  client ??= await connectWebClient({ fetch: { allow: ['127.0.0.1'] }, crawl: { excerptChars: 40 } });
  const result = await callTool(client, 'crawl', args);
  expect(result.isError, resultText(result)).toBeFalsy();
  return result.structuredContent as unknown as CrawlOutput;
}

describe('crawl', () => {
  it('walks breadth-first to maxDepth, honouring robots.txt and skipping non-HTML', async () => {
    const output = await crawl({ url: `${site.origin}/` });
    expect(output.pages.map((entry) => [entry.url.slice(site.origin.length), entry.depth])).toEqual([
      ['/', 0],
      ['/a', 1],
      ['/b', 1],
    ]);
    expect(output.pages[1]?.title).toBe('A');
    expect(output.pages[1]?.excerpt).toBe(`About A.\n\n[/a/deep](${site.origin}/a/deep)`.slice(0, 40));
    expect(output.skipped).toEqual([
      { url: `${site.origin}/private/secret`, reason: 'disallowed by robots.txt' },
      { url: `${site.origin}/no-bots`, reason: 'disallowed by robots.txt' },
      { url: `${site.origin}/file.bin`, reason: 'not HTML (application/octet-stream)' },
    ]);
    expect(output.stopped_by).toBe('complete');
    expect(site.hits).not.toContain('/guide.pdf');
    expect(site.hits).not.toContain('/private/secret');
    expect(site.hits.filter((hit) => hit === '/robots.txt')).toHaveLength(1);
  });

  it('caps depth and pages', async () => {
    const shallow = await crawl({ url: `${site.origin}/`, maxDepth: 0 });
    expect(shallow.pages.map((entry) => entry.url)).toEqual([`${site.origin}/`]);
    const deep = await crawl({ url: `${site.origin}/a`, maxDepth: 2, maxPages: 3 });
    expect(deep.pages.map((entry) => entry.url.slice(site.origin.length))).toEqual(['/a', '/a/deep', '/']);
    expect(deep.stopped_by).toBe('maxPages');
    const full = await crawl({ url: `${site.origin}/a`, maxDepth: 2, maxPages: 50 });
    expect(full.pages.map((entry) => entry.url.slice(site.origin.length))).toEqual([
      '/a',
      '/a/deep',
      '/',
      '/b',
      '/a/deeper',
    ]);
    expect(
      resultText(await callTool(client as Client, 'crawl', { url: `${site.origin}/`, maxDepth: 0 })),
    ).toMatch(/^Crawled 1 page\(s\)\.\n\n## Home\n/);
  });

  it('follows other hosts only when sameHost is false, through the SSRF policy', async () => {
    client = await connectWebClient({
      fetch: {
        allow: ['127.0.0.1'],
        resolve: async (hostname) => (hostname === 'elsewhere.example' ? ['10.9.9.9'] : ['127.0.0.1']),
      },
    });
    const output = await crawl({ url: `${site.origin}/`, maxDepth: 1, sameHost: false });
    expect(output.skipped).toContainEqual({
      url: 'https://elsewhere.example/',
      reason:
        'Blocked request to https://elsewhere.example/robots.txt: elsewhere.example resolves to 10.9.9.9, ' +
        'which is not a public address (private)',
    });
  });

  it('treats an unreachable robots.txt as disallowing the site (RFC 9309)', async () => {
    const flaky = await startFixtureServer({
      '/robots.txt': { status: 503, body: 'down' },
      '/': page('Flaky'),
    });
    try {
      const output = await crawl({ url: `${flaky.origin}/`, maxDepth: 0 });
      expect(output.pages).toEqual([]);
      expect(output.skipped).toEqual([
        {
          url: `${flaky.origin}/`,
          reason: 'robots.txt answered HTTP 503, so the site is treated as disallowed',
        },
      ]);
      expect(flaky.hits).toEqual(['/robots.txt']);
    } finally {
      await flaky.close();
    }
  });

  it('returns isError for a blocked start URL and bad input', async () => {
    client = await connectWebClient({});
    const blocked = await callTool(client, 'crawl', { url: `${site.origin}/` });
    expect(blocked.isError).toBe(true);
    expect(resultText(blocked)).toMatch(/not a public address \(loopback\)/);
    for (const args of [
      { url: `${site.origin}/`, maxDepth: 3 },
      { url: `${site.origin}/`, maxPages: 51 },
      { url: 'x' },
    ]) {
      expect((await callTool(client, 'crawl', args)).isError).toBe(true);
    }
  });
});
