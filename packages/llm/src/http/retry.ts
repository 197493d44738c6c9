import { LlmError } from '../llm-error.ts';
import { retryAfterOf } from './error-mapping.ts';

/** How failed model requests are retried. Every field has a default; tests inject `random` and `sleep`. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). Default 2. */
  maxRetries: number;
  /** Backoff base: attempt n waits up to `baseDelayMs * 2^n`. Default 500 ms. */
  baseDelayMs: number;
  /** Largest backoff ceiling. Default 8 s. */
  maxDelayMs: number;
  /** Largest `Retry-After` honoured; longer requests are cut to it. Default 30 s. */
  maxRetryAfterMs: number;
  /** Uniform random number in [0, 1). Default `Math.random`. */
  random: () => number;
  /** Waits `ms`; rejects when `signal` aborts. Default a timer. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Waits `ms` milliseconds, or rejects with `LLM_ABORTED` as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error of a request the caller aborted. */
export function abortedError(cause?: unknown): LlmError {
  return new LlmError('LLM_ABORTED', 'The model request was aborted by the caller.', { cause });
}

/** The default policy, with `overrides` applied. */
export function createRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxRetries: 2,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    maxRetryAfterMs: 30_000,
    random: Math.random,
    sleep: abortableSleep,
    ...overrides,
  };
}

/**
 * The wait before retry number `retry` (0-based): the server's `Retry-After` (capped) when it sent
 * one, otherwise exponential backoff with full jitter, `random() * min(maxDelayMs, baseDelayMs * 2^retry)`.
 */
export function backoffDelay(retry: number, error: LlmError, policy: RetryPolicy): number {
  const retryAfter = retryAfterOf(error);
  if (retryAfter !== undefined) {
    return Math.min(retryAfter, policy.maxRetryAfterMs);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(policy.random() * ceiling);
}

function shouldRetry(error: unknown, retry: number, policy: RetryPolicy): error is LlmError {
  return LlmError.isInstance(error) && error.isRetryable && retry < policy.maxRetries;
}

/** Runs `attempt` and retries it on retryable {@link LlmError}s, waiting {@link backoffDelay} between tries. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!shouldRetry(error, retry, policy)) {
        throw error;
      }
      await policy.sleep(backoffDelay(retry, error, policy), signal);
    }
  }
}

/**
 * Streams from `attempt`, retrying retryable {@link LlmError}s only while nothing has been yielded:
 * once the consumer has seen a part, a failure ends the stream, and its error is marked not
 * retryable (the output cannot be taken back).
 */
export async function* retryingStream<T>(
  attempt: () => AsyncIterable<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): AsyncGenerator<T> {
  let yielded = false;
  for (let retry = 0; ; retry += 1) {
    try {
      for await (const part of attempt()) {
        yielded = true;
        yield part;
      }
      return;
    } catch (error) {
      if (yielded) {
        throw LlmError.isInstance(error) && error.isRetryable
          ? new LlmError(error.code, error.message, { status: error.options.status, cause: error })
          : error;
      }
      if (!shouldRetry(error, retry, policy)) {
        throw error;
      }
      await policy.sleep(backoffDelay(retry, error, policy), signal);
    }
  }
}
