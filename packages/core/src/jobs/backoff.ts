/** How long a failed job waits before its next attempt. */
export interface BackoffOptions {
  /** Delay scale of the first retry. Default 2 000 ms. */
  baseMs?: number;
  /** No delay is ever longer. Default 300 000 ms (5 min). */
  capMs?: number;
  /** A number in [0, 1); injected by tests. Default `Math.random`. */
  random?: () => number;
}

/** Default first-retry scale: 2 s. */
export const DEFAULT_BACKOFF_BASE_MS = 2_000;
/** Default longest delay: 5 min. */
export const DEFAULT_BACKOFF_CAP_MS = 300_000;

/**
 * Exponential backoff with "equal jitter": the ceiling doubles per attempt (`baseMs * 2^(attempt-1)`,
 * capped at `capMs`) and the delay is drawn uniformly from [ceiling/2, ceiling]. The jitter spreads
 * retries of jobs that failed together; the floor keeps a retry from following its failure at once.
 * `attempt` is the attempt that just failed, from 1.
 */
export function computeBackoffMs(attempt: number, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const capMs = options.capMs ?? DEFAULT_BACKOFF_CAP_MS;
  const random = options.random ?? Math.random;
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^exponent overflows to Infinity for huge attempt counts; Math.min keeps it at the cap.
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
