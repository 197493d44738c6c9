import type { ChatMessage, ModelFinishReason, TokenUsage } from '@youworker/llm';

/** Version of the event stream protocol below (sent by the server as `x-youworker-stream: v1`). */
export const AGENT_STREAM_PROTOCOL_VERSION = 'v1';

/** Why a run ended. */
export type AgentFinishReason = 'stop' | 'step-limit' | 'timeout' | 'token-budget' | 'cancelled' | 'error';

/** Stable codes of tool failures, as reported in `tool-error` events and fed back to the model. */
export type ToolErrorCode =
  | 'TOOL_NOT_FOUND'
  | 'TOOL_INPUT_INVALID'
  | 'TOOL_EXECUTION_FAILED'
  | 'TOOL_REPORTED_ERROR'
  | 'TOOL_TIMEOUT'
  | 'TOOL_CANCELLED';

/** A source the answer cites. Placeholder: shaped by the retrieval work; always empty for now. */
export type AgentCitation = Record<string, unknown>;

/** The run started. */
export interface RunStartEvent {
  type: 'run-start';
  sequence: number;
  runId: string;
  model: string;
  /** ISO 8601. */
  startedAt: string;
}

/** A piece of the model's visible text in step `step` (1-based). */
export interface TextDeltaEvent {
  type: 'text-delta';
  sequence: number;
  step: number;
  text: string;
}

/** A piece of the model's reasoning ("thinking") in step `step`. */
export interface ReasoningDeltaEvent {
  type: 'reasoning-delta';
  sequence: number;
  step: number;
  text: string;
}

/** The model asked for a tool call. `input` is the parsed JSON, or the raw text when it is invalid. */
export interface ToolCallEvent {
  type: 'tool-call';
  sequence: number;
  step: number;
  toolCallId: string;
  toolName: string;
  input: unknown;
}

/** A tool call succeeded; `output` is what the model reads. */
export interface ToolResultEvent {
  type: 'tool-result';
  sequence: number;
  step: number;
  toolCallId: string;
  toolName: string;
  output: string;
  durationMs: number;
  structured?: unknown;
}

/** A tool call failed (the model is told `Error: <code>: <message>`). */
export interface ToolErrorEvent {
  type: 'tool-error';
  sequence: number;
  step: number;
  toolCallId: string;
  toolName: string;
  error: { code: ToolErrorCode; message: string };
  durationMs: number;
}

/** A model call and its tool calls are done. */
export interface StepEndEvent {
  type: 'step-end';
  sequence: number;
  step: number;
  finishReason: ModelFinishReason;
  usage: TokenUsage;
}

/** The outcome of a run: the `run-end` event's fields and `runAgent`'s return value. */
export interface AgentRunResult {
  runId: string;
  finishReason: AgentFinishReason;
  /** Summed over the steps; a count no step reported stays undefined. */
  usage: TokenUsage;
  /** The answer: the text of the last model call (preambles of tool steps are not included). */
  text: string;
  citations: AgentCitation[];
  /** Model calls made. */
  steps: number;
  /**
   * The messages this run added after the input messages, ready to persist and to send with the
   * next turn: assistant messages (with `toolCalls`) and one tool message per call, in call order.
   */
  messages: ChatMessage[];
}

/** The run ended; always the last event. */
export type RunEndEvent = { type: 'run-end'; sequence: number } & AgentRunResult;

/** The run failed (model server unreachable, registry failed…); a `run-end` with `error` follows. */
export interface ErrorEvent {
  type: 'error';
  sequence: number;
  code: string;
  message: string;
  retryable: boolean;
}

/** Every event of stream protocol v1. `sequence` starts at 0 and increases by one per event. */
export type AgentEvent =
  | RunStartEvent
  | TextDeltaEvent
  | ReasoningDeltaEvent
  | ToolCallEvent
  | ToolResultEvent
  | ToolErrorEvent
  | StepEndEvent
  | RunEndEvent
  | ErrorEvent;

/** The `type` of any event. */
export type AgentEventType = AgentEvent['type'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the engine numbers it. */
export type AgentEventBody = DistributiveOmit<AgentEvent, 'sequence'>;
