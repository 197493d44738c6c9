import type { TokenUsage } from '@youworker/llm';
import { totalTokens } from './token-usage.ts';

/** What a stop condition sees after each step. */
export interface AgentRunState {
  /** Model calls completed so far. */
  stepCount: number;
  /** Usage summed over those calls. */
  usage: TokenUsage;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}

/** A predicate over the run state: true means "stop now". */
export type StopCondition = (state: AgentRunState) => boolean;

/** Stop once `count` steps have run. */
export function stepCountIs(count: number): StopCondition {
  return (state) => state.stepCount >= count;
}

/** Stop once prompt + completion tokens reach `maxTokens`; `0` (or less) never stops. */
export function tokenBudgetExceeded(maxTokens: number): StopCondition {
  return (state) => maxTokens > 0 && totalTokens(state.usage) >= maxTokens;
}

/** Stop once `milliseconds` have passed since the run started; `0` (or less) never stops. */
export function timeElapsed(milliseconds: number): StopCondition {
  return (state) => milliseconds > 0 && state.elapsedMs >= milliseconds;
}

/** True when any of `conditions` holds. */
export function isStopConditionMet(conditions: readonly StopCondition[], state: AgentRunState): boolean {
  return conditions.some((condition) => condition(state));
}
