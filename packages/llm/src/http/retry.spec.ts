import { describe, expect, it, vi } from 'vitest';
import { LlmError } from '../llm-error.ts';
import { mapHttpStatus } from './error-mapping.ts';
import { backoffDelay, createRetryPolicy, retryingStream, withRetry } from './retry.ts';

const unavailable = () => new LlmError('LLM_UNAVAILABLE', 'down', { isRetryable: true });
const rejected = () => new LlmError('LLM_REQUEST_REJECTED', 'bad', { status: 400 });

function testPolicy(maxRetries = 2) {
  const sleep = vi.fn(async () => undefined);
  return { sleep, policy: createRetryPolicy({ maxRetries, random: () => 0.5, sleep }) };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) {
    items.push(item);
  }
  return items;
}

describe(backoffDelay.name, () => {
  it('should draw from a doubling ceiling (full jitter) capped at maxDelayMs', () => {
    const policy = createRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 });
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelay(retry, unavailable(), policy))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    const extremes = createRetryPolicy({ baseDelayMs: 100, random: () => 0 });
    expect(backoffDelay(3, unavailable(), extremes)).toBe(0);
  });

  it('should honour Retry-After on 429 up to maxRetryAfterMs', () => {
    const policy = createRetryPolicy({ maxRetryAfterMs: 5000 });
    const context = { baseUrl: 'http://llm' };
    expect(backoffDelay(0, mapHttpStatus(429, '', context, '2'), policy)).toBe(2000);
    expect(backoffDelay(0, mapHttpStatus(429, '', context, '120'), policy)).toBe(5000);
  });
});

describe(withRetry.name, () => {
  it('should retry retryable errors up to maxRetries and then give up', async () => {
    const { policy, sleep } = testPolicy(2);
    const attempt = vi.fn(async () => {
      throw unavailable();
    });
    await expect(withRetry(attempt, policy)).rejects.toMatchObject({ code: 'LLM_UNAVAILABLE' });
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls.map((call: unknown[]) => call[0])).toEqual([250, 500]);
  });

  it('should not retry errors that are not retryable', async () => {
    const { policy } = testPolicy(5);
    const attempt = vi.fn(async () => {
      throw rejected();
    });
    await expect(withRetry(attempt, policy)).rejects.toMatchObject({ code: 'LLM_REQUEST_REJECTED' });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('should return the first success', async () => {
    const { policy } = testPolicy(2);
    let calls = 0;
    const result = await withRetry(async () => {
      calls += 1;
      if (calls === 1) {
        throw unavailable();
      }
      return 'ok';
    }, policy);
    expect(result).toBe('ok');
  });
});

describe(retryingStream.name, () => {
  it('should retry a stream that fails before yielding anything', async () => {
    const { policy } = testPolicy(2);
    let attempts = 0;
    const parts = await collect(
      retryingStream(async function* () {
        attempts += 1;
        if (attempts < 3) {
          throw unavailable();
        }
        yield 'a';
        yield 'b';
      }, policy),
    );
    expect(parts).toEqual(['a', 'b']);
    expect(attempts).toBe(3);
  });

  it('should never retry once a part was yielded, and mark the error not retryable', async () => {
    const { policy } = testPolicy(5);
    let attempts = 0;
    const seen: string[] = [];
    const error: unknown = await (async () => {
      for await (const part of retryingStream(async function* () {
        attempts += 1;
        yield 'first';
        throw unavailable();
      }, policy)) {
        seen.push(part);
      }
    })().catch((caught: unknown) => caught);
    expect(attempts).toBe(1);
    expect(seen).toEqual(['first']);
    expect(LlmError.isInstance(error) && { code: error.code, retryable: error.isRetryable }).toEqual({
      code: 'LLM_UNAVAILABLE',
      retryable: false,
    });
  });

  it('should stop retrying when the caller aborts during the backoff', async () => {
    const controller = new AbortController();
    const policy = createRetryPolicy({ maxRetries: 3, baseDelayMs: 60_000, random: () => 1 });
    const stream = retryingStream(
      async function* () {
        yield* [];
        throw unavailable();
      },
      policy,
      controller.signal,
    );
    const pending = collect(stream);
    setTimeout(() => {
      controller.abort();
    }, 10);
    await expect(pending).rejects.toMatchObject({ code: 'LLM_ABORTED' });
  });
});
