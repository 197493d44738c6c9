import { describe, expect, it } from 'vitest';
import { computeBackoffMs, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS } from './backoff.ts';

const lowest = { random: () => 0 };
const highest = { random: () => 0.999_999 };

describe(computeBackoffMs.name, () => {
  it('should start at half to all of the 2 s base after the first attempt', () => {
    expect(computeBackoffMs(1, lowest)).toBe(DEFAULT_BACKOFF_BASE_MS / 2);
    expect(computeBackoffMs(1, highest)).toBe(DEFAULT_BACKOFF_BASE_MS);
  });

  it('should double the ceiling with each attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => computeBackoffMs(attempt, highest))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000,
    ]);
    expect([1, 2, 3, 4, 5].map((attempt) => computeBackoffMs(attempt, lowest))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('should never exceed the 5 min cap, even after very many attempts', () => {
    expect(computeBackoffMs(9, highest)).toBe(DEFAULT_BACKOFF_CAP_MS);
    expect(computeBackoffMs(50, highest)).toBe(DEFAULT_BACKOFF_CAP_MS);
    expect(computeBackoffMs(5_000, highest)).toBe(DEFAULT_BACKOFF_CAP_MS);
    expect(computeBackoffMs(5_000, lowest)).toBe(DEFAULT_BACKOFF_CAP_MS / 2);
  });

  it('should spread delays uniformly between half the ceiling and the ceiling', () => {
    expect(computeBackoffMs(3, { random: () => 0.5 })).toBe(6_000);
    for (let draw = 0; draw < 200; draw += 1) {
      const delay = computeBackoffMs(4);
      expect(delay).toBeGreaterThanOrEqual(8_000);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });

  it('should honour a custom base and cap', () => {
    expect(computeBackoffMs(1, { baseMs: 10, capMs: 50, random: () => 0.999_999 })).toBe(10);
    expect(computeBackoffMs(4, { baseMs: 10, capMs: 50, random: () => 0.999_999 })).toBe(50);
  });

  it('should treat an attempt below 1 as the first', () => {
    expect(computeBackoffMs(0, highest)).toBe(DEFAULT_BACKOFF_BASE_MS);
    expect(computeBackoffMs(-3, lowest)).toBe(DEFAULT_BACKOFF_BASE_MS / 2);
  });
});
