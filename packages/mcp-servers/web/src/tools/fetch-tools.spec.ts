import { type Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articleFixture } from '../testing/article-fixture.ts';
import { callTool, connectWebClient, resultText } from '../testing/connect-client.ts';
import { type FixtureServer, startFixtureServer } from '../testing/fixture-server.ts';

let fixture: FixtureServer;
let client: Client | undefined;

beforeAll(async () => {
  fixture = await startFixtureServer({
    '/news/q1': { body: articleFixture },
    '/moved': (_request, response) => response.writeHead(301, { location: '/news/q1' }).end(),
    '/notes.txt': { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'plain notes\nline two' },
    '/data.json': { headers: { 'content-type': 'application/json' }, body: '{"answer":42}' },
    '/report.pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7 binary' },
    '/long.txt': { headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(5_000) },
    '/to-private': (_request, response) =>
      response.writeHead(302, { location: 'http://10.0.0.1/secret' }).end(),
    '/to-metadata': (_request, response) =>
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/no-head': (request, response) => {
      if (request.method === 'HEAD') {
        response.writeHead(405).end();
      } else {
        response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '11' }).end('hello world');
      }
    },
    '/dated': {
      headers: { 'content-type': 'text/html', 'last-modified': 'Wed, 01 Apr 2026 10:00:00 GMT' },
      body: '<p>x</p>',
    },
  });
});

afterAll(async () => {
  await fixture.close();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
});

async function connect(allow: string[] = ['127.0.0.1'], maxContentChars?: number): Promise<Client> {
  client = await connectWebClient({ fetch: { allow }, maxContentChars });
  return client;
}

describe('fetch', () => {
  it('turns HTML into markdown with the title and absolute links', async () => {
    const result = await callTool(await connect(), 'fetch', { url: `${fixture.origin}/moved` });
    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as Record<string, unknown>;
    expect(structured).toMatchObject({
      url: `${fixture.origin}/news/q1`,
      status: 200,
      content_type: 'text/html',
      title: 'Quarterly report | Example News',
      truncated: false,
      redirects: [`${fixture.origin}/moved`],
    });
    expect(structured.content).toContain(`[first-quarter figures](${fixture.origin}/news/reports/q1.html)`);
    expect(structured.content).not.toContain('tracking');
    expect(structured.links).toContainEqual({ text: 'About', url: `${fixture.origin}/about` });
    expect(structured.links).toContainEqual({
      text: 'independent analysis',
      url: 'https://other.example/analysis',
    });
    const text = resultText(result);
    expect(text).toMatch(
      /^# Quarterly report \| Example News\n\nSource: http:\/\/127\.0\.0\.1:\d+\/news\/q1/,
    );
    expect(text).toContain('Links:\n- [Home]');
  });

  it('returns text, markdown and JSON as they are', async () => {
    const c = await connect();
    const plain = await callTool(c, 'fetch', { url: `${fixture.origin}/notes.txt` });
    expect(plain.structuredContent).toMatchObject({
      content: 'plain notes\nline two',
      content_type: 'text/plain',
    });
    const json = await callTool(c, 'fetch', { url: `${fixture.origin}/data.json` });
    expect(json.structuredContent).toMatchObject({ content: '{"answer":42}', links: [] });
  });

  it('marks truncation by content length and by byte cap', async () => {
    const byChars = await callTool(await connect(['127.0.0.1'], 1_000), 'fetch', {
      url: `${fixture.origin}/long.txt`,
    });
    expect(byChars.structuredContent).toMatchObject({ truncated: true });
    expect((byChars.structuredContent as { content: string }).content).toHaveLength(1_000);
    expect(resultText(byChars)).toContain('[… content truncated]');
    const byBytes = await callTool(client as Client, 'fetch', {
      url: `${fixture.origin}/long.txt`,
      maxBytes: 2_048,
    });
    expect(byBytes.structuredContent).toMatchObject({ truncated: true });
  });

  it('refuses binary content, HTTP errors and bad input as isError results', async () => {
    const c = await connect();
    const pdf = await callTool(c, 'fetch', { url: `${fixture.origin}/report.pdf` });
    expect(pdf.isError).toBe(true);
    expect(resultText(pdf)).toMatch(/is application\/pdf, which cannot be read as text/);
    const missing = await callTool(c, 'fetch', { url: `${fixture.origin}/missing` });
    expect(resultText(missing)).toBe(`${fixture.origin}/missing answered HTTP 404`);
    for (const args of [
      { url: 'ftp://example.org/file' },
      { url: 'not a url' },
      { url: `${fixture.origin}/`, maxBytes: 1 },
    ]) {
      const bad = await callTool(c, 'fetch', args);
      expect(bad.isError, JSON.stringify(args)).toBe(true);
      expect(resultText(bad)).toMatch(/Input validation error/);
    }
  });

  it('blocks redirects to internal addresses and non-allowlisted local servers', async () => {
    const c = await connect();
    for (const [path, address] of [
      ['/to-private', '10.0.0.1'],
      ['/to-metadata', '169.254.169.254'],
    ]) {
      const blocked = await callTool(c, 'fetch', { url: `${fixture.origin}${path}` });
      expect(blocked.isError).toBe(true);
      expect(resultText(blocked)).toContain(`Blocked request to http://${address}/`);
      expect(resultText(blocked)).toMatch(/not a public address/);
    }
    const strict = await callTool(await connect([]), 'fetch', { url: `${fixture.origin}/news/q1` });
    expect(strict.isError).toBe(true);
    expect(resultText(strict)).toMatch(/127\.0\.0\.1 is not a public address \(loopback\)/);
  });
});

describe('head', () => {
  it('reports status, type, length, last-modified and redirects', async () => {
    const c = await connect();
    const moved = await callTool(c, 'head', { url: `${fixture.origin}/moved` });
    expect(moved.structuredContent).toMatchObject({
      url: `${fixture.origin}/news/q1`,
      status: 200,
      content_type: 'text/html',
      redirects: [`${fixture.origin}/moved`],
    });
    const dated = await callTool(c, 'head', { url: `${fixture.origin}/dated` });
    expect(dated.structuredContent).toMatchObject({ last_modified: 'Wed, 01 Apr 2026 10:00:00 GMT' });
    expect(resultText(dated)).toContain('Last-Modified: Wed, 01 Apr 2026 10:00:00 GMT');
  });

  it('falls back to GET when HEAD is refused, and reports 404 as data', async () => {
    const c = await connect();
    const fallback = await callTool(c, 'head', { url: `${fixture.origin}/no-head` });
    expect(fallback.structuredContent).toMatchObject({
      status: 200,
      content_type: 'text/plain',
      content_length: 11,
    });
    const missing = await callTool(c, 'head', { url: `${fixture.origin}/missing` });
    expect(missing.isError).toBeFalsy();
    expect(missing.structuredContent).toMatchObject({ status: 404 });
    const blocked = await callTool(c, 'head', { url: `${fixture.origin}/to-private` });
    expect(blocked.isError).toBe(true);
  });
});

describe('extract_article', () => {
  it('returns title, byline, excerpt, published time and markdown', async () => {
    const result = await callTool(await connect(), 'extract_article', { url: `${fixture.origin}/news/q1` });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      url: `${fixture.origin}/news/q1`,
      title: 'Quarterly report | Example News',
      byline: 'Ada Lovelace',
      published_time: '2026-03-01T09:00:00Z',
      site_name: 'Example News',
      lang: 'en',
      truncated: false,
    });
    const { content } = result.structuredContent as { content: string };
    expect(content).toContain('The engines processed more numbers');
    expect(content).not.toContain('Privacy');
    expect(resultText(result)).toMatch(
      /^# Quarterly report \| Example News\nBy Ada Lovelace\nPublished 2026-03-01T09:00:00Z/,
    );
  });

  it('refuses non-HTML pages and blocked addresses', async () => {
    const c = await connect();
    const text = await callTool(c, 'extract_article', { url: `${fixture.origin}/notes.txt` });
    expect(text.isError).toBe(true);
    expect(resultText(text)).toMatch(/is text\/plain, not an HTML page/);
    const blocked = await callTool(c, 'extract_article', { url: 'http://192.168.0.1/' });
    expect(resultText(blocked)).toMatch(/192\.168\.0\.1 is not a public address \(private\)/);
  });
});
