import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import {
  CALLER_TOKEN_META_KEY,
  callerFromExtra,
  type CallerClaims,
  type ExtraWithMeta,
} from './caller-token.ts';
import { CallerTokenError } from './caller-token-error.ts';
import { readServerEnv, type EnvironmentSource } from './server-env.ts';
import { error } from './tool-result.ts';

/** The request header that carries the caller token to the platform's MCP bridge. */
export const PLATFORM_CALLER_HEADER = 'x-youworker-caller';

const DEFAULT_TIMEOUT_MS = 30_000;

/** A search hit with what a citation needs. */
export interface PlatformSearchResult {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  ordinal: number;
  page: number | null;
  sheet: string | null;
  headingPath: string[];
  score: number;
  text: string;
  snippet: string;
}

export interface PlatformSearchInput {
  query: string;
  k?: number;
  mode?: 'hybrid' | 'dense' | 'lexical';
  filters?: { tags?: string[]; documentIds?: string[]; groupId?: string };
}

export interface PlatformChunk {
  chunkId: string;
  ordinal: number;
  page: number | null;
  sheet: string | null;
  headingPath: string[];
  text: string;
}

export interface PlatformChunkContext {
  document: { id: string; title: string };
  chunks: PlatformChunk[];
}

export interface PlatformDocument {
  id: string;
  title: string;
  status: string;
  sourceType: string;
  mimeType: string | null;
  pageCount: number | null;
  chunkCount: number;
  tags: string[];
  createdAt: string;
}

export interface PlatformIngestionRun {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
  sourceType: string;
  sourceLabel: string;
  stage: string | null;
  filesTotal: number;
  filesDone: number;
  filesFailed: number;
  chunksEmbedded: number;
  errors: { file: string; message: string }[];
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface PlatformIngestionStarted {
  run: PlatformIngestionRun;
  documents: { id: string; title: string; status: string; duplicate: boolean }[];
}

/** Per-call options. */
export interface PlatformCallOptions {
  /** Cancels the request (e.g. the tool call's `extra.signal`). */
  signal?: AbortSignal;
}

/**
 * The platform operations the `semantic` and `ingest` MCP servers need, mirroring
 * `/v1/mcp-bridge/*`. Every method takes the caller token the server received with the tool call;
 * the platform derives the user from it (never from arguments). Failures throw
 * {@link PlatformClientError}.
 */
export interface PlatformClient {
  readonly baseUrl: string;
  search(
    token: string,
    input: PlatformSearchInput,
    options?: PlatformCallOptions,
  ): Promise<PlatformSearchResult[]>;
  chunkContext(
    token: string,
    input: { documentId: string; ordinal: number; window?: number },
    options?: PlatformCallOptions,
  ): Promise<PlatformChunkContext>;
  listDocuments(
    token: string,
    input: { search?: string; tags?: string[]; limit?: number },
    options?: PlatformCallOptions,
  ): Promise<PlatformDocument[]>;
  ingestUrl(
    token: string,
    input: { url: string; tags?: string[] },
    options?: PlatformCallOptions,
  ): Promise<PlatformIngestionStarted>;
  ingestPath(
    token: string,
    input: { path: string; recursive?: boolean; tags?: string[] },
    options?: PlatformCallOptions,
  ): Promise<PlatformIngestionStarted>;
  runStatus(token: string, runId: string, options?: PlatformCallOptions): Promise<PlatformIngestionRun>;
}

/** Options of {@link createPlatformClient}. */
export interface PlatformClientOptions {
  /** Base URL of the platform, e.g. `http://127.0.0.1:8080` (`YOUWORKER_PLATFORM_URL`). */
  baseUrl: string;
  /** The fetch implementation (tests); default the global one. */
  fetch?: typeof fetch;
  /** Limit of one request in milliseconds (default 30 000). */
  timeoutMs?: number;
}

/** Stable codes of {@link PlatformClientError}. */
export type PlatformClientErrorCode =
  | 'PLATFORM_UNREACHABLE'
  | 'PLATFORM_TIMEOUT'
  | 'CALLER_REJECTED'
  | 'PLATFORM_REFUSED'
  | 'PLATFORM_FAILED'
  | 'PLATFORM_RESPONSE_INVALID';

const marker = Symbol.for('youworker.mcp.PlatformClientError');

/**
 * A platform call failed: unreachable, too slow, the caller token refused (401), the request
 * refused (other 4xx, with the platform's stable code and message), a platform failure (5xx), or
 * an answer that is not what the bridge sends. The message is safe to show to a model.
 */
export class PlatformClientError extends Error {
  private readonly [marker] = true;

  override readonly name = 'PlatformClientError';

  constructor(
    readonly code: PlatformClientErrorCode,
    message: string,
    readonly details: { status?: number; platformCode?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Works across duplicated package copies, where `instanceof` fails. */
  static isInstance(value: unknown): value is PlatformClientError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

interface PlatformErrorBody {
  error?: { code?: unknown; message?: unknown };
}

function describeCause(caught: unknown): string {
  const cause = (caught as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') {
    return cause.code;
  }
  if (typeof cause?.message === 'string') {
    return cause.message;
  }
  return caught instanceof Error ? caught.message : String(caught);
}

function hasArray(value: unknown, key: string): boolean {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as Record<string, unknown>)[key])
  );
}

function hasObject(value: unknown, key: string): boolean {
  const field =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'object' && field !== null;
}

/** Creates a {@link PlatformClient} for the platform at `options.baseUrl`. */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  let base: URL;
  try {
    base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  } catch {
    throw new RangeError(`The platform URL is not valid: ${options.baseUrl}`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new RangeError(`The platform URL must be http(s): ${options.baseUrl}`);
  }
  const baseUrl = base.toString().replace(/\/$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body: unknown,
    callOptions: PlatformCallOptions | undefined,
    isExpected: (value: unknown) => boolean,
  ): Promise<unknown> {
    const url = new URL(`v1/mcp-bridge/${path}`, base);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callOptions?.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: {
          accept: 'application/json',
          [PLATFORM_CALLER_HEADER]: token,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
      });
    } catch (caught) {
      if (callOptions?.signal?.aborted) {
        throw callOptions.signal.reason;
      }
      if (timeout.aborted) {
        throw new PlatformClientError(
          'PLATFORM_TIMEOUT',
          `The YouWorker platform at ${baseUrl} did not answer within ${timeoutMs} ms`,
          {},
          { cause: caught },
        );
      }
      throw new PlatformClientError(
        'PLATFORM_UNREACHABLE',
        `The YouWorker platform at ${baseUrl} is unreachable (${describeCause(caught)})`,
        {},
        { cause: caught },
      );
    }
    let value: unknown;
    try {
      value = await response.json();
    } catch {
      value = undefined;
    }
    if (!response.ok) {
      throw failure(response.status, value);
    }
    if (!isExpected(value)) {
      throw new PlatformClientError(
        'PLATFORM_RESPONSE_INVALID',
        `The YouWorker platform at ${baseUrl} sent an unexpected answer to ${path}`,
        { status: response.status },
      );
    }
    return value;
  }

  function failure(status: number, value: unknown): PlatformClientError {
    const body = (typeof value === 'object' && value !== null ? value : {}) as PlatformErrorBody;
    const platformCode = typeof body.error?.code === 'string' ? body.error.code : undefined;
    const platformMessage = typeof body.error?.message === 'string' ? body.error.message : undefined;
    const details = { status, ...(platformCode ? { platformCode } : {}) };
    const reason = [platformCode, platformMessage].filter(Boolean).join(': ') || `HTTP ${status}`;
    if (status === 401) {
      return new PlatformClientError(
        'CALLER_REJECTED',
        `caller token rejected by the platform (${reason})`,
        details,
      );
    }
    if (status >= 400 && status < 500) {
      return new PlatformClientError(
        'PLATFORM_REFUSED',
        platformMessage ?? `The platform refused the request (HTTP ${status})`,
        details,
      );
    }
    return new PlatformClientError(
      'PLATFORM_FAILED',
      `The YouWorker platform at ${baseUrl} failed (${reason})`,
      details,
    );
  }

  return {
    baseUrl,
    async search(token, input, callOptions) {
      const value = await call('POST', 'search', token, input, callOptions, (body) =>
        hasArray(body, 'results'),
      );
      return (value as { results: PlatformSearchResult[] }).results;
    },
    async chunkContext(token, input, callOptions) {
      const value = await call(
        'POST',
        'chunk-context',
        token,
        input,
        callOptions,
        (body) => hasObject(body, 'document') && hasArray(body, 'chunks'),
      );
      return value as PlatformChunkContext;
    },
    async listDocuments(token, input, callOptions) {
      const value = await call('POST', 'documents', token, input, callOptions, (body) =>
        hasArray(body, 'documents'),
      );
      return (value as { documents: PlatformDocument[] }).documents;
    },
    async ingestUrl(token, input, callOptions) {
      const value = await call('POST', 'ingest', token, input, callOptions, (body) => hasObject(body, 'run'));
      return value as PlatformIngestionStarted;
    },
    async ingestPath(token, input, callOptions) {
      const value = await call('POST', 'ingest', token, input, callOptions, (body) => hasObject(body, 'run'));
      return value as PlatformIngestionStarted;
    },
    async runStatus(token, runId, callOptions) {
      const value = await call(
        'GET',
        `runs/${encodeURIComponent(runId)}`,
        token,
        undefined,
        callOptions,
        (body) => typeof (body as { id?: unknown } | undefined)?.id === 'string',
      );
      return value as PlatformIngestionRun;
    },
  };
}

/** The verified caller of a tool call, and the token to forward to the platform. */
export interface ToolCaller {
  token: string;
  claims: CallerClaims;
}

/**
 * Runs a tool handler as the caller named by the token in `extra._meta`: verifies it for
 * `audience` with `secret` and passes it on. A missing or invalid token, and a failed platform
 * call ({@link PlatformClientError}), become `isError` results the model can read; nothing else is
 * caught. The user is never taken from the tool's arguments.
 */
export async function runAsCaller(
  extra: ExtraWithMeta,
  identity: { secret: string | Buffer; audience: string },
  handler: (caller: ToolCaller) => Promise<CallToolResult>,
): Promise<CallToolResult> {
  let claims: CallerClaims;
  try {
    claims = callerFromExtra(extra, identity.secret, identity.audience);
  } catch (caught) {
    if (CallerTokenError.isInstance(caught)) {
      return error(
        `This call has no valid platform identity (${caught.code}: ${caught.message}); it must come from YouWorker on behalf of a signed-in user.`,
      );
    }
    throw caught;
  }
  const token = extra._meta?.[CALLER_TOKEN_META_KEY] as string;
  try {
    return await handler({ token, claims });
  } catch (caught) {
    if (PlatformClientError.isInstance(caught)) {
      return error(caught.message);
    }
    throw caught;
  }
}

/** Variables of a server that calls the platform for its caller (`semantic`, `ingest`). */
export const platformServerEnvSchema = z.object({
  /** Base URL of the YouWorker platform, e.g. `http://127.0.0.1:8080`. */
  YOUWORKER_PLATFORM_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** The platform's caller-token secret (its `MCP_CALLER_TOKEN_SECRET`, set or derived). */
  MCP_CALLER_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** Limit of one platform request in milliseconds (default 30 000). */
  YOUWORKER_PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
});

/** What a platform-backed server needs: the client and the secret that verifies caller tokens. */
export interface PlatformServerOptions {
  platform: PlatformClient;
  secret: string;
}

/**
 * Reads {@link platformServerEnvSchema} (default `process.env`) and builds the platform client.
 * Throws `ServerEnvError` listing every invalid variable.
 */
export function readPlatformServerEnv(env?: EnvironmentSource): PlatformServerOptions {
  const config = readServerEnv(platformServerEnvSchema, env);
  return {
    platform: createPlatformClient({
      baseUrl: config.YOUWORKER_PLATFORM_URL,
      ...(config.YOUWORKER_PLATFORM_TIMEOUT_MS === undefined
        ? {}
        : { timeoutMs: config.YOUWORKER_PLATFORM_TIMEOUT_MS }),
    }),
    secret: config.MCP_CALLER_TOKEN_SECRET,
  };
}

/**
 * {@link readPlatformServerEnv} for a server's entry point: invalid configuration is printed to
 * stderr, prefixed by `name`, and the process exits with status 1.
 */
export function loadPlatformServerEnv(name: string): PlatformServerOptions {
  try {
    return readPlatformServerEnv();
  } catch (caught) {
    process.stderr.write(`${name}: ${caught instanceof Error ? caught.message : String(caught)}\n`);
    process.exit(1);
  }
}
