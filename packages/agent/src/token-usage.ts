import type { TokenUsage } from '@youworker/llm';

const usageKeys = ['promptTokens', 'completionTokens', 'reasoningTokens'] as const;

/** Adds two usages; a count missing from both stays missing (never guessed as 0). */
export function addUsage(left: TokenUsage, right: TokenUsage): TokenUsage {
  const sum: TokenUsage = {};
  for (const key of usageKeys) {
    const a = left[key];
    const b = right[key];
    if (a !== undefined || b !== undefined) {
      sum[key] = (a ?? 0) + (b ?? 0);
    }
  }
  return sum;
}

/** Prompt plus completion tokens (reasoning tokens are part of the completion count). */
export function totalTokens(usage: TokenUsage): number {
  return (usage.promptTokens ?? 0) + (usage.completionTokens ?? 0);
}
