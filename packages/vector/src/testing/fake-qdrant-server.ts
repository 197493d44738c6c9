import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  matchesFilter,
  normalizeVector,
  runQuery,
  type FakeHit,
  type FakePoint,
  type Json,
} from './fake-qdrant-engine.ts';

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Json | undefined;
}

/** A stored collection: its creation body and points. */
export interface FakeCollection {
  config: Json;
  points: Map<string | number, FakePoint>;
  payloadIndexes: Map<string, unknown>;
}

/** A running fake: its URL, every request it saw and its collections. */
export interface FakeQdrant {
  url: string;
  requests: RecordedRequest[];
  collections: Map<string, FakeCollection>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(request: IncomingMessage): Promise<Json | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  if (chunks.length === 0) {
    return undefined;
  }
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return isJson(parsed) ? parsed : undefined;
}

function toPointOutput(hit: FakeHit, body: Json): Json {
  const withVector = body.with_vector;
  const names =
    withVector === true ? Object.keys(hit.point.vectors) : Array.isArray(withVector) ? withVector : [];
  const vector = Object.fromEntries(
    Object.entries(hit.point.vectors).filter(([name]) => names.includes(name)),
  );
  return {
    id: hit.point.id,
    version: 0,
    score: hit.score,
    payload: body.with_payload === true ? hit.point.payload : null,
    ...(names.length > 0 ? { vector } : {}),
  };
}

function selectPoints(collection: FakeCollection, body: Json): FakePoint[] {
  if (Array.isArray(body.points)) {
    const ids = body.points as unknown[];
    return [...collection.points.values()].filter((point) => ids.includes(point.id));
  }
  return [...collection.points.values()].filter((point) => matchesFilter(point, body.filter));
}

function upsert(collection: FakeCollection, body: Json): void {
  for (const raw of Array.isArray(body.points) ? (body.points as unknown[]) : []) {
    if (!isJson(raw) || !isJson(raw.vector)) {
      throw new HttpError(400, 'fake qdrant: points need named vectors');
    }
    const vectors: FakePoint['vectors'] = {};
    for (const [name, value] of Object.entries(raw.vector)) {
      if (Array.isArray(value)) {
        vectors[name] = normalizeVector(value.map(Number));
      } else if (isJson(value) && Array.isArray(value.indices) && Array.isArray(value.values)) {
        if (new Set(value.indices).size !== value.indices.length) {
          throw new HttpError(400, 'fake qdrant: duplicate sparse indices');
        }
        vectors[name] = { indices: value.indices.map(Number), values: value.values.map(Number) };
      }
    }
    const id = raw.id as string | number;
    collection.points.set(id, { id, vectors, payload: isJson(raw.payload) ? raw.payload : {} });
  }
}

function route(collections: Map<string, FakeCollection>, method: string, path: string, body: Json): unknown {
  if (method === 'GET' && path === '/') {
    return { title: 'fake qdrant', version: '1.16.0' };
  }
  const match = /^\/collections\/([^/]+)(\/.*)?$/.exec(path);
  if (!match?.[1]) {
    throw new HttpError(404, `fake qdrant: no route ${method} ${path}`);
  }
  const name = decodeURIComponent(match[1]);
  const rest = match[2] ?? '';
  const collection = collections.get(name);
  if (method === 'GET' && rest === '/exists') {
    return { exists: collection !== undefined };
  }
  if (method === 'PUT' && rest === '') {
    if (collection) {
      throw new HttpError(409, `Wrong input: Collection \`${name}\` already exists!`);
    }
    collections.set(name, { config: body, points: new Map(), payloadIndexes: new Map() });
    return true;
  }
  if (method === 'DELETE' && rest === '') {
    return collections.delete(name);
  }
  if (!collection) {
    throw new HttpError(404, `Not found: Collection \`${name}\` doesn't exist!`);
  }
  const key = `${method} ${rest}`;
  switch (key) {
    case 'GET ': {
      const { metadata, ...params } = collection.config;
      return { status: 'green', points_count: collection.points.size, config: { params, metadata } };
    }
    case 'PUT /index':
      collection.payloadIndexes.set(String(body.field_name), body.field_schema);
      return { operation_id: 0, status: 'completed' };
    case 'PUT /points':
      upsert(collection, body);
      return { operation_id: 0, status: 'completed' };
    case 'POST /points/delete':
      for (const point of selectPoints(collection, body)) {
        collection.points.delete(point.id);
      }
      return { operation_id: 0, status: 'completed' };
    case 'POST /points/payload':
      for (const point of selectPoints(collection, body)) {
        point.payload = { ...point.payload, ...(isJson(body.payload) ? body.payload : {}) };
      }
      return { operation_id: 0, status: 'completed' };
    case 'POST /points/query':
      return {
        points: runQuery([...collection.points.values()], body).map((hit) => toPointOutput(hit, body)),
      };
    case 'POST /points/scroll': {
      const sorted = selectPoints(collection, body).sort((left, right) =>
        String(left.id).localeCompare(String(right.id)),
      );
      const start = body.offset === undefined ? 0 : sorted.findIndex((point) => point.id === body.offset);
      const limit = typeof body.limit === 'number' ? body.limit : 10;
      const page = sorted.slice(Math.max(start, 0), Math.max(start, 0) + limit);
      const next = sorted[Math.max(start, 0) + limit];
      return {
        points: page.map((point) => toPointOutput({ point, score: 0 }, body)),
        next_page_offset: next?.id ?? null,
      };
    }
    default:
      throw new HttpError(404, `fake qdrant: no route ${method} ${path}`);
  }
}

/**
 * Starts an in-process HTTP server on loopback that answers the few Qdrant REST endpoints the
 * Qdrant store calls, with in-memory semantics, and records every request.
 */
export async function startFakeQdrant(): Promise<FakeQdrant> {
  const requests: RecordedRequest[] = [];
  const collections = new Map<string, FakeCollection>();
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const body = await readBody(request);
    const method = request.method ?? 'GET';
    requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body });
    response.setHeader('content-type', 'application/json');
    try {
      const result = route(collections, method, url.pathname, body ?? {});
      response.end(JSON.stringify({ result, status: 'ok', time: 0 }));
    } catch (error) {
      response.statusCode = error instanceof HttpError ? error.status : 500;
      response.end(
        JSON.stringify({ status: { error: error instanceof Error ? error.message : String(error) } }),
      );
    }
  };
  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    collections,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) {
            reject(error);
          } else {
            resolve();
          }
        });
      }),
  };
}
