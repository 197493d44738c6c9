import type { DocumentRecord, IngestionRunRecord } from '@youworker/db';
import { signCallerToken } from '@youworker/mcp-common';
import type { ChunkHit } from '@youworker/vector';
import { describe, expect, it } from 'vitest';
import type { AccessScope } from '../access/access-scope.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { YouWorkerError } from '../errors/youworker-error.ts';
import type { UserActor } from '../identity/actor.ts';
import type { SearchQuery } from '../search/search.service.ts';
import { McpBridgeService, type McpBridgeDeps, type McpBridgeUser } from './mcp-bridge.service.ts';

const secret = 'bridge-test-secret-of-at-least-32-bytes';
const alice = '11111111-1111-4111-8111-111111111111';
const disabled = '33333333-3333-4333-8333-333333333333';
const documentId = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

const users: Record<string, McpBridgeUser> = {
  [alice]: { id: alice, username: 'alice', role: 'user', status: 'active' },
  [disabled]: { id: disabled, username: 'mallory', role: 'admin', status: 'disabled' },
};

function chunk(ordinal: number): ChunkHit {
  return {
    chunkId: `c-${ordinal}`,
    documentId,
    ordinal,
    text: `chunk ${ordinal}`,
    page: null,
    sheet: null,
    headingPath: [],
    score: 0,
  };
}

/** Fakes of the services the bridge uses, recording what they were asked. */
function harness() {
  const calls: { method: string; actor?: UserActor; scope?: AccessScope; args: unknown[] }[] = [];
  const document = { id: documentId, title: 'notes.md', chunkCount: 9 } as DocumentRecord;
  const run = { id: 'run-1' } as IngestionRunRecord;
  const deps: McpBridgeDeps = {
    secret,
    users: {
      get: (id) => {
        const user = users[id];
        return user
          ? Promise.resolve(user)
          : Promise.reject(new NotFoundError({ code: 'USER_NOT_FOUND', message: 'User not found' }));
      },
    },
    access: {
      scopeFor: (actor) => Promise.resolve({ userId: actor.userId, groupIds: ['g-1'], role: actor.role }),
    },
    search: {
      searchInScope: (scope, query: SearchQuery) => {
        calls.push({ method: 'search', scope, args: [query] });
        return Promise.resolve([]);
      },
    },
    documents: {
      list: (actor, options) => {
        calls.push({ method: 'list', actor, args: [options] });
        return Promise.resolve([document]);
      },
      get: (actor, id, options) => {
        calls.push({ method: 'get', actor, args: [id, options] });
        return id === documentId
          ? Promise.resolve({ document, chunks: [] })
          : Promise.reject(new NotFoundError({ code: 'DOCUMENT_NOT_FOUND', message: 'Document not found' }));
      },
    },
    store: {
      getChunks: (id, from, to, access) => {
        calls.push({ method: 'getChunks', args: [id, from, to, access] });
        const hits: ChunkHit[] = [];
        for (let ordinal = from; ordinal <= Math.min(to, document.chunkCount - 1); ordinal += 1) {
          hits.push(chunk(ordinal));
        }
        return Promise.resolve(hits);
      },
    },
    ingestion: {
      ingestUrl: (actor, url, options) => {
        calls.push({ method: 'ingestUrl', actor, args: [url, options] });
        return Promise.resolve({ run, documents: [] });
      },
      ingestPath: (actor, path, options) => {
        calls.push({ method: 'ingestPath', actor, args: [path, options] });
        return Promise.resolve({ run, documents: [] });
      },
      getRun: (actor, id) => {
        calls.push({ method: 'getRun', actor, args: [id] });
        return Promise.resolve(run);
      },
    },
  };
  return { bridge: new McpBridgeService(deps), calls };
}

const token = (sub: string, aud: string, options: { ttl?: number; at?: number; key?: string } = {}) =>
  signCallerToken({ sub, rid: 'request-7', aud }, options.key ?? secret, options.ttl ?? 60, {
    now: () => options.at ?? Date.now(),
  });

async function codeOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (caught) {
    if (YouWorkerError.isInstance(caught)) {
      return `${caught.kind}:${caught.code}`;
    }
    throw caught;
  }
  return undefined;
}

describe(McpBridgeService.name, () => {
  it('turns a valid token into the live user as actor', async () => {
    const { bridge } = harness();
    expect(await bridge.authenticate(token(alice, 'semantic'), 'semantic')).toEqual({
      actor: { kind: 'user', userId: alice, username: 'alice', role: 'user', via: 'api-key' },
      requestId: 'request-7',
      audience: 'semantic',
    });
  });

  it('refuses missing, forged, expired and foreign tokens with stable unauthenticated codes', async () => {
    const { bridge, calls } = harness();
    const search = (value: string | undefined) => () => bridge.search(value, { query: 'q', k: 3 });
    expect(await codeOf(search(undefined))).toBe('unauthenticated:CALLER_TOKEN_MISSING');
    expect(await codeOf(search('v1.abc.def'))).toBe('unauthenticated:CALLER_TOKEN_INVALID');
    expect(await codeOf(search(token(alice, 'semantic', { key: `${secret}-forged` })))).toBe(
      'unauthenticated:CALLER_TOKEN_INVALID',
    );
    expect(await codeOf(search(token(alice, 'semantic', { ttl: 1, at: Date.now() - 60_000 })))).toBe(
      'unauthenticated:CALLER_TOKEN_EXPIRED',
    );
    expect(await codeOf(search(token(alice, 'ingest')))).toBe('unauthenticated:CALLER_TOKEN_AUDIENCE');
    expect(
      await codeOf(() => bridge.ingestUrl(token(alice, 'semantic'), 'https://example.com', { tags: [] })),
    ).toBe('unauthenticated:CALLER_TOKEN_AUDIENCE');
    expect(calls).toEqual([]);
  });

  it('refuses unknown and disabled users alike', async () => {
    const { bridge, calls } = harness();
    for (const sub of [disabled, '44444444-4444-4444-8444-444444444444', 'not-a-uuid']) {
      expect(await codeOf(() => bridge.listDocuments(token(sub, 'semantic'), { limit: 5 }))).toBe(
        'unauthenticated:CALLER_USER_INVALID',
      );
    }
    expect(calls).toEqual([]);
  });

  it('searches in the caller’s scope with bounded k and only the given filters', async () => {
    const { bridge, calls } = harness();
    await bridge.search(token(alice, 'semantic'), {
      query: 'budget',
      k: 500,
      mode: 'lexical',
      filters: { tags: ['finance'], documentIds: [] },
    });
    expect(calls).toEqual([
      {
        method: 'search',
        scope: { userId: alice, groupIds: ['g-1'], role: 'user' },
        args: [{ query: 'budget', k: 20, mode: 'lexical', filters: { tags: ['finance'] } }],
      },
    ]);
  });

  it('reads a chunk with at most five neighbours on each side, in the caller’s scope', async () => {
    const { bridge, calls } = harness();
    const context = await bridge.chunkContext(token(alice, 'semantic'), {
      documentId,
      ordinal: 1,
      window: 50,
    });
    expect(context.document.title).toBe('notes.md');
    expect(context.chunks.map((hit) => hit.ordinal)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(calls.find((call) => call.method === 'getChunks')?.args).toEqual([
      documentId,
      0,
      6,
      { userId: alice, groupIds: ['g-1'], role: 'user' },
    ]);
    expect(
      await codeOf(() =>
        bridge.chunkContext(token(alice, 'semantic'), { documentId, ordinal: 40, window: 1 }),
      ),
    ).toBe('not-found:CHUNK_NOT_FOUND');
    expect(
      await codeOf(() =>
        bridge.chunkContext(token(alice, 'semantic'), {
          documentId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
          ordinal: 0,
          window: 1,
        }),
      ),
    ).toBe('not-found:DOCUMENT_NOT_FOUND');
    expect(
      await codeOf(() =>
        bridge.chunkContext(token(alice, 'semantic'), { documentId, ordinal: -1, window: 1 }),
      ),
    ).toBe('validation:ORDINAL_INVALID');
  });

  it('lists at most 50 documents as the caller', async () => {
    const { bridge, calls } = harness();
    await bridge.listDocuments(token(alice, 'semantic'), { search: 'notes', tags: [], limit: 1000 });
    expect(calls[0]).toMatchObject({
      method: 'list',
      actor: { userId: alice },
      args: [{ search: 'notes', limit: 50 }],
    });
  });

  it('ingests and reads runs as the caller, with ingest tokens only', async () => {
    const { bridge, calls } = harness();
    const ingest = token(alice, 'ingest');
    await bridge.ingestUrl(ingest, 'https://example.com/a', { tags: ['x'] });
    await bridge.ingestPath(ingest, '/srv/shared', { recursive: true, tags: [] });
    await bridge.runStatus(ingest, 'run-1');
    expect(calls.map((call) => [call.method, call.actor?.userId, ...call.args])).toEqual([
      ['ingestUrl', alice, 'https://example.com/a', { tags: ['x'] }],
      ['ingestPath', alice, '/srv/shared', { recursive: true, tags: [] }],
      ['getRun', alice, 'run-1'],
    ]);
    expect(await codeOf(() => bridge.runStatus(token(alice, 'semantic'), 'run-1'))).toBe(
      'unauthenticated:CALLER_TOKEN_AUDIENCE',
    );
  });

  it('refuses a weak secret at construction', () => {
    expect(() => new McpBridgeService({ ...({} as McpBridgeDeps), secret: 'short' })).toThrow(
      /at least 32 bytes/,
    );
  });
});
