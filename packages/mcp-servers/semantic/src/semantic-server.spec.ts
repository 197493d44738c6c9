import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CALLER_TOKEN_META_KEY, createPlatformClient, signCallerToken } from '@youworker/mcp-common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSemanticServer } from './semantic-server.ts';
import { startFakePlatform, type FakePlatform } from '@youworker/mcp-common/testing';

const secret = 'semantic-test-secret-of-at-least-32-bytes';
const alice = '11111111-1111-4111-8111-111111111111';
const bob = '22222222-2222-4222-8222-222222222222';
const aliceDocument = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const bobDocument = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const documentOf: Record<string, { id: string; title: string }> = {
  [alice]: { id: aliceDocument, title: 'alice-notes.pdf' },
  [bob]: { id: bobDocument, title: 'bob-notes.md' },
};

function hit(userId: string, ordinal: number) {
  const document = documentOf[userId] ?? { id: aliceDocument, title: '?' };
  return {
    chunkId: `cccccccc-cccc-4ccc-8ccc-${String(ordinal).padStart(12, '0')}`,
    documentId: document.id,
    documentTitle: document.title,
    ordinal,
    page: 4,
    sheet: null,
    headingPath: ['Budget', 'Travel'],
    score: 0.0325,
    text: `Passage ${ordinal} of ${document.title}: travel is reimbursed within 30 days.`,
    snippet: 'travel is reimbursed',
  };
}

let platform: FakePlatform;
let client: Client | undefined;

beforeAll(async () => {
  platform = await startFakePlatform({
    secret,
    audience: 'semantic',
    routes: {
      'POST search': ({ userId }) => ({ status: 200, body: { results: [hit(userId, 3), hit(userId, 7)] } }),
      'POST chunk-context': ({ userId }, request) => {
        const { documentId, ordinal } = request.body as { documentId: string; ordinal: number };
        const document = documentOf[userId];
        if (document?.id !== documentId) {
          return {
            status: 404,
            body: { error: { code: 'DOCUMENT_NOT_FOUND', message: 'Document not found' } },
          };
        }
        const chunk = (n: number) => ({ ...hit(userId, n), text: `chunk ${n}` });
        return {
          status: 200,
          body: { document, chunks: [chunk(ordinal - 1), chunk(ordinal), chunk(ordinal + 1)] },
        };
      },
      'POST documents': ({ userId }) => ({
        status: 200,
        body: {
          documents: [
            {
              ...documentOf[userId],
              status: 'ready',
              sourceType: 'upload',
              mimeType: 'application/pdf',
              pageCount: 12,
              chunkCount: 40,
              tags: ['finance'],
              createdAt: '2026-03-01T10:00:00.000Z',
            },
          ],
        },
      }),
    },
  });
});

afterAll(async () => {
  await platform.close();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  platform.requests.length = 0;
});

async function connect(): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createSemanticServer({ platform: createPlatformClient({ baseUrl: platform.url }), secret }).connect(
    serverSide,
  );
  client = new Client({ name: 'test', version: '0.0.0' });
  await client.connect(clientSide);
  return client;
}

function tokenFor(userId: string, audience = 'semantic'): string {
  return signCallerToken({ sub: userId, rid: 'request-1', aud: audience }, secret);
}

async function call(
  name: string,
  args: Record<string, unknown>,
  token: string | undefined,
): Promise<CallToolResult> {
  const connected = await connect();
  return (await connected.callTool({
    name,
    arguments: args,
    ...(token === undefined ? {} : { _meta: { [CALLER_TOKEN_META_KEY]: token } }),
  })) as CallToolResult;
}

function text(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

describe('semantic MCP server', () => {
  it('lists read-only, closed-world tools with their schemas', async () => {
    const { tools } = await (await connect()).listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['get_chunk_context', 'list_documents', 'search']);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
      expect(Object.keys(tool.inputSchema.properties ?? {})).not.toContain('userId');
    }
    const search = tools.find((tool) => tool.name === 'search');
    expect(search?.inputSchema.required).toEqual(['query']);
  });

  it('searches as the token user, forwarding the same token, with citations', async () => {
    const token = tokenFor(alice);
    const result = await call('search', { query: 'travel refunds', k: 2, tags: ['finance'] }, token);
    expect(result.isError).toBeFalsy();
    expect(platform.requests).toEqual([
      {
        method: 'POST',
        path: 'search',
        callerHeader: token,
        body: { query: 'travel refunds', k: 2, mode: 'hybrid', filters: { tags: ['finance'] } },
      },
    ]);
    expect(result.structuredContent).toMatchObject({
      query: 'travel refunds',
      results: [
        {
          rank: 1,
          documentId: aliceDocument,
          documentTitle: 'alice-notes.pdf',
          page: 4,
          headingPath: ['Budget', 'Travel'],
          score: 0.0325,
          citation: 'alice-notes.pdf, p. 4, Budget › Travel',
        },
        { rank: 2, ordinal: 7 },
      ],
    });
    expect(text(result)).toMatch(/^2 passages for "travel refunds"/);
    expect(text(result)).toContain('[1] alice-notes.pdf, p. 4, Budget › Travel (score 0.033)');
    expect(text(result)).toContain(`document ${aliceDocument}, chunk 3`);
  });

  it('never takes the user from the arguments', async () => {
    const result = await call(
      'search',
      { query: 'travel', userId: bob, sub: bob, user: bob },
      tokenFor(alice),
    );
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(platform.requests[0]?.body)).not.toContain(bob);
    expect(result.structuredContent).toMatchObject({
      results: [{ documentId: aliceDocument }, { documentId: aliceDocument }],
    });
    expect(JSON.stringify(result.structuredContent)).not.toContain(bobDocument);
  });

  it('refuses a call without a token, without calling the platform', async () => {
    const result = await call('search', { query: 'travel' }, undefined);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/no valid platform identity \(TOKEN_MISSING/);
    expect(platform.requests).toEqual([]);
  });

  it('refuses a token meant for another server, and a forged or expired one', async () => {
    const other = await call('search', { query: 'travel' }, tokenFor(alice, 'ingest'));
    expect(other.isError).toBe(true);
    expect(text(other)).toMatch(/no valid platform identity \(TOKEN_AUDIENCE/);
    const forged = signCallerToken({ sub: alice, rid: 'r', aud: 'semantic' }, `${secret}-not-the-platform`);
    expect(text(await call('list_documents', {}, forged))).toMatch(/TOKEN_INVALID/);
    const expired = signCallerToken({ sub: alice, rid: 'r', aud: 'semantic' }, secret, 1, {
      now: () => Date.now() - 60_000,
    });
    expect(text(await call('get_chunk_context', { documentId: aliceDocument, ordinal: 1 }, expired))).toMatch(
      /TOKEN_EXPIRED/,
    );
    expect(platform.requests).toEqual([]);
  });

  it('reads a chunk with its neighbours, and reports the platform refusing another user’s document', async () => {
    const result = await call(
      'get_chunk_context',
      { documentId: aliceDocument, ordinal: 5, window: 1 },
      tokenFor(alice),
    );
    expect(result.isError).toBeFalsy();
    expect(platform.requests[0]?.body).toEqual({ documentId: aliceDocument, ordinal: 5, window: 1 });
    expect(result.structuredContent).toMatchObject({
      document: { id: aliceDocument, title: 'alice-notes.pdf' },
      chunks: [
        { ordinal: 4 },
        { ordinal: 5, citation: 'alice-notes.pdf, p. 4, Budget › Travel' },
        { ordinal: 6 },
      ],
    });
    expect(text(result)).toContain('--- chunk 5 (requested)');
    const refused = await call('get_chunk_context', { documentId: aliceDocument, ordinal: 5 }, tokenFor(bob));
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe('Document not found');
  });

  it('validates arguments before calling the platform', async () => {
    const result = await call(
      'get_chunk_context',
      { documentId: aliceDocument, ordinal: 1, window: 9 },
      tokenFor(alice),
    );
    expect(result.isError).toBe(true);
    expect(platform.requests).toEqual([]);
  });

  it('lists documents with their facts', async () => {
    const result = await call('list_documents', { search: ' notes ', limit: 5 }, tokenFor(bob));
    expect(platform.requests[0]?.body).toEqual({ search: 'notes', limit: 5 });
    expect(result.structuredContent).toMatchObject({
      documents: [{ id: bobDocument, title: 'bob-notes.md' }],
    });
    expect(text(result)).toBe(
      `1 document:\n1. bob-notes.md (id ${bobDocument}; ready; application/pdf; 12 pages; 40 chunks; tags: finance)`,
    );
  });

  async function connectWith(options: Parameters<typeof createSemanticServer>[0]): Promise<Client> {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createSemanticServer(options).connect(serverSide);
    client = new Client({ name: 'test', version: '0.0.0' });
    await client.connect(clientSide);
    return client;
  }

  it('reports a token the platform rejects', async () => {
    const otherSecret = 'a-secret-the-platform-does-not-know-at-all';
    const connected = await connectWith({
      platform: createPlatformClient({ baseUrl: platform.url }),
      secret: otherSecret,
    });
    const result = (await connected.callTool({
      name: 'search',
      arguments: { query: 'x' },
      _meta: {
        [CALLER_TOKEN_META_KEY]: signCallerToken({ sub: alice, rid: 'r', aud: 'semantic' }, otherSecret),
      },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      'caller token rejected by the platform (CALLER_TOKEN_INVALID: The caller token is not valid)',
    );
  });

  it('reports a platform that cannot be reached, naming its URL', async () => {
    const unreachable = createPlatformClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2_000 });
    const connected = await connectWith({ platform: unreachable, secret });
    const result = (await connected.callTool({
      name: 'search',
      arguments: { query: 'x' },
      _meta: { [CALLER_TOKEN_META_KEY]: tokenFor(alice) },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/platform at http:\/\/127\.0\.0\.1:9 is unreachable/);
  });
});
