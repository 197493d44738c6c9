import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import {
  CALLER_TOKEN_META_KEY,
  createPlatformClient,
  signCallerToken,
  type PlatformIngestionRun,
} from '@youworker/mcp-common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createIngestServer, type IngestServerOptions } from './ingest-server.ts';
import { startFakePlatform, type FakePlatform } from '@youworker/mcp-common/testing';

const secret = 'ingest-test-secret-of-at-least-32-bytes!';
const alice = '11111111-1111-4111-8111-111111111111';
const bob = '22222222-2222-4222-8222-222222222222';

interface StoredRun {
  owner: string;
  run: PlatformIngestionRun;
  /** Polls left before the run finishes; `Infinity` never finishes. */
  pollsLeft: number;
  outcome: Partial<PlatformIngestionRun>;
}

const runs = new Map<string, StoredRun>();
let runCounter = 0;

function newRun(owner: string, label: string, outcome: Partial<PlatformIngestionRun>, pollsLeft: number) {
  runCounter += 1;
  const run: PlatformIngestionRun = {
    id: `00000000-0000-4000-8000-${String(runCounter).padStart(12, '0')}`,
    status: 'queued',
    sourceType: 'url',
    sourceLabel: label,
    stage: null,
    filesTotal: 1,
    filesDone: 0,
    filesFailed: 0,
    chunksEmbedded: 0,
    errors: [],
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    finishedAt: null,
  };
  runs.set(run.id, { owner, run, pollsLeft, outcome });
  return {
    status: 202,
    body: {
      run,
      documents: [
        { id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', title: label, status: 'queued', duplicate: false },
      ],
    },
  };
}

let platform: FakePlatform;
let client: Client | undefined;

beforeAll(async () => {
  platform = await startFakePlatform({
    secret,
    audience: 'ingest',
    routes: {
      'POST ingest': ({ userId }, request) => {
        const body = request.body as { url?: string; path?: string };
        if (body.path !== undefined) {
          if (!body.path.startsWith('/srv/shared')) {
            return {
              status: 400,
              body: {
                error: { code: 'PATH_NOT_ALLOWED', message: 'The path is outside the allowed folders' },
              },
            };
          }
          return newRun(userId, body.path, { status: 'succeeded', filesDone: 1, chunksEmbedded: 3 }, 0);
        }
        const url = body.url ?? '';
        if (url.includes('never-ends')) {
          return newRun(userId, url, {}, Number.POSITIVE_INFINITY);
        }
        if (url.includes('10.0.0.1')) {
          return newRun(
            userId,
            url,
            {
              status: 'failed',
              filesFailed: 1,
              errors: [{ file: url, message: 'ADDRESS_BLOCKED: private address' }],
            },
            1,
          );
        }
        return newRun(
          userId,
          url,
          { status: 'succeeded', filesDone: 1, chunksEmbedded: 12, stage: 'done' },
          2,
        );
      },
      'GET runs/:id': ({ userId }, request) => {
        const stored = runs.get(request.path.slice('runs/'.length));
        if (stored?.owner !== userId) {
          return {
            status: 404,
            body: { error: { code: 'INGESTION_RUN_NOT_FOUND', message: 'Ingestion run not found' } },
          };
        }
        if (stored.pollsLeft > 0) {
          stored.pollsLeft -= 1;
          stored.run = { ...stored.run, status: 'running', stage: 'parse' };
        } else {
          stored.run = { ...stored.run, ...stored.outcome, finishedAt: '2026-03-01T10:00:05.000Z' };
        }
        return { status: 200, body: stored.run };
      },
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

async function connect(wait: IngestServerOptions['wait'] = { pollIntervalMs: 10 }): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createIngestServer({
    platform: createPlatformClient({ baseUrl: platform.url }),
    secret,
    wait,
  }).connect(serverSide);
  client = new Client({ name: 'test', version: '0.0.0' });
  await client.connect(clientSide);
  return client;
}

function tokenFor(userId: string, audience = 'ingest'): string {
  return signCallerToken({ sub: userId, rid: 'request-1', aud: audience }, secret);
}

async function call(
  name: string,
  args: Record<string, unknown>,
  token: string | undefined,
  connected?: Client,
): Promise<CallToolResult> {
  return (connected ?? (await connect())).callTool({
    name,
    arguments: args,
    ...(token === undefined ? {} : { _meta: { [CALLER_TOKEN_META_KEY]: token } }),
  }) as Promise<CallToolResult>;
}

function text(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

describe('ingest MCP server', () => {
  it('lists the tools with write annotations on ingestion and read-only job_status', async () => {
    const { tools } = await (await connect()).listTools();
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    expect(Object.keys(byName).sort()).toEqual(['ingest_path', 'ingest_url', 'job_status']);
    expect(byName.ingest_url?.annotations).toMatchObject({ readOnlyHint: false, openWorldHint: true });
    expect(byName.ingest_path?.annotations).toMatchObject({ readOnlyHint: false, openWorldHint: false });
    expect(byName.job_status?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
  });

  it('starts a URL run as the token user and returns its id at once', async () => {
    const token = tokenFor(alice);
    const result = await call('ingest_url', { url: 'https://intranet.example/policy', tags: ['hr'] }, token);
    expect(result.isError).toBeFalsy();
    expect(platform.requests).toEqual([
      {
        method: 'POST',
        path: 'ingest',
        callerHeader: token,
        body: { url: 'https://intranet.example/policy', tags: ['hr'] },
      },
    ]);
    expect(result.structuredContent).toMatchObject({
      status: 'queued',
      finished: false,
      waited: false,
      documents: [{ title: 'https://intranet.example/policy', duplicate: false }],
    });
    const runId = (result.structuredContent as { runId: string }).runId;
    expect(text(result)).toContain(`call job_status with runId ${runId} later`);

    const status = await call('job_status', { runId }, token);
    expect(status.structuredContent).toMatchObject({
      runId,
      status: 'running',
      stage: 'parse',
      finished: false,
    });
  });

  it('waits for the run when asked to, and returns the final counts', async () => {
    const result = await call(
      'ingest_url',
      { url: 'https://intranet.example/handbook', wait: true },
      tokenFor(alice),
    );
    expect(result.structuredContent).toMatchObject({
      status: 'succeeded',
      finished: true,
      waited: true,
      filesDone: 1,
      filesFailed: 0,
      chunksEmbedded: 12,
    });
    expect(text(result)).toMatch(/: succeeded — 1\/1 files done, 0 failed, 12 chunks embedded\./);
    expect(platform.requests.filter((request) => request.path.startsWith('runs/'))).toHaveLength(3);
  });

  it('reports a failed run with its errors', async () => {
    const result = await call('ingest_url', { url: 'http://10.0.0.1/secret', wait: true }, tokenFor(alice));
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ status: 'failed', filesFailed: 1, finished: true });
    expect(text(result)).toContain('- http://10.0.0.1/secret: ADDRESS_BLOCKED: private address');
  });

  it('stops waiting at the bound and says the run is still going', async () => {
    const connected = await connect({ maxWaitMs: 80, pollIntervalMs: 20 });
    const started = Date.now();
    const result = await call(
      'ingest_url',
      { url: 'https://slow.example/never-ends', wait: true },
      tokenFor(alice),
      connected,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.structuredContent).toMatchObject({ finished: false, waited: true, status: 'running' });
  });

  it('ingests a server path, and reports the platform refusing one outside the allowed roots', async () => {
    const ok = await call(
      'ingest_path',
      { path: '/srv/shared/reports', recursive: true, wait: true },
      tokenFor(bob),
    );
    expect(platform.requests[0]?.body).toEqual({ path: '/srv/shared/reports', recursive: true });
    expect(ok.structuredContent).toMatchObject({ status: 'succeeded', finished: true, chunksEmbedded: 3 });
    const refused = await call('ingest_path', { path: '/etc' }, tokenFor(bob));
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe('The path is outside the allowed folders');
  });

  it('does not show one user another user’s run', async () => {
    const started = await call('ingest_url', { url: 'https://intranet.example/a' }, tokenFor(alice));
    const runId = (started.structuredContent as { runId: string }).runId;
    const result = await call('job_status', { runId, userId: alice }, tokenFor(bob));
    expect(result.isError).toBe(true);
    expect(text(result)).toBe('Ingestion run not found');
  });

  it('refuses calls without a valid token for this server, without calling the platform', async () => {
    const missing = await call('ingest_url', { url: 'https://intranet.example/b' }, undefined);
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/no valid platform identity \(TOKEN_MISSING/);
    const semantic = await call(
      'job_status',
      { runId: '00000000-0000-4000-8000-000000000001' },
      tokenFor(alice, 'semantic'),
    );
    expect(semantic.isError).toBe(true);
    expect(text(semantic)).toMatch(/no valid platform identity \(TOKEN_AUDIENCE/);
    expect(platform.requests).toEqual([]);
  });

  it('validates the URL before calling the platform', async () => {
    const result = await call('ingest_url', { url: 'file:///etc/passwd' }, tokenFor(alice));
    expect(result.isError).toBe(true);
    expect(platform.requests).toEqual([]);
  });
});
