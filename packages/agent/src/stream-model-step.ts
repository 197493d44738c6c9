import type {
  ChatRequest,
  LanguageModelProvider,
  ModelFinishReason,
  TokenUsage,
  ToolCall,
} from '@youworker/llm';
import { AbortedError, raceAbort } from './abort-utilities.ts';
import type { AgentEvent, AgentEventBody } from './agent-events.ts';
import { parseToolInput } from './execute-tool-calls.ts';

/** What one model call produced. */
export interface ModelStepOutcome {
  text: string;
  toolCalls: ToolCall[];
  /** `other` when the stream ended without a `finish` part. */
  finishReason: ModelFinishReason;
  usage: TokenUsage;
}

/** Options of {@link streamModelStep}. */
export interface StreamModelStepOptions {
  provider: LanguageModelProvider;
  request: ChatRequest & { signal: AbortSignal };
  step: number;
  /** False for the final answer at the step limit: stray tool calls are ignored. */
  acceptToolCalls: boolean;
  /** Numbers an event (the engine's sequence counter). */
  number: (body: AgentEventBody) => AgentEvent;
  /** Filled as parts arrive, so the caller keeps the partial text when the step is aborted. */
  outcome: ModelStepOutcome;
}

/** An empty {@link ModelStepOutcome} to pass to {@link streamModelStep}. */
export function createModelStepOutcome(): ModelStepOutcome {
  return { text: '', toolCalls: [], finishReason: 'other', usage: {} };
}

/**
 * Runs one model call: yields `text-delta`, `reasoning-delta` and `tool-call` events as parts arrive
 * and fills `options.outcome` with the step's text, tool calls, finish reason and usage. Each read races the request's
 * signal, so an abort ends the step at once (with `AbortedError`) even if the provider ignores it;
 * provider failures (`LlmError`) are thrown as they are.
 */
export async function* streamModelStep(options: StreamModelStepOptions): AsyncGenerator<AgentEvent, void> {
  const { step, request, outcome, number } = options;
  const seenIds = new Set<string>();
  if (request.signal.aborted) {
    throw new AbortedError(request.signal.reason);
  }
  const iterator = options.provider.streamChat(request)[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      const result = await raceAbort(iterator.next(), request.signal);
      if (result.done === true) {
        done = true;
        break;
      }
      const part = result.value;
      switch (part.type) {
        case 'text-delta':
          outcome.text += part.text;
          yield number({ type: 'text-delta', step, text: part.text });
          break;
        case 'reasoning-delta':
          yield number({ type: 'reasoning-delta', step, text: part.text });
          break;
        case 'tool-call': {
          if (!options.acceptToolCalls) {
            break;
          }
          const toolCall = withUniqueId(part.toolCall, seenIds, step, outcome.toolCalls.length);
          outcome.toolCalls.push(toolCall);
          const input = parseToolInput(toolCall.arguments);
          yield number({
            type: 'tool-call',
            step,
            toolCallId: toolCall.id,
            toolName: toolCall.name,
            input: input.ok ? input.value : toolCall.arguments,
          });
          break;
        }
        case 'finish':
          outcome.finishReason = part.finishReason;
          outcome.usage = part.usage;
          break;
      }
    }
  } finally {
    if (!done) {
      // Stop the upstream stream without waiting for it: it may be stuck on a dead connection.
      void iterator.return?.().catch(() => undefined);
    }
  }
}

/** Tool messages are matched by id, so an empty or repeated id gets a unique one. */
function withUniqueId(toolCall: ToolCall, seenIds: Set<string>, step: number, index: number): ToolCall {
  let id = toolCall.id;
  if (id === '' || seenIds.has(id)) {
    id = `call_${step}_${index}`;
  }
  seenIds.add(id);
  return id === toolCall.id ? toolCall : { ...toolCall, id };
}
