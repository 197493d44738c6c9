import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createHashEmbedder } from '@youworker/llm';
import { CALLER_TOKEN_META_KEY, createPlatformClient, signCallerToken } from '@youworker/mcp-common';
import { createIngestServer } from '@youworker/mcp-ingest';
import { createSemanticServer } from '@youworker/mcp-semantic';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

/** Shared by the platform and the MCP servers; set explicitly so the test does not depend on the derivation. */
const secret = 'medium-test-mcp-caller-secret-0123456789';

const rocketNotes = `# Rocket engines

## Cooling

Regenerative cooling runs the kerosene through channels in the nozzle wall before it burns.
`;
const gardenNotes = 'Tomatoes need full sun and deep watering. Basil grows well beside tomatoes.';

interface SearchHit {
  documentId: string;
  documentTitle: string;
  ordinal: number;
  headingPath: string[];
  citation: string;
}

/** The semantic and ingest MCP servers over the real platform: identity, access scope, SSRF policy. */
describe('semantic and ingest MCP servers against the platform', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let baseUrl: string;
  let dataDir: string;
  let allowedRoot: string;
  let aliceDocument = '';
  let bobDocument = '';
  const clients: Client[] = [];

  const upload = async (user: TestUser, name: string, content: string) => {
    const form = new FormData();
    form.append('file', new Blob([content]), name);
    const response = await fetch(`${baseUrl}/v1/documents/upload`, {
      method: 'POST',
      headers: user.headers,
      body: form,
    });
    expect(response.status).toBe(202);
    const started = (await response.json()) as { run: { id: string }; documents: { id: string }[] };
    const deadline = Date.now() + 60_000;
    for (;;) {
      const run = (await (
        await fetch(`${baseUrl}/v1/ingestion-runs/${started.run.id}`, { headers: user.headers })
      ).json()) as { status: string; finishedAt: string | null };
      if (run.finishedAt !== null || Date.now() > deadline) {
        expect(run.status).toBe('succeeded');
        return started.documents[0]?.id ?? '';
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'yw-mcp-'));
    allowedRoot = join(dataDir, 'shared');
    await mkdir(allowedRoot, { recursive: true });
    await writeFile(
      join(allowedRoot, 'orbits.md'),
      '# Orbits\n\nThe Hohmann transfer window opens every 26 months.',
    );
    database = await createTestDatabase();
    testApp = await createTestApp({
      database: database.handle,
      embedder: createHashEmbedder(64),
      env: {
        DATA_DIR: dataDir,
        INGEST_WORKER: 'true',
        INGEST_ALLOWED_ROOTS: allowedRoot,
        MCP_CALLER_TOKEN_SECRET: secret,
      },
    });
    alice = await createTestUser(testApp);
    bob = await createTestUser(testApp);
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    aliceDocument = await upload(alice, 'rockets.md', rocketNotes);
    bobDocument = await upload(bob, 'garden.txt', gardenNotes);
  }, 120_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  afterAll(async () => {
    await testApp.close();
    await testApp.deps.close();
    await database.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  const platform = () => createPlatformClient({ baseUrl, timeoutMs: 10_000 });

  const connect = async (server: 'semantic' | 'ingest'): Promise<Client> => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const created =
      server === 'semantic'
        ? createSemanticServer({ platform: platform(), secret })
        : createIngestServer({ platform: platform(), secret, wait: { pollIntervalMs: 100 } });
    await created.connect(serverSide);
    const client = new Client({ name: 'medium-test', version: '0.0.0' });
    await client.connect(clientSide);
    clients.push(client);
    return client;
  };

  const tokenFor = (
    user: TestUser,
    audience: 'semantic' | 'ingest',
    options: { now?: () => number; ttl?: number } = {},
  ) =>
    signCallerToken({ sub: user.id, rid: 'medium-request', aud: audience }, secret, options.ttl ?? 60, {
      ...(options.now ? { now: options.now } : {}),
    });

  const call = async (client: Client, name: string, args: Record<string, unknown>, token?: string) =>
    (await client.callTool({
      name,
      arguments: args,
      ...(token === undefined ? {} : { _meta: { [CALLER_TOKEN_META_KEY]: token } }),
    })) as CallToolResult;

  const text = (result: CallToolResult) => {
    const first = result.content[0];
    return first?.type === 'text' ? first.text : '';
  };

  const hits = (result: CallToolResult) => (result.structuredContent as { results: SearchHit[] }).results;

  it('should find the caller’s own document with a citation, and never another user’s', async () => {
    const semantic = await connect('semantic');
    const asAlice = await call(
      semantic,
      'search',
      { query: 'regenerative cooling nozzle', k: 5 },
      tokenFor(alice, 'semantic'),
    );
    expect(asAlice.isError).toBeFalsy();
    expect(hits(asAlice)[0]).toMatchObject({
      documentId: aliceDocument,
      documentTitle: 'rockets.md',
      headingPath: ['Rocket engines', 'Cooling'],
      citation: 'rockets.md, Rocket engines › Cooling',
    });
    expect(text(asAlice)).toContain('[1] rockets.md, Rocket engines › Cooling');

    for (const mode of ['hybrid', 'dense', 'lexical']) {
      const asBob = await call(
        semantic,
        'search',
        { query: 'regenerative cooling nozzle kerosene', mode },
        tokenFor(bob, 'semantic'),
      );
      expect(asBob.isError).toBeFalsy();
      expect(hits(asBob).map((hit) => hit.documentId)).not.toContain(aliceDocument);
    }
    const spoofed = await call(
      semantic,
      'search',
      { query: 'regenerative cooling', userId: alice.id, documentIds: [aliceDocument] },
      tokenFor(bob, 'semantic'),
    );
    expect(hits(spoofed)).toEqual([]);
  });

  it('should read around a passage and list documents only in the caller’s scope', async () => {
    const semantic = await connect('semantic');
    const context = await call(
      semantic,
      'get_chunk_context',
      { documentId: aliceDocument, ordinal: 0 },
      tokenFor(alice, 'semantic'),
    );
    expect(context.structuredContent).toMatchObject({
      document: { id: aliceDocument, title: 'rockets.md' },
      chunks: [{ ordinal: 0 }],
    });
    const foreign = await call(
      semantic,
      'get_chunk_context',
      { documentId: aliceDocument, ordinal: 0 },
      tokenFor(bob, 'semantic'),
    );
    expect(foreign.isError).toBe(true);
    expect(text(foreign)).toBe('Document not found');

    const listed = await call(semantic, 'list_documents', {}, tokenFor(bob, 'semantic'));
    expect(
      (listed.structuredContent as { documents: { id: string }[] }).documents.map((document) => document.id),
    ).toEqual([bobDocument]);
  });

  it('should refuse calls without a valid identity, in the server and in the platform', async () => {
    const semantic = await connect('semantic');
    const expired = tokenFor(alice, 'semantic', { ttl: 1, now: () => Date.now() - 120_000 });
    const late = await call(semantic, 'search', { query: 'cooling' }, expired);
    expect(late.isError).toBe(true);
    expect(text(late)).toMatch(/no valid platform identity \(TOKEN_EXPIRED/);
    const missing = await call(semantic, 'search', { query: 'cooling' });
    expect(missing.isError).toBe(true);
    const foreign = await call(semantic, 'search', { query: 'cooling' }, tokenFor(alice, 'ingest'));
    expect(text(foreign)).toMatch(/TOKEN_AUDIENCE/);

    // The bridge itself: the API key is ignored, only the caller token counts.
    const bridge = (headers: Record<string, string>) =>
      fetch(`${baseUrl}/v1/mcp-bridge/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: 'cooling' }),
      });
    const withKeyOnly = await bridge(alice.headers);
    expect(withKeyOnly.status).toBe(401);
    expect(((await withKeyOnly.json()) as { error: { code: string } }).error.code).toBe(
      'CALLER_TOKEN_MISSING',
    );
    const withExpired = await bridge({ 'x-youworker-caller': expired });
    expect(((await withExpired.json()) as { error: { code: string } }).error.code).toBe(
      'CALLER_TOKEN_EXPIRED',
    );
    const withIngestToken = await bridge({ 'x-youworker-caller': tokenFor(alice, 'ingest') });
    expect(((await withIngestToken.json()) as { error: { code: string } }).error.code).toBe(
      'CALLER_TOKEN_AUDIENCE',
    );
    expect((await bridge({ 'x-youworker-caller': tokenFor(alice, 'semantic') })).status).toBe(200);

    const mallory = await createTestUser(testApp);
    await testApp.deps.services.users.updateByAdmin({ kind: 'system', label: 'test' }, mallory.id, {
      status: 'disabled',
    });
    const disabled = await call(semantic, 'list_documents', {}, tokenFor(mallory, 'semantic'));
    expect(disabled.isError).toBe(true);
    expect(text(disabled)).toMatch(/^caller token rejected by the platform \(CALLER_USER_INVALID/);
  });

  it('should fail a URL run for a loopback address through the platform’s SSRF protection', async () => {
    const ingest = await connect('ingest');
    const started = await call(
      ingest,
      'ingest_url',
      { url: `${baseUrl}/health`, tags: ['probe'], wait: true },
      tokenFor(alice, 'ingest'),
    );
    expect(started.isError).toBeFalsy();
    const run = started.structuredContent as {
      runId: string;
      status: string;
      finished: boolean;
      errors: { message: string }[];
    };
    expect(run).toMatchObject({ status: 'failed', finished: true });
    expect(run.errors[0]?.message).toMatch(/ADDRESS_BLOCKED|blocked/i);

    const status = await call(ingest, 'job_status', { runId: run.runId }, tokenFor(alice, 'ingest'));
    expect(status.structuredContent).toMatchObject({ runId: run.runId, status: 'failed', filesFailed: 1 });
    const foreign = await call(ingest, 'job_status', { runId: run.runId }, tokenFor(bob, 'ingest'));
    expect(foreign.isError).toBe(true);
    expect(text(foreign)).toBe('Ingestion run not found');
  });

  it('should ingest an allowed server path for the caller only, and refuse one outside the roots', async () => {
    const ingest = await connect('ingest');
    const done = await call(
      ingest,
      'ingest_path',
      { path: allowedRoot, wait: true },
      tokenFor(bob, 'ingest'),
    );
    expect(done.structuredContent).toMatchObject({ status: 'succeeded', finished: true, filesDone: 1 });
    const semantic = await connect('semantic');
    const asBob = await call(
      semantic,
      'search',
      { query: 'Hohmann transfer window' },
      tokenFor(bob, 'semantic'),
    );
    expect(hits(asBob)[0]?.documentTitle).toBe('orbits.md');
    const asAlice = await call(
      semantic,
      'search',
      { query: 'Hohmann transfer window' },
      tokenFor(alice, 'semantic'),
    );
    expect(hits(asAlice).map((hit) => hit.documentTitle)).not.toContain('orbits.md');

    const outside = await call(ingest, 'ingest_path', { path: dataDir }, tokenFor(bob, 'ingest'));
    expect(outside.isError).toBe(true);
  });
});
