import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { verifyCallerToken } from '../caller-token.ts';

/** One request the fake platform received. */
export interface RecordedRequest {
  method: string;
  path: string;
  callerHeader: string | undefined;
  body: unknown;
}

/** A canned answer: status and JSON body, computed from the verified caller and the request. */
export type FakeRoute = (
  caller: { userId: string },
  request: RecordedRequest,
) => { status: number; body: unknown };

/** An in-process stand-in for the platform's `/v1/mcp-bridge/*`, verifying caller tokens like the real one. */
export interface FakePlatform {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/**
 * Starts a fake platform on 127.0.0.1. Each request's `x-youworker-caller` token is verified with
 * `secret` for `audience` (401 with the platform's error envelope otherwise), then answered by the
 * route named `<METHOD> <path after /v1/mcp-bridge/>` (404 when there is none).
 */
export async function startFakePlatform(options: {
  secret: string;
  audience: string;
  routes: Record<string, FakeRoute>;
}): Promise<FakePlatform> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const header = request.headers['x-youworker-caller'];
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: (request.url ?? '').replace(/^\/v1\/mcp-bridge\//, ''),
        callerHeader: Array.isArray(header) ? header[0] : header,
        body: await readBody(request),
      };
      requests.push(recorded);
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      let userId: string;
      try {
        userId = verifyCallerToken(recorded.callerHeader, options.secret, { audience: options.audience }).sub;
      } catch {
        send(401, {
          error: { code: 'CALLER_TOKEN_INVALID', message: 'The caller token is not valid' },
          requestId: 'r',
        });
        return;
      }
      const route =
        options.routes[`${recorded.method} ${recorded.path.replace(/\/[^/]+$/, '/:id')}`] ??
        options.routes[`${recorded.method} ${recorded.path}`];
      if (!route) {
        send(404, { error: { code: 'ROUTE_NOT_FOUND', message: 'no such route' }, requestId: 'r' });
        return;
      }
      const answer = route({ userId }, recorded);
      send(answer.status, answer.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
