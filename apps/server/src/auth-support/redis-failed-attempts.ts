import type { Redis } from 'ioredis';
import { closeRedisClient } from '../redis-client.ts';
import {
  failedAttemptWindowMs,
  type BlockStatus,
  type ClosableFailedAttemptLimiter,
  type FailedAttemptLimiterOptions,
} from './failed-attempts.ts';

/** Options of {@link RedisFailedAttemptLimiter}. */
export interface RedisFailedAttemptLimiterOptions extends FailedAttemptLimiterOptions {
  redis: Redis;
  /** Prefix of every key this limiter writes. Default `youworker:failed-attempts:`. */
  keyPrefix?: string;
  /**
   * Called when Redis fails. The limiter then fails open (not blocked, failure not counted) so that a
   * Redis outage does not lock everybody out; default: ignore.
   */
  onError?: (error: unknown) => void;
  /** Closes the Redis client on {@link RedisFailedAttemptLimiter.close} (default true). */
  ownsClient?: boolean;
}

/**
 * A failed-attempt limiter in Redis, shared by every server instance. One key per attempt key,
 * created with a one-minute expiry on the first failure and incremented atomically (one MULTI), so
 * the window is fixed and its remaining TTL is the retry-after.
 */
export class RedisFailedAttemptLimiter implements ClosableFailedAttemptLimiter {
  private readonly redis: Redis;
  private readonly maxPerMinute: number;
  private readonly keyPrefix: string;
  private readonly onError: (error: unknown) => void;
  private readonly ownsClient: boolean;

  constructor(options: RedisFailedAttemptLimiterOptions) {
    this.redis = options.redis;
    this.maxPerMinute = options.maxPerMinute;
    this.keyPrefix = options.keyPrefix ?? 'youworker:failed-attempts:';
    this.onError = options.onError ?? (() => undefined);
    this.ownsClient = options.ownsClient ?? true;
  }

  async isBlocked(key: string): Promise<BlockStatus> {
    try {
      const results = await this.redis
        .multi()
        .get(this.keyPrefix + key)
        .pttl(this.keyPrefix + key)
        .exec();
      const count = Number(resultAt(results, 0) ?? 0);
      const ttlMs = Number(resultAt(results, 1));
      if (count < this.maxPerMinute) {
        return { blocked: false, retryAfterSeconds: 0 };
      }
      const remainingMs = ttlMs > 0 ? ttlMs : failedAttemptWindowMs;
      return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
    } catch (error) {
      this.onError(error);
      return { blocked: false, retryAfterSeconds: 0 };
    }
  }

  async recordFailure(key: string): Promise<void> {
    const redisKey = this.keyPrefix + key;
    try {
      // SET … NX PX opens the window on the first failure; INCR keeps the TTL. (PEXPIRE … NX would do
      // the same but needs Redis 7; this works on every version.)
      const results = await this.redis
        .multi()
        .set(redisKey, 0, 'PX', failedAttemptWindowMs, 'NX')
        .incr(redisKey)
        .pttl(redisKey)
        .exec();
      if (Number(resultAt(results, 2)) === -1) {
        // The window expired between SET and INCR and INCR recreated the key without a TTL: give it one,
        // or the key would stay blocked for ever.
        await this.redis.pexpire(redisKey, failedAttemptWindowMs);
      }
    } catch (error) {
      this.onError(error);
    }
  }

  async close(): Promise<void> {
    if (!this.ownsClient) {
      return;
    }
    await closeRedisClient(this.redis);
  }
}

/** The reply of command `index` of a MULTI; throws the command's own error. */
function resultAt(results: [error: Error | null, result: unknown][] | null, index: number): unknown {
  if (!results) {
    throw new Error('Redis transaction was aborted');
  }
  const entry = results[index];
  if (!entry) {
    throw new Error(`Redis transaction returned no reply ${index}`);
  }
  if (entry[0]) {
    throw entry[0];
  }
  return entry[1];
}
