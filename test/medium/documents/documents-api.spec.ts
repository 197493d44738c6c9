import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashEmbedder } from '@youworker/llm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { parseSse } from '../../support/sse.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

interface RunBody {
  id: string;
  status: string;
  filesTotal: number;
  filesDone: number;
  filesFailed: number;
  errors: { file: string; message: string }[];
  finishedAt: string | null;
}
interface StartedBody {
  run: RunBody;
  documents: { id: string; title: string; status: string; duplicate: boolean }[];
}

const rocketNotes = `# Rocket engines

## Combustion

Liquid oxygen and kerosene burn in the combustion chamber of the Merlin engine.

## Cooling

Regenerative cooling runs the fuel through channels in the nozzle wall before it burns.
`;
const gardenNotes = `Tomatoes need full sun, deep watering twice a week and a stake to climb.
Basil grows well beside tomatoes and keeps some pests away.`;

/** Documents over real HTTP: upload, ingest (path and URL), the catalog, search, and access. */
describe('documents API', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let baseUrl: string;
  let dataDir: string;
  let allowedRoot: string;
  let outside: string;
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'yw-docs-'));
    allowedRoot = join(dataDir, 'shared');
    outside = join(dataDir, 'private');
    await mkdir(join(allowedRoot, 'sub'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await writeFile(join(allowedRoot, 'a.md'), '# Alpha\n\nThe alpha protocol uses three handshakes.');
    await writeFile(join(allowedRoot, 'sub', 'b.txt'), 'Beta notes about the orbital transfer window.');
    await writeFile(join(outside, 'secret.txt'), 'top secret payroll');
    await symlink(outside, join(allowedRoot, 'escape'));

    site = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<html><head><title>Intranet page</title></head><body><nav>Menu</nav><article><h1>Holiday policy</h1><p>Every employee gets twenty-five days of paid holiday per year, and unused days carry over until March.</p><p>Requests go through the HR portal at least two weeks ahead.</p></article><footer>Footer</footer></body></html>',
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const address = site.address();
    siteUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/policy`;

    database = await createTestDatabase();
    testApp = await createTestApp({
      database: database.handle,
      embedder: createHashEmbedder(64),
      env: {
        DATA_DIR: dataDir,
        INGEST_WORKER: 'true',
        INGEST_ALLOWED_ROOTS: allowedRoot,
        UPLOAD_MAX_FILE_BYTES: '200000',
      },
    });
    alice = await createTestUser(testApp);
    bob = await createTestUser(testApp);
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address2 = testApp.app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address2 === 'object' && address2 ? address2.port : 0}`;
  }, 120_000);

  afterAll(async () => {
    await testApp.close();
    await testApp.deps.close();
    await new Promise((resolve) => site.close(resolve));
    await database.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = async (
    user: TestUser,
    files: { name: string; content: string | Uint8Array }[],
    tags?: string,
  ) => {
    const form = new FormData();
    for (const file of files) {
      form.append(
        'file',
        new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)]),
        file.name,
      );
    }
    if (tags) {
      form.append('tags', tags);
    }
    return fetch(`${baseUrl}/v1/documents/upload`, { method: 'POST', headers: user.headers, body: form });
  };

  const api = (user: TestUser, method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...user.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const waitForRun = async (user: TestUser, id: string): Promise<RunBody> => {
    const deadline = Date.now() + 110_000;
    for (;;) {
      const run = (await (await api(user, 'GET', `/v1/ingestion-runs/${id}`)).json()) as RunBody;
      if (run.finishedAt !== null || Date.now() > deadline) {
        return run;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const search = async (user: TestUser, query: string, extra: Record<string, unknown> = {}) => {
    const response = await api(user, 'POST', '/v1/search', { query, k: 5, ...extra });
    expect(response.status).toBe(200);
    return (
      (await response.json()) as {
        results: {
          documentId: string;
          documentTitle: string;
          snippet: string;
          highlights: [number, number][];
          page: number | null;
          headingPath: string[];
        }[];
      }
    ).results;
  };

  let rocketId = '';

  it('should upload several files, process them in the background and make them searchable', async () => {
    const response = await upload(
      alice,
      [
        { name: 'rockets.md', content: rocketNotes },
        { name: 'garden.txt', content: gardenNotes },
      ],
      'space, notes',
    );
    expect(response.status).toBe(202);
    const started = (await response.json()) as StartedBody;
    expect(started.documents.map((document) => document.title)).toEqual(['rockets.md', 'garden.txt']);

    const run = await waitForRun(alice, started.run.id);
    expect(run).toMatchObject({ status: 'succeeded', filesTotal: 2, filesDone: 2, filesFailed: 0 });
    rocketId = started.documents[0]?.id ?? '';

    const detail = (await (await api(alice, 'GET', `/v1/documents/${rocketId}`)).json()) as {
      document: { status: string; mimeType: string; chunkCount: number; tags: string[] };
      chunks: { headingPath: string[]; text: string }[];
    };
    expect(detail.document).toMatchObject({
      status: 'ready',
      mimeType: 'text/markdown',
      tags: ['space', 'notes'],
    });
    expect(detail.document.chunkCount).toBeGreaterThan(0);
    expect(detail.chunks[0]?.headingPath[0]).toBe('Rocket engines');

    const results = await search(alice, 'regenerative cooling nozzle');
    expect(results[0]).toMatchObject({ documentId: rocketId, documentTitle: 'rockets.md' });
    expect(results[0]?.highlights.length).toBeGreaterThan(0);
    const lexical = await search(alice, 'basil tomatoes', { mode: 'lexical' });
    expect(lexical[0]?.documentTitle).toBe('garden.txt');
  });

  it('should return the existing document when the same content is uploaded again', async () => {
    const response = await upload(alice, [{ name: 'copy-of-rockets.md', content: rocketNotes }]);
    const started = (await response.json()) as StartedBody;
    expect(started.documents[0]).toMatchObject({ id: rocketId, duplicate: true });
    const list = (await (await api(alice, 'GET', '/v1/documents')).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(2);
  });

  it('should never show one user another user\u2019s documents', async () => {
    expect((await api(bob, 'GET', `/v1/documents/${rocketId}`)).status).toBe(404);
    expect((await api(bob, 'PATCH', `/v1/documents/${rocketId}`, { title: 'mine' })).status).toBe(404);
    expect((await api(bob, 'DELETE', `/v1/documents/${rocketId}`)).status).toBe(404);
    const list = (await (await api(bob, 'GET', '/v1/documents')).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    for (const mode of ['hybrid', 'dense', 'lexical']) {
      expect(await search(bob, 'regenerative cooling nozzle', { mode })).toEqual([]);
    }
  });

  it('should retag a document and filter search by tag', async () => {
    const patched = await api(alice, 'PATCH', `/v1/documents/${rocketId}`, { tags: ['propulsion'] });
    expect(patched.status).toBe(200);
    const tagged = await search(alice, 'kerosene', { filters: { tags: ['propulsion'] } });
    expect(new Set(tagged.map((result) => result.documentId))).toEqual(new Set([rocketId]));
    // garden.txt still carries `space`; the rocket notes no longer do.
    const untagged = await search(alice, 'kerosene', { filters: { tags: ['space'] } });
    expect(untagged.map((result) => result.documentId)).not.toContain(rocketId);
  });

  it('should fail a corrupt file with a clear reason and still index the rest of the batch', async () => {
    const response = await upload(alice, [
      { name: 'broken.pdf', content: '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref' },
      { name: 'ok.txt', content: 'The quarterly report mentions the Lisbon office expansion.' },
    ]);
    const started = (await response.json()) as StartedBody;
    const run = await waitForRun(alice, started.run.id);
    expect(run).toMatchObject({ status: 'partial', filesDone: 1, filesFailed: 1 });
    expect(run.errors[0]?.file).toBe('broken.pdf');
    const broken = (await (await api(alice, 'GET', `/v1/documents/${started.documents[0]?.id}`)).json()) as {
      document: { status: string; error: string };
    };
    expect(broken.document.status).toBe('failed');
    expect(broken.document.error).toMatch(/CORRUPT_FILE|EMPTY_DOCUMENT/);
    expect((await search(alice, 'Lisbon office')).map((result) => result.documentTitle)).toContain('ok.txt');
  });

  it('should refuse a file over the size limit while streaming, storing nothing', async () => {
    const before = await readdir(join(dataDir, 'files', 'staging')).catch(() => []);
    const response = await upload(alice, [{ name: 'big.txt', content: 'x'.repeat(300_000) }]);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FILE_TOO_LARGE');
    expect(await readdir(join(dataDir, 'files', 'staging'))).toEqual(before);
  });

  it('should ingest a folder under the allowed roots, and refuse traversal and symlink escapes', async () => {
    const denied = [
      { path: outside, code: 'PATH_NOT_ALLOWED' },
      { path: `${allowedRoot}/../private/secret.txt`, code: 'PATH_NOT_ALLOWED' },
      { path: join(allowedRoot, 'escape', 'secret.txt'), code: 'PATH_NOT_ALLOWED' },
      { path: 'relative/path', code: 'PATH_INVALID' },
    ];
    for (const { path, code } of denied) {
      const response = await api(alice, 'POST', '/v1/documents/ingest', { path });
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }

    const response = await api(alice, 'POST', '/v1/documents/ingest', { path: allowedRoot, recursive: true });
    expect(response.status).toBe(202);
    const started = (await response.json()) as StartedBody;
    // The symlinked folder is skipped: only a.md and sub/b.txt.
    expect(started.documents.map((document) => document.title).sort()).toEqual(['a.md', 'b.txt']);
    expect(await waitForRun(alice, started.run.id)).toMatchObject({ status: 'succeeded', filesDone: 2 });
    expect((await search(alice, 'orbital transfer window'))[0]?.documentTitle).toBe('b.txt');
    expect(await search(alice, 'payroll', { mode: 'lexical' })).toEqual([]);
  }, 150_000);

  it('should refuse URLs that resolve to private addresses, on the fetch itself', async () => {
    const response = await api(alice, 'POST', '/v1/documents/ingest', { url: siteUrl });
    expect(response.status).toBe(202);
    const started = (await response.json()) as StartedBody;
    const run = await waitForRun(alice, started.run.id);
    expect(run.status).toBe('failed');
    expect(run.errors[0]?.message).toMatch(/ADDRESS_BLOCKED|blocked/i);
  });

  it('should stream run progress as SSE until the run ends', async () => {
    const response = await upload(bob, [
      { name: 'stream.txt', content: 'Progress events arrive as server-sent events.' },
    ]);
    const started = (await response.json()) as StartedBody;
    const events = await fetch(`${baseUrl}/v1/ingestion-runs/${started.run.id}/events`, {
      headers: bob.headers,
    });
    expect(events.headers.get('content-type')).toMatch(/text\/event-stream/);
    const frames = parseSse(await events.text()) as unknown as RunBody[];
    expect(frames.at(-1)).toMatchObject({ id: started.run.id, status: 'succeeded', filesDone: 1 });
    expect((await api(alice, 'GET', `/v1/ingestion-runs/${started.run.id}`)).status).toBe(404);
  });

  it('should delete a document with its chunks and its stored file', async () => {
    const before = await readdir(join(dataDir, 'files', 'documents'));
    expect(before).toContain(rocketId);
    expect((await api(alice, 'DELETE', `/v1/documents/${rocketId}`)).status).toBe(204);
    expect((await api(alice, 'GET', `/v1/documents/${rocketId}`)).status).toBe(404);
    expect(await search(alice, 'regenerative cooling nozzle', { mode: 'lexical' })).toEqual([]);
    expect(await readdir(join(dataDir, 'files', 'documents'))).not.toContain(rocketId);
  });
});
