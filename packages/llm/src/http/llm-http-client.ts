import { LlmError } from '../llm-error.ts';
import { mapHttpStatus, mapTransportError, type RequestContext } from './error-mapping.ts';
import {
  fetchTransport,
  nodeHttpTransport,
  type Transport,
  type TransportResponse,
} from './http-transport.ts';
import { abortedError, createRetryPolicy, withRetry, type RetryPolicy } from './retry.ts';

/** How a provider talks HTTP to its model server. */
export interface LlmHttpClientOptions {
  /** Server root, e.g. `http://localhost:11434`; a trailing `/` is ignored. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  /** Longest wait for the response headers and between two body chunks. Default 120 s. */
  idleTimeoutMs?: number;
  /** Retry settings for non-streaming requests and streams that have not yielded yet. */
  retry?: Partial<RetryPolicy>;
  /** Injected `fetch` (default: `node:http`/`node:https` with kept-alive connections). */
  fetch?: typeof fetch;
}

/** One HTTP exchange: method, path under the base URL, optional JSON body. */
export interface LlmHttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** The model the request names (a 404 then maps to `LLM_MODEL_NOT_FOUND`). */
  model?: string;
  signal?: AbortSignal;
}

/**
 * The HTTP side of the providers: JSON requests and streamed bodies with an idle timeout (reset on
 * every chunk, paused while the consumer holds a chunk), caller aborts propagated to the socket, and
 * every failure mapped to an {@link LlmError}.
 */
export class LlmHttpClient {
  readonly baseUrl: string;
  readonly retryPolicy: RetryPolicy;
  private readonly apiKey: string | undefined;
  private readonly idleTimeoutMs: number;
  private readonly transport: Transport;

  constructor(options: LlmHttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 120_000;
    this.retryPolicy = createRetryPolicy(options.retry);
    this.transport = options.fetch ? fetchTransport(options.fetch) : nodeHttpTransport;
  }

  /** Sends `request` (retrying retryable failures) and parses the JSON answer. */
  async requestJson(request: LlmHttpRequest): Promise<unknown> {
    return withRetry(
      async () => {
        const decoder = new TextDecoder();
        let text = '';
        for await (const chunk of this.exchange(request)) {
          text += decoder.decode(chunk, { stream: true });
        }
        text += decoder.decode();
        try {
          return JSON.parse(text) as unknown;
        } catch (error) {
          throw new LlmError(
            'LLM_BAD_RESPONSE',
            `The model server at ${this.baseUrl} answered invalid JSON.`,
            {
              cause: error,
            },
          );
        }
      },
      this.retryPolicy,
      request.signal,
    );
  }

  /**
   * Sends `request` once and yields the raw body chunks of a 2xx answer. Fails with an
   * {@link LlmError} on a transport error, a non-2xx status, the idle timeout or a caller abort.
   * Stopping the iteration early releases the answer: the rest of the body is discarded and the
   * connection kept alive when it ends promptly (the model's final line comes just before the end),
   * else closed. A failure, the idle timeout or a caller abort aborts the request.
   */
  async *exchange(request: LlmHttpRequest): AsyncGenerator<Uint8Array> {
    const { signal } = request;
    const context: RequestContext = { baseUrl: this.baseUrl, model: request.model };
    if (signal?.aborted) {
      throw abortedError(signal.reason);
    }
    const controller = new AbortController();
    let timedOut = false;
    let completed = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.idleTimeoutMs);
    };
    const onAbort = () => {
      controller.abort();
    };
    const fail = (error: unknown, phase: 'connect' | 'body'): LlmError => {
      if (signal?.aborted) {
        return abortedError(error);
      }
      if (timedOut) {
        return new LlmError(
          'LLM_TIMEOUT',
          `The model server at ${this.baseUrl} sent nothing for ${this.idleTimeoutMs} ms ${phase === 'connect' ? 'before answering' : 'in the middle of a response'} (LLM_REQUEST_TIMEOUT_MS).`,
          { cause: error },
        );
      }
      return mapTransportError(error, context, phase);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let response: TransportResponse | undefined;
    let failed = false;
    try {
      arm();
      response = await this.send(request, controller.signal).catch((error: unknown) => {
        throw fail(error, 'connect');
      });
      if (response.status < 200 || response.status > 299) {
        const text = await response.text().catch(() => '');
        completed = true;
        throw mapHttpStatus(response.status, text, context, response.header('retry-after'));
      }
      const iterator = response.chunks()[Symbol.asyncIterator]();
      for (;;) {
        const result = await iterator.next().catch((error: unknown) => {
          throw fail(error, 'body');
        });
        if (result.done === true) {
          completed = true;
          return;
        }
        clearTimeout(timer);
        yield result.value;
        arm();
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (!completed) {
        if (failed || response === undefined || controller.signal.aborted) {
          controller.abort();
        } else {
          response.release();
        }
      }
    }
  }

  private async send(request: LlmHttpRequest, signal: AbortSignal): Promise<TransportResponse> {
    const headers: Record<string, string> = {
      accept: 'application/json, application/x-ndjson, text/event-stream',
    };
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    if (this.apiKey !== undefined) {
      headers.authorization = `Bearer ${this.apiKey}`;
    }
    return this.transport({
      url: `${this.baseUrl}${request.path}`,
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
  }
}
