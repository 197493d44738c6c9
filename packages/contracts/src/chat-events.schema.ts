import { z } from 'zod';
import { ChatCitationSchema, TokenUsageSchema } from './chat.schema.ts';
import { ChatRetrievalSchema } from './chat-run.schema.ts';

/**
 * The events of stream protocol v1 (docs/stream-protocol.md) as clients receive them, over SSE and
 * WebSocket alike. The server's events are checked against these at compile time (apps/server) and
 * every streamed event is validated with them in the medium tier; the web UI takes its event types
 * from here.
 */
const base = { sequence: z.number().int() };
const inStep = { ...base, step: z.number().int() };
const toolCall = { toolCallId: z.string(), toolName: z.string() };

export const RunStartEventSchema = z.object({
  type: z.literal('run-start'),
  ...base,
  runId: z.string(),
  model: z.string(),
  startedAt: z.string(),
  sessionId: z.uuid(),
});

export const TextDeltaEventSchema = z.object({ type: z.literal('text-delta'), ...inStep, text: z.string() });

export const ReasoningDeltaEventSchema = z.object({
  type: z.literal('reasoning-delta'),
  ...inStep,
  text: z.string(),
});

export const ToolCallEventSchema = z.object({
  type: z.literal('tool-call'),
  ...inStep,
  ...toolCall,
  input: z.unknown(),
});

export const ToolResultEventSchema = z.object({
  type: z.literal('tool-result'),
  ...inStep,
  ...toolCall,
  output: z.string(),
  durationMs: z.number(),
  structured: z.unknown().optional(),
});

export const ToolErrorEventSchema = z.object({
  type: z.literal('tool-error'),
  ...inStep,
  ...toolCall,
  error: z.object({
    code: z.enum([
      'TOOL_NOT_FOUND',
      'TOOL_INPUT_INVALID',
      'TOOL_EXECUTION_FAILED',
      'TOOL_REPORTED_ERROR',
      'TOOL_TIMEOUT',
      'TOOL_CANCELLED',
    ]),
    message: z.string(),
  }),
  durationMs: z.number(),
});

export const StepEndEventSchema = z.object({
  type: z.literal('step-end'),
  ...inStep,
  finishReason: z.enum(['stop', 'tool-calls', 'length', 'content-filter', 'other']),
  usage: TokenUsageSchema,
});

export const ErrorEventSchema = z.object({
  type: z.literal('error'),
  ...base,
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
});

export const RunEndEventSchema = z.object({
  type: z.literal('run-end'),
  ...base,
  runId: z.string(),
  finishReason: z.enum(['stop', 'step-limit', 'timeout', 'token-budget', 'cancelled', 'error']),
  usage: TokenUsageSchema,
  text: z.string(),
  citations: z.array(ChatCitationSchema),
  retrieval: ChatRetrievalSchema,
  steps: z.number().int(),
});

export const ChatStreamEventSchema = z.discriminatedUnion('type', [
  RunStartEventSchema,
  TextDeltaEventSchema,
  ReasoningDeltaEventSchema,
  ToolCallEventSchema,
  ToolResultEventSchema,
  ToolErrorEventSchema,
  StepEndEventSchema,
  ErrorEventSchema,
  RunEndEventSchema,
]);

/** One event of stream protocol v1. */
export type ChatStreamEventWire = z.infer<typeof ChatStreamEventSchema>;
/** A cited source on `run-end`. */
export type ChatCitationWire = z.infer<typeof ChatCitationSchema>;
/** Token counts of a step or run. */
export type TokenUsageWire = z.infer<typeof TokenUsageSchema>;
