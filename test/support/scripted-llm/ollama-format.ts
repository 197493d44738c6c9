import { argumentsObject } from './script.ts';
import type { StreamState, WireFormat } from './wire-format.ts';

function line(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

function chunk(state: StreamState, message: Record<string, unknown>): string {
  return line({
    model: state.model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: '', ...message },
    done: false,
  });
}

/** Ollama `/api/chat`: NDJSON lines; a final line with `done: true` and the counters. */
export const ollamaFormat: WireFormat = {
  contentType: 'application/x-ndjson',
  start: () => [],
  text: (state, text) => [chunk(state, { content: text })],
  reasoning: (state, text) => [chunk(state, { thinking: text })],
  toolCalls: (state, calls) => [
    chunk(state, {
      tool_calls: calls.map((call) => ({ function: { name: call.name, arguments: argumentsObject(call) } })),
    }),
  ],
  streamError: (_state, message) => [line({ error: message })],
  end: (state) => [
    line({
      model: state.model,
      created_at: new Date().toISOString(),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: state.finishReason ?? 'stop',
      total_duration: 1_234_567,
      load_duration: 12_345,
      prompt_eval_count: state.usage?.promptTokens ?? 1,
      prompt_eval_duration: 23_456,
      eval_count: state.usage?.completionTokens ?? 1,
      eval_duration: 34_567,
    }),
  ],
  complete: (model, response) => ({
    model,
    created_at: new Date().toISOString(),
    message: {
      role: 'assistant',
      content: response.text,
      ...(response.reasoning ? { thinking: response.reasoning } : {}),
      ...(response.toolCalls.length > 0
        ? {
            tool_calls: response.toolCalls.map((call) => ({
              function: { name: call.name, arguments: argumentsObject(call) },
            })),
          }
        : {}),
    },
    done: true,
    done_reason: response.finishReason ?? 'stop',
    total_duration: 1_234_567,
    prompt_eval_count: response.usage.promptTokens,
    eval_count: response.usage.completionTokens,
  }),
  errorBody: (_status, message) => ({ error: message }),
};
