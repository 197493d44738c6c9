import { randomUUID } from 'node:crypto';
import { argumentsJson, type ScriptedToolCall } from './script.ts';
import { splitText, type StreamState, type WireFormat } from './wire-format.ts';

const completionId = `chatcmpl-${randomUUID().slice(0, 8)}`;

function event(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

function chunk(
  state: StreamState,
  delta: Record<string, unknown>,
  finishReason: string | null = null,
): string {
  return event({
    id: completionId,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: state.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
}

function callId(call: ScriptedToolCall, index: number): string {
  return call.id ?? `call_${index}_${randomUUID().slice(0, 6)}`;
}

function toolCallFrames(
  state: StreamState,
  calls: ScriptedToolCall[],
  argumentChunks: number,
  interleave: boolean,
): string[] {
  const heads = calls.map((call, index) =>
    chunk(state, {
      tool_calls: [
        { index, id: callId(call, index), type: 'function', function: { name: call.name, arguments: '' } },
      ],
    }),
  );
  const pieces = calls.map((call, index) =>
    splitText(argumentsJson(call), argumentChunks).map((piece) =>
      chunk(state, { tool_calls: [{ index, function: { arguments: piece } }] }),
    ),
  );
  if (!interleave) {
    return calls.flatMap((_, index) => [heads[index] ?? '', ...(pieces[index] ?? [])]);
  }
  const frames = [...heads];
  for (let round = 0; round < argumentChunks; round += 1) {
    for (const list of pieces) {
      const frame = list[round];
      if (frame !== undefined) {
        frames.push(frame);
      }
    }
  }
  return frames;
}

/** OpenAI `/v1/chat/completions`: SSE `chat.completion.chunk` events, a usage chunk, `[DONE]`. */
export const openAiFormat: WireFormat = {
  contentType: 'text/event-stream',
  start: (state) => [chunk(state, { role: 'assistant', content: '' })],
  text: (state, text) => [chunk(state, { content: text })],
  reasoning: (state, text) => [chunk(state, { reasoning_content: text })],
  toolCalls: toolCallFrames,
  streamError: (_state, message) => [
    event({ error: { message, type: 'server_error', param: null, code: 500 } }),
    'data: [DONE]\n\n',
  ],
  end: (state) => {
    const reason = state.finishReason ?? (state.sawToolCalls ? 'tool_calls' : 'stop');
    const frames = [chunk(state, {}, reason)];
    if (state.includeUsage) {
      const usage = state.usage ?? { promptTokens: 1, completionTokens: 1 };
      frames.push(
        event({
          id: completionId,
          object: 'chat.completion.chunk',
          created: Math.floor(Date.now() / 1000),
          model: state.model,
          choices: [],
          usage: {
            prompt_tokens: usage.promptTokens,
            completion_tokens: usage.completionTokens,
            total_tokens: usage.promptTokens + usage.completionTokens,
            ...(usage.reasoningTokens === undefined
              ? {}
              : { completion_tokens_details: { reasoning_tokens: usage.reasoningTokens } }),
          },
        }),
      );
    }
    frames.push('data: [DONE]\n\n');
    return frames;
  },
  complete: (model, response) => ({
    id: completionId,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: response.text === '' && response.toolCalls.length > 0 ? null : response.text,
          ...(response.reasoning ? { reasoning_content: response.reasoning } : {}),
          ...(response.toolCalls.length > 0
            ? {
                tool_calls: response.toolCalls.map((call, index) => ({
                  id: callId(call, index),
                  type: 'function',
                  function: { name: call.name, arguments: argumentsJson(call) },
                })),
              }
            : {}),
        },
        finish_reason: response.finishReason ?? (response.toolCalls.length > 0 ? 'tool_calls' : 'stop'),
      },
    ],
    usage: {
      prompt_tokens: response.usage.promptTokens,
      completion_tokens: response.usage.completionTokens,
      total_tokens: response.usage.promptTokens + response.usage.completionTokens,
    },
  }),
  errorBody: (status, message) => ({
    error: {
      message,
      type: status >= 500 ? 'server_error' : 'invalid_request_error',
      param: null,
      code: status === 404 ? 'model_not_found' : null,
    },
  }),
};
