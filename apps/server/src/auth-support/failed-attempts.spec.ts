import { describe, expect, it } from 'vitest';
import { MemoryFailedAttemptLimiter } from './failed-attempts.ts';

function fakeClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe(MemoryFailedAttemptLimiter.name, () => {
  describe('isBlocked', () => {
    it('should not block a key that never failed', async () => {
      const limiter = new MemoryFailedAttemptLimiter({ maxPerMinute: 3 });
      expect(await limiter.isBlocked('ip:10.0.0.1')).toEqual({ blocked: false, retryAfterSeconds: 0 });
    });

    it('should block a key after maxPerMinute failures until its window ends', async () => {
      const clock = fakeClock();
      const limiter = new MemoryFailedAttemptLimiter({ maxPerMinute: 3, now: clock.now });
      await limiter.recordFailure('ip:10.0.0.1');
      await limiter.recordFailure('ip:10.0.0.1');
      expect((await limiter.isBlocked('ip:10.0.0.1')).blocked).toBe(false);
      clock.advance(15_000);
      await limiter.recordFailure('ip:10.0.0.1');
      expect(await limiter.isBlocked('ip:10.0.0.1')).toEqual({ blocked: true, retryAfterSeconds: 45 });
      clock.advance(44_500);
      expect(await limiter.isBlocked('ip:10.0.0.1')).toEqual({ blocked: true, retryAfterSeconds: 1 });
      clock.advance(500);
      expect(await limiter.isBlocked('ip:10.0.0.1')).toEqual({ blocked: false, retryAfterSeconds: 0 });
    });

    it('should count each key on its own', async () => {
      const limiter = new MemoryFailedAttemptLimiter({ maxPerMinute: 1 });
      await limiter.recordFailure('ip:10.0.0.1');
      expect((await limiter.isBlocked('ip:10.0.0.1')).blocked).toBe(true);
      expect((await limiter.isBlocked('ip:10.0.0.2')).blocked).toBe(false);
    });
  });

  describe('recordFailure', () => {
    it('should open a fresh window after the previous one expired', async () => {
      const clock = fakeClock();
      const limiter = new MemoryFailedAttemptLimiter({ maxPerMinute: 2, now: clock.now });
      await limiter.recordFailure('k');
      await limiter.recordFailure('k');
      clock.advance(60_000);
      await limiter.recordFailure('k');
      expect((await limiter.isBlocked('k')).blocked).toBe(false);
      await limiter.recordFailure('k');
      expect(await limiter.isBlocked('k')).toEqual({ blocked: true, retryAfterSeconds: 60 });
    });

    it('should hold at most maxKeys keys, evicting expired windows first, then the oldest', async () => {
      const clock = fakeClock();
      const limiter = new MemoryFailedAttemptLimiter({ maxPerMinute: 1, maxKeys: 3, now: clock.now });
      await limiter.recordFailure('expired');
      clock.advance(60_000);
      await limiter.recordFailure('a');
      expect(limiter.size).toBe(1);

      clock.advance(1_000);
      await limiter.recordFailure('b');
      await limiter.recordFailure('c');
      expect(limiter.size).toBe(3);

      // 'a', 'b', 'c' are live and the map is full: the oldest of them makes room.
      await limiter.recordFailure('d');
      expect(limiter.size).toBe(3);
      expect((await limiter.isBlocked('a')).blocked).toBe(false);
      for (const key of ['b', 'c', 'd']) {
        expect((await limiter.isBlocked(key)).blocked, key).toBe(true);
      }
    });

    it('should stay bounded under a flood of distinct keys', async () => {
      const limiter = new MemoryFailedAttemptLimiter({ maxPerMinute: 5, maxKeys: 100 });
      for (let index = 0; index < 10_000; index += 1) {
        await limiter.recordFailure(`ip:attacker-${index}`);
      }
      expect(limiter.size).toBe(100);
    });
  });

  it('should forget everything on close', async () => {
    const limiter = new MemoryFailedAttemptLimiter({ maxPerMinute: 1 });
    await limiter.recordFailure('k');
    await limiter.close();
    expect(limiter.size).toBe(0);
  });
});
