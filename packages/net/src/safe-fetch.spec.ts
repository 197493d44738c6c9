import http from 'node:http';
import { type AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { safeFetch } from './safe-fetch.ts';
import { SafeFetchError, type SafeFetchErrorCode } from './safe-fetch-error.ts';

interface LocalServer {
  port: number;
  origin: string;
  /** Request paths in arrival order. */
  hits: string[];
  userAgents: (string | undefined)[];
  hosts: (string | undefined)[];
}

const servers: http.Server[] = [];

async function serve(handler: http.RequestListener): Promise<LocalServer> {
  const hits: string[] = [];
  const userAgents: (string | undefined)[] = [];
  const hosts: (string | undefined)[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    userAgents.push(request.headers['user-agent']);
    hosts.push(request.headers.host);
    handler(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, origin: `http://127.0.0.1:${port}`, hits, userAgents, hosts };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  try {
    await promise;
  } catch (caught) {
    if (SafeFetchError.isInstance(caught)) {
      return caught;
    }
    throw caught;
  }
  throw new Error('expected the fetch to fail');
}

async function expectCode(promise: Promise<unknown>, code: SafeFetchErrorCode): Promise<SafeFetchError> {
  const caught = await failure(promise);
  expect(caught.code, caught.message).toBe(code);
  return caught;
}

const allowLocal = ['127.0.0.1'];

describe('safeFetch', () => {
  describe('address checks', () => {
    it('blocks a loopback literal unless allowlisted, without connecting', async () => {
      const local = await serve((_request, response) => response.end('hello'));
      const blocked = await expectCode(safeFetch(`${local.origin}/x?token=secret`), 'ADDRESS_BLOCKED');
      expect(blocked.message).toBe(
        `Blocked request to ${local.origin}/x: 127.0.0.1 is not a public address (loopback)`,
      );
      expect(blocked.message).not.toContain('secret');
      expect(local.hits).toEqual([]);

      const allowed = await safeFetch(`${local.origin}/x`, { allow: allowLocal, userAgent: 'TestAgent/1' });
      expect(allowed.status).toBe(200);
      expect(allowed.body.toString()).toBe('hello');
      expect(local.userAgents).toEqual(['TestAgent/1']);
    });

    it.each([
      'http://2130706433:{port}/',
      'http://0x7f.1:{port}/',
      'http://017700000001:{port}/',
      'http://127.1:{port}/',
      'http://[::ffff:127.0.0.1]:{port}/',
      'http://[::1]:{port}/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00::1]/',
      'http://0.0.0.0:{port}/',
    ])('blocks the numeric host form %s', async (template) => {
      const local = await serve((_request, response) => response.end('hello'));
      await expectCode(safeFetch(template.replace('{port}', String(local.port))), 'ADDRESS_BLOCKED');
      expect(local.hits).toEqual([]);
    });

    it('blocks a hostname when any resolved address is private', async () => {
      const onlyPrivate = await expectCode(
        safeFetch('http://intranet.test/', { resolve: async () => ['10.0.0.5'] }),
        'ADDRESS_BLOCKED',
      );
      expect(onlyPrivate.message).toMatch(
        /intranet\.test resolves to 10\.0\.0\.5, which is not a public address \(private\)/,
      );
      await expectCode(
        safeFetch('http://mixed.test/', { resolve: async () => ['93.184.215.14', '::ffff:169.254.169.254'] }),
        'ADDRESS_BLOCKED',
      );
    });

    it('connects to the checked address and resolves only once per hop (DNS rebinding)', async () => {
      const local = await serve((_request, response) => response.end('pinned'));
      let calls = 0;
      const rebinding = async (): Promise<string[]> => (++calls === 1 ? ['93.184.215.14'] : ['127.0.0.1']);
      // The first answer is public, so the socket goes there (and the test network guard refuses it);
      // the loopback answer a second lookup would give is never used.
      await expectCode(
        safeFetch(`http://rebind.test:${local.port}/`, { resolve: rebinding }),
        'CONNECTION_FAILED',
      );
      expect(calls).toBe(1);
      expect(local.hits).toEqual([]);

      calls = 0;
      const flipping = async (): Promise<string[]> => (++calls === 1 ? ['127.0.0.1'] : ['10.9.9.9']);
      const pinned = await safeFetch(`http://localhost:${local.port}/`, {
        resolve: flipping,
        allow: allowLocal,
      });
      expect(pinned.body.toString()).toBe('pinned');
      expect(calls).toBe(1);
    });

    it('permits an allowlisted exact hostname whatever it resolves to', async () => {
      const local = await serve((_request, response) => response.end('named'));
      const response = await safeFetch(`http://LOCALHOST:${local.port}/`, {
        allow: ['localhost'],
        resolve: async () => ['127.0.0.1'],
      });
      expect(response.body.toString()).toBe('named');
      expect(local.hosts).toEqual([`localhost:${local.port}`]);
    });

    it('reports DNS failures and empty answers as DNS_FAILED', async () => {
      const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' });
      const caught = await expectCode(
        safeFetch('http://nowhere.test/', { resolve: () => Promise.reject(notFound) }),
        'DNS_FAILED',
      );
      expect(caught.message).toBe('Could not resolve nowhere.test: ENOTFOUND');
      expect(caught.isRetryable).toBe(true);
      await expectCode(safeFetch('http://empty.test/', { resolve: async () => [] }), 'DNS_FAILED');
    });
  });

  describe('URLs and schemes', () => {
    it('rejects invalid URLs, other schemes and embedded credentials', async () => {
      await expectCode(safeFetch('not a url'), 'URL_INVALID');
      await expectCode(safeFetch('file:///etc/passwd'), 'SCHEME_NOT_ALLOWED');
      await expectCode(safeFetch('gopher://example.org/'), 'SCHEME_NOT_ALLOWED');
      const credentials = await expectCode(safeFetch('http://user:hunter2@example.org/'), 'URL_INVALID');
      expect(credentials.message).not.toContain('hunter2');
    });
  });

  describe('redirects', () => {
    it('follows relative redirects and reports the chain', async () => {
      const local = await serve((request, response) => {
        if (request.url === '/a') {
          response.writeHead(301, { location: '/b' }).end();
        } else if (request.url === '/b') {
          response
            .writeHead(302, { location: `http://127.0.0.1:${String(request.socket.localPort)}/c` })
            .end();
        } else {
          response.end('final');
        }
      });
      const response = await safeFetch(`${local.origin}/a`, { allow: allowLocal });
      expect(response.url).toBe(`${local.origin}/c`);
      expect(response.redirects).toEqual([`${local.origin}/a`, `${local.origin}/b`]);
      expect(response.body.toString()).toBe('final');
    });

    it.each([
      ['a private address', 'http://10.0.0.1/admin', 'ADDRESS_BLOCKED'],
      ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', 'ADDRESS_BLOCKED'],
      ['another loopback address', 'http://127.0.0.2/', 'ADDRESS_BLOCKED'],
      ['a file URL', 'file:///etc/passwd', 'SCHEME_NOT_ALLOWED'],
    ] as const)('re-checks every hop: a redirect to %s is refused', async (_name, location, code) => {
      const local = await serve((_request, response) => response.writeHead(302, { location }).end());
      await expectCode(safeFetch(`${local.origin}/start`, { allow: allowLocal }), code);
      expect(local.hits).toEqual(['/start']);
    });

    it('stops after maxRedirects', async () => {
      const local = await serve((request, response) => {
        const step = Number(request.url?.slice(1));
        if (request.url === '/loop') {
          response.writeHead(302, { location: '/loop' }).end();
        } else if (step >= 3) {
          response.end('done');
        } else {
          response.writeHead(307, { location: `/${step + 1}` }).end();
        }
      });
      expect(
        (await safeFetch(`${local.origin}/0`, { allow: allowLocal, maxRedirects: 3 })).body.toString(),
      ).toBe('done');
      const caught = await expectCode(
        safeFetch(`${local.origin}/0`, { allow: allowLocal, maxRedirects: 2 }),
        'TOO_MANY_REDIRECTS',
      );
      expect(caught.message).toBe(`${local.origin}/0 redirected more than 2 times`);
      await expectCode(safeFetch(`${local.origin}/loop`, { allow: allowLocal }), 'TOO_MANY_REDIRECTS');
      expect(local.hits.filter((hit) => hit === '/loop')).toHaveLength(6);
    });
  });

  describe('limits', () => {
    it('enforces maxBytes with and without Content-Length, or truncates on request', async () => {
      const big = Buffer.alloc(10_000, 'a');
      const local = await serve((request, response) => {
        if (request.url === '/chunked') {
          response.write(big.subarray(0, 5_000));
          response.end(big.subarray(5_000));
        } else {
          response.writeHead(200, { 'content-length': big.length }).end(big);
        }
      });
      for (const path of ['/sized', '/chunked']) {
        const caught = await expectCode(
          safeFetch(`${local.origin}${path}`, { allow: allowLocal, maxBytes: 1_000 }),
          'RESPONSE_TOO_LARGE',
        );
        expect(caught.message).toBe(`Response from ${local.origin}${path} exceeds the limit of 1000 bytes`);
        const cut = await safeFetch(`${local.origin}${path}`, {
          allow: allowLocal,
          maxBytes: 1_000,
          truncate: true,
        });
        expect(cut.body.length).toBe(1_000);
        expect(cut.truncated).toBe(true);
      }
    });

    it('decodes gzip, deflate and br, applying maxBytes to decoded bytes (compression bomb)', async () => {
      const text = 'compressed text '.repeat(100);
      const bomb = zlib.gzipSync(Buffer.alloc(20_000_000));
      const local = await serve((request, response) => {
        const encoding = request.url?.slice(1) ?? '';
        if (encoding === 'bomb') {
          response.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
          return;
        }
        const encode = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync }[
          encoding
        ];
        response.writeHead(200, { 'content-encoding': encoding }).end(encode?.(text));
      });
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const response = await safeFetch(`${local.origin}/${encoding}`, { allow: allowLocal });
        expect(response.body.toString()).toBe(text);
      }
      expect(bomb.length).toBeLessThan(100_000);
      await expectCode(
        safeFetch(`${local.origin}/bomb`, { allow: allowLocal, maxBytes: 1_000_000 }),
        'RESPONSE_TOO_LARGE',
      );
    });

    it('times out a server that never answers (headers timeout) or stalls the body (total timeout)', async () => {
      const local = await serve((request, response) => {
        if (request.url === '/stall-body') {
          response.writeHead(200).write('partial');
        }
      });
      let started = Date.now();
      const headers = await expectCode(
        safeFetch(`${local.origin}/hang`, { allow: allowLocal, headersTimeoutMs: 200 }),
        'TIMEOUT',
      );
      expect(headers.message).toBe(`No response headers from ${local.origin}/hang within 200 ms`);
      expect(Date.now() - started).toBeLessThan(2_000);
      started = Date.now();
      await expectCode(
        safeFetch(`${local.origin}/stall-body`, { allow: allowLocal, timeoutMs: 300 }),
        'TIMEOUT',
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('honours an AbortSignal', async () => {
      const local = await serve(() => undefined);
      const controller = new AbortController();
      setTimeout(() => {
        controller.abort();
      }, 50);
      const caught = await expectCode(
        safeFetch(`${local.origin}/`, { allow: allowLocal, signal: controller.signal }),
        'ABORTED',
      );
      expect(caught.isRetryable).toBe(false);
      await expectCode(
        safeFetch(`${local.origin}/`, { allow: allowLocal, signal: AbortSignal.abort() }),
        'ABORTED',
      );
    });
  });

  describe('responses', () => {
    it('returns headers without a body for HEAD and non-2xx statuses as data', async () => {
      const local = await serve((request, response) => {
        response.writeHead(request.url === '/missing' ? 404 : 200, {
          'content-type': 'Text/HTML; charset=utf-8',
          'x-multi': ['a', 'b'],
        });
        response.end('<p>hi</p>');
      });
      const head = await safeFetch(`${local.origin}/`, { allow: allowLocal, method: 'HEAD' });
      expect(head).toMatchObject({ status: 200, contentType: 'text/html', redirects: [], truncated: false });
      expect(head.body.length).toBe(0);
      expect(head.headers['x-multi']).toBe('a, b');
      const missing = await safeFetch(`${local.origin}/missing`, { allow: allowLocal });
      expect(missing.status).toBe(404);
      expect(missing.body.toString()).toBe('<p>hi</p>');
    });

    it('reports a refused connection as CONNECTION_FAILED', async () => {
      const local = await serve(() => undefined);
      const closing = servers.pop();
      await new Promise((resolve) => closing?.close(resolve));
      const caught = await expectCode(
        safeFetch(`${local.origin}/`, { allow: allowLocal }),
        'CONNECTION_FAILED',
      );
      expect(caught.message).toBe(
        `Could not fetch ${local.origin}/: connection to 127.0.0.1 failed (ECONNREFUSED)`,
      );
    });
  });
});
