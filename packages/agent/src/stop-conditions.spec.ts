import { describe, expect, it } from 'vitest';
import { isStopConditionMet, stepCountIs, timeElapsed, tokenBudgetExceeded } from './stop-conditions.ts';
import { addUsage, totalTokens } from './token-usage.ts';

const state = { stepCount: 3, usage: { promptTokens: 80, completionTokens: 20 }, elapsedMs: 1_000 };

describe('stop conditions', () => {
  it('should stop at the step count', () => {
    expect(stepCountIs(3)(state)).toBe(true);
    expect(stepCountIs(4)(state)).toBe(false);
  });

  it('should stop when the token budget is reached, never when it is 0', () => {
    expect(tokenBudgetExceeded(100)(state)).toBe(true);
    expect(tokenBudgetExceeded(101)(state)).toBe(false);
    expect(tokenBudgetExceeded(0)(state)).toBe(false);
  });

  it('should stop when the time has elapsed', () => {
    expect(timeElapsed(1_000)(state)).toBe(true);
    expect(timeElapsed(1_001)(state)).toBe(false);
  });

  it('should compose conditions with "any"', () => {
    expect(isStopConditionMet([stepCountIs(10), timeElapsed(500)], state)).toBe(true);
    expect(isStopConditionMet([stepCountIs(10)], state)).toBe(false);
    expect(isStopConditionMet([], state)).toBe(false);
  });
});

describe('addUsage', () => {
  it('should add counts and keep missing ones missing', () => {
    expect(addUsage({ promptTokens: 1 }, { promptTokens: 2, completionTokens: 3 })).toEqual({
      promptTokens: 3,
      completionTokens: 3,
    });
    expect(addUsage({}, {})).toEqual({});
    expect(totalTokens({ promptTokens: 2, completionTokens: 3, reasoningTokens: 9 })).toBe(5);
  });
});
