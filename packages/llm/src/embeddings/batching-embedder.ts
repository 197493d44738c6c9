import { abortedError, createRetryPolicy, withRetry, type RetryPolicy } from '../http/retry.ts';
import type { Embedder } from './embedder.ts';
import { EmbeddingConfigError } from './embedding-config-error.ts';

/** How {@link createBatchingEmbedder} splits and retries. */
export interface BatchingOptions {
  /** Texts per request. Default 32. */
  batchSize?: number;
  /** Requests in flight at once. Default 2. */
  concurrency?: number;
  /** Retries of a failed batch after its first attempt. Default 3. */
  retries?: number;
  /**
   * Backoff timing: full jitter over a ceiling doubling from 500 ms up to 8 s, a 429's
   * `Retry-After` honoured up to 30 s. Tests inject `sleep` and `random`.
   */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
}

function positiveInteger(value: number, name: string, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw new EmbeddingConfigError(`${name} must be an integer of at least ${minimum} (got ${value}).`);
  }
  return value;
}

/**
 * Wraps `inner` so that any number of texts can be embedded: they are split into batches of
 * `batchSize`, at most `concurrency` batches run at once, and a batch failing transiently (an
 * `LlmError` with `isRetryable`: connection refused or reset, 429, 5xx) is retried up to `retries`
 * times with exponential backoff and full jitter. Other failures are not retried. The first
 * failure aborts the batches still running and is thrown; vectors come back in input order.
 * Aborting `signal` stops everything (in-flight requests and backoff waits) with `LLM_ABORTED`.
 */
export function createBatchingEmbedder(inner: Embedder, options: BatchingOptions = {}): Embedder {
  const batchSize = positiveInteger(options.batchSize ?? 32, 'batchSize', 1);
  const concurrency = positiveInteger(options.concurrency ?? 2, 'concurrency', 1);
  const policy = createRetryPolicy({
    ...options.retry,
    maxRetries: positiveInteger(options.retries ?? 3, 'retries', 0),
  });

  return {
    model: inner.model,
    dimension(signal) {
      return withRetry(() => inner.dimension(signal), policy, signal);
    },
    async embed(texts, embedOptions = {}) {
      const { signal, purpose } = embedOptions;
      if (signal?.aborted) {
        throw abortedError(signal.reason);
      }
      const batches: string[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        batches.push(texts.slice(start, start + batchSize));
      }
      const controller = new AbortController();
      const onAbort = () => {
        controller.abort(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const results: number[][][] = [];
      let next = 0;
      let failure: { error: unknown } | undefined;
      const work = async () => {
        while (!failure && next < batches.length) {
          const index = next;
          next += 1;
          const batch = batches[index] ?? [];
          try {
            results[index] = await withRetry(
              () => inner.embed(batch, { purpose, signal: controller.signal }),
              policy,
              controller.signal,
            );
          } catch (error) {
            failure ??= { error: signal?.aborted ? abortedError(signal.reason) : error };
            controller.abort();
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, work));
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      if (failure) {
        throw failure.error;
      }
      return results.flat(1);
    },
  };
}
