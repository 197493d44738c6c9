import { LlmError } from '../llm-error.ts';

/** What a failed request was about, so messages can name the server and the model. */
export interface RequestContext {
  /** The configured server root (never carries credentials). */
  baseUrl: string;
  /** The model the request named, when it named one (a 404 then means "model not found"). */
  model?: string;
}

const retryAfterHints = new WeakMap<LlmError, number>();
const maxServerTextLength = 500;
const transportCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The `Retry-After` delay a 429 answer asked for, if any (see {@link parseRetryAfter}). */
export function retryAfterOf(error: LlmError): number | undefined {
  return retryAfterHints.get(error);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or invalid. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return seconds >= 0 ? seconds * 1000 : undefined;
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The human part of an error body: `{ "error": "..." }` (Ollama), `{ "error": { "message": ... } }`
 * (OpenAI), `{ "message": ... }`, or the raw text; whitespace collapsed and trimmed to 500 chars.
 */
export function extractServerMessage(bodyText: string): string {
  let text = bodyText;
  try {
    const parsed = JSON.parse(bodyText) as unknown;
    text = messageOf(parsed) ?? bodyText;
  } catch {
    // Not JSON: keep the raw text.
  }
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > maxServerTextLength ? `${collapsed.slice(0, maxServerTextLength)}…` : collapsed;
}

function messageOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const record = value as { error?: unknown; message?: unknown };
  if (typeof record.error === 'string') {
    return record.error;
  }
  if (typeof record.error === 'object' && record.error !== null) {
    return messageOf(record.error);
  }
  return typeof record.message === 'string' ? record.message : undefined;
}

/** Maps a non-2xx answer to an {@link LlmError} (429 and 5xx retryable; 404 on a model: not found). */
export function mapHttpStatus(
  status: number,
  bodyText: string,
  context: RequestContext,
  retryAfterHeader: string | null = null,
): LlmError {
  const serverText = extractServerMessage(bodyText) || `HTTP ${status}`;
  if (status === 429) {
    const error = new LlmError(
      'LLM_RATE_LIMITED',
      `The model server at ${context.baseUrl} is rate limiting requests: ${serverText}`,
      { isRetryable: true, status },
    );
    const retryAfter = parseRetryAfter(retryAfterHeader);
    if (retryAfter !== undefined) {
      retryAfterHints.set(error, retryAfter);
    }
    return error;
  }
  if (status >= 500) {
    return new LlmError(
      'LLM_UNAVAILABLE',
      `The model server at ${context.baseUrl} failed (HTTP ${status}): ${serverText}`,
      { isRetryable: true, status },
    );
  }
  if (status === 404 && context.model !== undefined) {
    return new LlmError(
      'LLM_MODEL_NOT_FOUND',
      `Model "${context.model}" is not available on ${context.baseUrl}: ${serverText}. Pull or load it on the server, or choose another model.`,
      { status },
    );
  }
  const hint =
    status === 401 || status === 403
      ? ' Check LLM_API_KEY.'
      : status === 404
        ? ' Check LLM_PROVIDER and LLM_BASE_URL (the server root, without /v1).'
        : '';
  return new LlmError(
    'LLM_REQUEST_REJECTED',
    `The model server at ${context.baseUrl} rejected the request (HTTP ${status}): ${serverText}.${hint}`,
    { status },
  );
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const record = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string' && transportCodes.has(record.code)) {
      return record.code;
    }
    if (Array.isArray(record.errors) && record.errors.length > 0) {
      current = record.errors[0] as unknown;
      continue;
    }
    current = record.cause;
  }
  return undefined;
}

/**
 * Maps a transport failure (connection refused, DNS, reset, a connection dropped mid-body) to a
 * retryable `LLM_UNAVAILABLE` naming the server and what to check. `phase` says whether the
 * response had started.
 */
export function mapTransportError(
  error: unknown,
  context: RequestContext,
  phase: 'connect' | 'body',
): LlmError {
  if (LlmError.isInstance(error)) {
    return error;
  }
  const code = errorCode(error);
  const message =
    phase === 'connect'
      ? `Cannot reach the model server at ${context.baseUrl}${code ? ` (${code})` : ''}. Check that it is running and reachable from this host, and that LLM_BASE_URL and LLM_PROVIDER are correct.`
      : `The connection to the model server at ${context.baseUrl} closed in the middle of a response${code ? ` (${code})` : ''}.`;
  return new LlmError('LLM_UNAVAILABLE', message, { isRetryable: true, cause: error });
}
