import { describe, expect, it } from 'vitest';
import { CALLER_TOKEN_META_KEY, signCallerToken } from './caller-token.ts';
import {
  createPlatformClient,
  PlatformClientError,
  readPlatformServerEnv,
  runAsCaller,
  type PlatformClientErrorCode,
} from './platform-client.ts';
import { ServerEnvError } from './server-env-error.ts';
import { success } from './tool-result.ts';

const secret = 'platform-client-secret-of-32-bytes-or-more';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records the request and answers `status` with `body` (a string is sent as is). */
function fakeFetch(status: number, body: unknown, sent: Sent[] = []): typeof fetch {
  return (input, init) => {
    sent.push({
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return Promise.resolve(new Response(text, { status, headers: { 'content-type': 'application/json' } }));
  };
}

async function failure(run: () => Promise<unknown>): Promise<PlatformClientError> {
  try {
    await run();
  } catch (caught) {
    if (PlatformClientError.isInstance(caught)) {
      return caught;
    }
    throw caught;
  }
  throw new Error('expected a PlatformClientError');
}

const run = {
  id: '00000000-0000-4000-8000-000000000001',
  status: 'queued',
  sourceType: 'url',
  sourceLabel: 'https://example.com',
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

describe('createPlatformClient', () => {
  it('calls the bridge under the base URL with the caller token header', async () => {
    const sent: Sent[] = [];
    const client = createPlatformClient({
      baseUrl: 'http://platform.internal:8080/youworker',
      fetch: fakeFetch(200, { results: [] }, sent),
    });
    expect(client.baseUrl).toBe('http://platform.internal:8080/youworker');
    expect(await client.search('tok-1', { query: 'q', k: 3 })).toEqual([]);
    expect(sent[0]).toEqual({
      url: 'http://platform.internal:8080/youworker/v1/mcp-bridge/search',
      method: 'POST',
      headers: {
        accept: 'application/json',
        'x-youworker-caller': 'tok-1',
        'content-type': 'application/json',
      },
      body: { query: 'q', k: 3 },
    });

    const runs = createPlatformClient({
      baseUrl: 'http://127.0.0.1:8080/',
      fetch: fakeFetch(200, run, sent),
    });
    expect((await runs.runStatus('tok-2', run.id)).id).toBe(run.id);
    expect(sent[1]).toMatchObject({
      url: `http://127.0.0.1:8080/v1/mcp-bridge/runs/${run.id}`,
      method: 'GET',
      headers: { 'x-youworker-caller': 'tok-2' },
      body: undefined,
    });
  });

  it('maps each kind of refusal to a stable code and a readable message', async () => {
    const cases: [number, unknown, PlatformClientErrorCode, string][] = [
      [
        401,
        { error: { code: 'CALLER_TOKEN_EXPIRED', message: 'The caller token has expired' } },
        'CALLER_REJECTED',
        'caller token rejected by the platform (CALLER_TOKEN_EXPIRED: The caller token has expired)',
      ],
      [
        404,
        { error: { code: 'DOCUMENT_NOT_FOUND', message: 'Document not found' } },
        'PLATFORM_REFUSED',
        'Document not found',
      ],
      [400, 'not json', 'PLATFORM_REFUSED', 'The platform refused the request (HTTP 400)'],
      [
        503,
        { error: { code: 'SERVICE_UNAVAILABLE', message: 'Embeddings are down' } },
        'PLATFORM_FAILED',
        'The YouWorker platform at http://127.0.0.1:8080 failed (SERVICE_UNAVAILABLE: Embeddings are down)',
      ],
      [
        200,
        { unexpected: true },
        'PLATFORM_RESPONSE_INVALID',
        'The YouWorker platform at http://127.0.0.1:8080 sent an unexpected answer to documents',
      ],
    ];
    for (const [status, body, code, message] of cases) {
      const client = createPlatformClient({
        baseUrl: 'http://127.0.0.1:8080',
        fetch: fakeFetch(status, body),
      });
      const caught = await failure(() => client.listDocuments('tok', { limit: 5 }));
      expect({ code: caught.code, message: caught.message }).toEqual({ code, message });
      expect(caught.details.status).toBe(status);
    }
  });

  it('names the URL when the platform is unreachable or too slow', async () => {
    const refused: typeof fetch = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
        }),
      );
    const unreachable = await failure(() =>
      createPlatformClient({ baseUrl: 'http://10.1.2.3:8080', fetch: refused }).search('tok', { query: 'q' }),
    );
    expect(unreachable.code).toBe('PLATFORM_UNREACHABLE');
    expect(unreachable.message).toBe(
      'The YouWorker platform at http://10.1.2.3:8080 is unreachable (ECONNREFUSED)',
    );

    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    const slow = await failure(() =>
      createPlatformClient({ baseUrl: 'http://10.1.2.3:8080', fetch: hanging, timeoutMs: 20 }).search('tok', {
        query: 'q',
      }),
    );
    expect(slow.code).toBe('PLATFORM_TIMEOUT');
    expect(slow.message).toBe('The YouWorker platform at http://10.1.2.3:8080 did not answer within 20 ms');
  });

  it('passes a cancellation by the caller through unchanged', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    const controller = new AbortController();
    const pending = createPlatformClient({ baseUrl: 'http://10.1.2.3:8080', fetch: hanging }).search(
      'tok',
      { query: 'q' },
      { signal: controller.signal },
    );
    const reason = new Error('cancelled by the client');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createPlatformClient({ baseUrl: 'not a url' })).toThrow(/not valid/);
    expect(() => createPlatformClient({ baseUrl: 'file:///tmp' })).toThrow(/must be http/);
  });
});

describe('runAsCaller', () => {
  const identity = { secret, audience: 'semantic' };

  it('hands the verified token to the handler', async () => {
    const token = signCallerToken({ sub: 'user-1', rid: 'r-1', aud: 'semantic' }, secret);
    const result = await runAsCaller(
      { _meta: { [CALLER_TOKEN_META_KEY]: token } },
      identity,
      async (caller) => success({ token: caller.token, sub: caller.claims.sub }, 'ok'),
    );
    expect(result.structuredContent).toEqual({ token, sub: 'user-1' });
  });

  it('answers a missing or foreign token with an error result, without running the handler', async () => {
    let ran = false;
    const handler = async () => {
      ran = true;
      return success({}, 'ran');
    };
    const missing = await runAsCaller({}, identity, handler);
    expect(missing).toMatchObject({ isError: true });
    const [first] = missing.content;
    expect(first?.type === 'text' ? first.text : '').toMatch(/no valid platform identity \(TOKEN_MISSING/);
    const foreign = signCallerToken({ sub: 'user-1', rid: 'r-1', aud: 'ingest' }, secret);
    expect(
      await runAsCaller({ _meta: { [CALLER_TOKEN_META_KEY]: foreign } }, identity, handler),
    ).toMatchObject({
      isError: true,
    });
    expect(ran).toBe(false);
  });

  it('turns platform failures into error results and lets other errors through', async () => {
    const token = signCallerToken({ sub: 'user-1', rid: 'r-1', aud: 'semantic' }, secret);
    const extra = { _meta: { [CALLER_TOKEN_META_KEY]: token } };
    const refused = await runAsCaller(extra, identity, () =>
      Promise.reject(new PlatformClientError('PLATFORM_REFUSED', 'Document not found')),
    );
    expect(refused).toEqual({ content: [{ type: 'text', text: 'Document not found' }], isError: true });
    await expect(runAsCaller(extra, identity, () => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
  });
});

describe('readPlatformServerEnv', () => {
  it('builds the client from the environment and lists every invalid variable', () => {
    const options = readPlatformServerEnv({
      YOUWORKER_PLATFORM_URL: 'http://127.0.0.1:8080',
      MCP_CALLER_TOKEN_SECRET: secret,
    });
    expect(options.secret).toBe(secret);
    expect(options.platform.baseUrl).toBe('http://127.0.0.1:8080');
    try {
      readPlatformServerEnv({ YOUWORKER_PLATFORM_URL: 'ftp://x', MCP_CALLER_TOKEN_SECRET: 'short' });
      expect.unreachable();
    } catch (caught) {
      expect(ServerEnvError.isInstance(caught)).toBe(true);
      expect(String(caught)).toMatch(/YOUWORKER_PLATFORM_URL/);
      expect(String(caught)).toMatch(/MCP_CALLER_TOKEN_SECRET/);
    }
  });
});
