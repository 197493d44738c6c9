import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One scripted answer; without `body`, a 2xx answer carries the correct vectors. `hang` never
 * answers (until the client goes away or the server closes).
 */
export interface ScriptedReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  hang?: boolean;
}

/** A request the server received. */
export interface RecordedEmbeddingRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Set when the client disconnected before the answer. */
  aborted: boolean;
}

/** A local HTTP server speaking the Ollama (`/api/embed`) and OpenAI (`/v1/embeddings`) wire formats. */
export interface ScriptedEmbeddingServer {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  requests: RecordedEmbeddingRequest[];
  /** Most requests in flight at the same time so far. */
  maxInFlight: number;
  /** Queues answers for the next requests; when the queue is empty, the server answers correctly. */
  enqueue(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

/** The vector the server gives `text`: it encodes the text's first number, so tests can check the order. */
export function fakeVector(text: string): number[] {
  const number = Number(/\d+/.exec(text)?.[0] ?? 0);
  return [1, number, (number * number) % 7, text.length];
}

function inputsOf(body: unknown): string[] {
  const input = (body as { input?: unknown } | undefined)?.input;
  return Array.isArray(input) ? input.map(String) : [String(input)];
}

/** The correct answer to `body` on `path`; OpenAI items come back in reverse order (clients sort by index). */
export function correctReply(path: string, body: unknown): ScriptedReply {
  const inputs = inputsOf(body);
  if (path === '/api/embed') {
    return { body: { model: 'm', embeddings: inputs.map(fakeVector) } };
  }
  const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeVector(text) }));
  return { body: { object: 'list', data: data.reverse(), model: 'm' } };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) {
    parts.push(part as Buffer);
  }
  const text = Buffer.concat(parts).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** Starts a {@link ScriptedEmbeddingServer} on 127.0.0.1 with a free port. */
export async function startScriptedEmbeddingServer(): Promise<ScriptedEmbeddingServer> {
  const queue: ScriptedReply[] = [];
  let inFlight = 0;
  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
    state: ScriptedEmbeddingServer,
  ) => {
    const body = await readJson(request);
    const recorded: RecordedEmbeddingRequest = {
      path: request.url ?? '',
      headers: request.headers,
      body,
      aborted: false,
    };
    state.requests.push(recorded);
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    response.on('close', () => {
      inFlight -= 1;
      recorded.aborted = !response.writableFinished;
    });
    const reply = queue.shift() ?? correctReply(recorded.path, body);
    if (reply.hang) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, reply.delayMs ?? 0));
    const status = reply.status ?? 200;
    const answer = reply.body ?? (status < 300 ? correctReply(recorded.path, body).body : {});
    response.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
    response.end(JSON.stringify(answer));
  };
  const state: ScriptedEmbeddingServer = {
    baseUrl: '',
    requests: [],
    maxInFlight: 0,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
  const server = createServer((request, response) => {
    handle(request, response, state).catch(() => {
      response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** A base URL on 127.0.0.1 where nothing listens (connection refused). */
export async function unusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
