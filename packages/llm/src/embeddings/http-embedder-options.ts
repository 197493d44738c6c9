import type { RetryPolicy } from '../http/retry.ts';

/** Settings shared by the embedders that call a model server over HTTP. */
export interface HttpEmbedderOptions {
  /** Server root, e.g. `http://localhost:11434` (without `/v1`); a trailing `/` is ignored. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  /** Longest wait for the response headers and between two body chunks. Default 120 s. */
  timeoutMs?: number;
  /**
   * Retries of a single request. Default none: `createBatchingEmbedder` (and `createEmbedder`)
   * retry whole batches, so retrying here too would multiply the attempts.
   */
  retry?: Partial<RetryPolicy>;
}

/** The `LlmHttpClient` options for `options`. */
export function httpClientOptions(options: HttpEmbedderOptions) {
  return {
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    idleTimeoutMs: options.timeoutMs,
    retry: { maxRetries: 0, ...options.retry },
  };
}
