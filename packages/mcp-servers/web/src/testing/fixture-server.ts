import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

/** A canned answer of a {@link FixtureServer}. */
export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A route: a canned answer or a handler that also gets the server's origin. */
export type FixtureRoute =
  FixtureResponse | ((request: IncomingMessage, response: ServerResponse, origin: string) => void);

/** A local HTTP server on 127.0.0.1 for tests; routes match the path without the query. */
export interface FixtureServer {
  origin: string;
  /** Request URLs (path and query) in arrival order. */
  hits: string[];
  close(): Promise<void>;
}

/** Starts a {@link FixtureServer}; unknown paths answer 404. */
export async function startFixtureServer(routes: Record<string, FixtureRoute>): Promise<FixtureServer> {
  const hits: string[] = [];
  let origin = '';
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    const route = routes[new URL(request.url ?? '/', origin).pathname];
    if (typeof route === 'function') {
      route(request, response, origin);
      return;
    }
    const answer = route ?? { status: 404, body: 'not found' };
    response.writeHead(
      answer.status ?? 200,
      answer.headers ?? { 'content-type': 'text/html; charset=utf-8' },
    );
    response.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
