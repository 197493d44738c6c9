import type { ChatMessage, LanguageModelProvider } from '@youworker/llm';
import type { AgentRunResult, ToolErrorEvent, ToolResultEvent } from './agent-events.ts';
import type { ToolCaller, ToolRegistry } from './tool-registry.ts';

/** Limits of one run (from `AGENT_*` configuration). */
export interface AgentLimits {
  /** Model calls with tools; then one more call without tools gives the answer (`step-limit`). */
  maxSteps: number;
  /** Total run time; `0`: none. */
  timeoutMs: number;
  /** Per tool call; `0`: none. */
  toolTimeoutMs: number;
  /** Tool calls of one step running at once. */
  toolConcurrency: number;
  /** Prompt + completion tokens over all steps; `0` or undefined: unlimited. */
  maxTokens?: number;
}

/**
 * Lifecycle callbacks, awaited in order with the events. An error thrown by `onStepStart` or
 * `onToolExecutionEnd` ends the run with an `error` event (`AGENT_UNEXPECTED_ERROR`); one thrown by
 * `onEnd` propagates to the consumer.
 */
export interface AgentCallbacks {
  /** Before each model call, with the messages it will get. */
  onStepStart?: (event: {
    runId: string;
    step: number;
    messages: readonly ChatMessage[];
    toolsEnabled: boolean;
  }) => void | Promise<void>;
  /** After each tool call, with its `tool-result` or `tool-error` event. */
  onToolExecutionEnd?: (event: ToolResultEvent | ToolErrorEvent) => void | Promise<void>;
  /** Once, just before the `run-end` event. */
  onEnd?: (result: AgentRunResult) => void | Promise<void>;
}

/** Options of `runAgent`. */
export interface RunAgentOptions {
  provider: LanguageModelProvider;
  model: string;
  /** The conversation so far (system prompt, history, the new user message). Not mutated. */
  messages: readonly ChatMessage[];
  /** Undefined: the model gets no tools. */
  tools: ToolRegistry | undefined;
  limits: AgentLimits;
  /** The user this run acts for; handed to the registry and to every tool call. */
  caller?: ToolCaller;
  /** The client's cancellation: aborting it aborts the model call and tools (`cancelled`). */
  signal?: AbortSignal;
  temperature?: number;
  contextSize?: number;
  think?: boolean;
  callbacks?: AgentCallbacks;
  /** Test seams: the clock (epoch milliseconds) and the run id generator. */
  _internal?: { now?: () => number; generateId?: () => string };
}

/**
 * Appended (as a user message: several chat templates reject a system message after the first) to
 * the final call at the step limit. Not part of the run's `messages`.
 */
export const FINAL_ANSWER_INSTRUCTION =
  'Tool budget exhausted: answer now with what you have. Do not call any tools.';
