import type { FailedAttemptLimiter } from '@youworker/core';

/** Whether a key is blocked now and, if so, for how many more seconds. */
export type BlockStatus = Awaited<ReturnType<FailedAttemptLimiter['isBlocked']>>;

/**
 * A {@link FailedAttemptLimiter} (from `@youworker/core`: counts failed attempts per key, usually
 * `ip:<address>`, in fixed one-minute windows and blocks a key once it reaches `maxPerMinute` failures
 * in its window, until that window ends) that holds resources to release.
 */
export interface ClosableFailedAttemptLimiter extends FailedAttemptLimiter {
  /** Releases the limiter's resources (a Redis connection); in memory, forgets every window. */
  close(): Promise<void>;
}

/** Options shared by the implementations. */
export interface FailedAttemptLimiterOptions {
  /** Failures per key and window after which the key is blocked. */
  maxPerMinute: number;
  /** The clock, in milliseconds (tests pass a fake one). Default `Date.now`. */
  now?: () => number;
}

/** The window length: one minute. */
export const failedAttemptWindowMs = 60_000;

interface Window {
  count: number;
  startedAt: number;
}

/**
 * A failed-attempt limiter in process memory: right for a single instance (use the Redis one
 * when several instances share the traffic). The map holds at most `maxKeys` windows (default 10,000):
 * expired windows are dropped first, then the oldest, so a flood of distinct keys cannot exhaust memory.
 * Entries are kept in window-start order (a key is re-inserted when its window restarts), which makes
 * the oldest entry the first one and eviction O(1).
 */
export class MemoryFailedAttemptLimiter implements ClosableFailedAttemptLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly maxPerMinute: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: FailedAttemptLimiterOptions & { maxKeys?: number }) {
    this.maxPerMinute = options.maxPerMinute;
    this.maxKeys = Math.max(1, options.maxKeys ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  /** The number of keys currently held (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  async isBlocked(key: string): Promise<BlockStatus> {
    const window = this.liveWindow(key, this.now());
    if (!window || window.count < this.maxPerMinute) {
      return { blocked: false, retryAfterSeconds: 0 };
    }
    const remainingMs = window.startedAt + failedAttemptWindowMs - this.now();
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
  }

  async recordFailure(key: string): Promise<void> {
    const now = this.now();
    const window = this.liveWindow(key, now);
    if (window) {
      window.count += 1;
      return;
    }
    this.makeRoom(now);
    this.windows.set(key, { count: 1, startedAt: now });
  }

  async close(): Promise<void> {
    this.windows.clear();
  }

  private liveWindow(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && now - window.startedAt >= failedAttemptWindowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private makeRoom(now: number): void {
    for (const [key, window] of this.windows) {
      if (this.windows.size < this.maxKeys && now - window.startedAt < failedAttemptWindowMs) {
        return;
      }
      // Either expired, or the map is full and this is the oldest window.
      this.windows.delete(key);
    }
  }
}
