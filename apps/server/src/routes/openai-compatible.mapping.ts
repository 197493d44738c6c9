import type { OpenAiChatCompletionRequest, OpenAiMessage, OpenAiUsage } from '@youworker/contracts';
import { ValidationError, type ChatStreamEvent } from '@youworker/core';
import type { ChatMessage, TokenUsage } from '@youworker/llm';

/** What the OpenAI-compatible route hands to `ChatService`: the client's history and its new message. */
export interface OpenAiTurn {
  history: ChatMessage[];
  message: string;
}

/** A run's events reduced to what an OpenAI answer carries. */
export type CompletionPiece =
  | { type: 'start'; id: string }
  | { type: 'content'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'failure'; code: string; message: string }
  | { type: 'end'; finishReason: 'stop' | 'length'; usage: OpenAiUsage };

function invalid(code: string, message: string, param: string): ValidationError {
  return new ValidationError({ code, message, details: { param } });
}

function textOf(content: OpenAiMessage['content'], param: string): string {
  if (content === null || content === undefined) {
    return '';
  }
  if (typeof content === 'string') {
    return content;
  }
  return content
    .map((part, index) => {
      if (part.type !== 'text' || typeof part.text !== 'string') {
        throw invalid(
          'UNSUPPORTED_CONTENT',
          `Only text content parts are supported; got "${part.type}"`,
          `${param}[${index}]`,
        );
      }
      return part.text;
    })
    .join('\n');
}

function toChatMessage(message: OpenAiMessage, index: number, toolNames: Map<string, string>): ChatMessage {
  const content = textOf(message.content, `messages[${index}].content`);
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content };
    case 'user':
      return { role: 'user', content };
    case 'assistant': {
      const toolCalls = (message.tool_calls ?? []).map((call) => {
        toolNames.set(call.id, call.function.name);
        return { id: call.id, name: call.function.name, arguments: call.function.arguments };
      });
      return toolCalls.length ? { role: 'assistant', content, toolCalls } : { role: 'assistant', content };
    }
    case 'tool': {
      const toolCallId = message.tool_call_id;
      if (toolCallId === undefined) {
        throw invalid(
          'VALIDATION_FAILED',
          'A tool message needs tool_call_id',
          `messages[${index}].tool_call_id`,
        );
      }
      return { role: 'tool', toolCallId, name: toolNames.get(toolCallId) ?? message.name ?? 'tool', content };
    }
  }
}

/**
 * Checks what YouWorker cannot honour (client-side tools, `n` > 1, non-text content) and splits the
 * client's messages into the history and the new user message (the last message).
 */
export function toTurn(body: OpenAiChatCompletionRequest): OpenAiTurn {
  if (body.tools && body.tools.length > 0) {
    throw invalid(
      'TOOLS_NOT_SUPPORTED',
      'Client-side tools are not supported: YouWorker runs its own server-side tools; send the request without `tools`',
      'tools',
    );
  }
  const choice = body.tool_choice;
  if (choice !== undefined && choice !== null && choice !== 'none' && choice !== 'auto') {
    throw invalid('TOOLS_NOT_SUPPORTED', 'Only tool_choice "none" or "auto" is supported', 'tool_choice');
  }
  if (body.n !== undefined && body.n !== null && body.n !== 1) {
    throw invalid('N_NOT_SUPPORTED', 'Only n = 1 is supported', 'n');
  }
  const last = body.messages.at(-1);
  const lastIndex = body.messages.length - 1;
  if (last?.role !== 'user') {
    throw invalid(
      'LAST_MESSAGE_NOT_USER',
      'The last message must have role "user"',
      `messages[${lastIndex}].role`,
    );
  }
  const message = textOf(last.content, `messages[${lastIndex}].content`);
  if (message.trim() === '') {
    throw invalid('EMPTY_MESSAGE', 'The last user message is empty', `messages[${lastIndex}].content`);
  }
  const toolNames = new Map<string, string>();
  const history = body.messages.slice(0, -1).map((entry, index) => toChatMessage(entry, index, toolNames));
  return { history, message };
}

/** Token counts in OpenAI's shape; counts the model server did not report are 0. */
export function toOpenAiUsage(usage: TokenUsage): OpenAiUsage {
  const prompt = usage.promptTokens ?? 0;
  const completion = usage.completionTokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(usage.reasoningTokens === undefined
      ? {}
      : { completion_tokens_details: { reasoning_tokens: usage.reasoningTokens } }),
  };
}

/**
 * Reduces a run's events: text of every step (steps separated by a blank line, so a preamble before a
 * tool call stays readable), reasoning, the failure of a failed run, and the end with the mapped finish
 * reason (`token-budget` and `timeout` → `length`, everything else → `stop`). Tool activity stays
 * server-side. The events are consumed to the end, so the run finishes its work.
 */
export async function* completionPieces(
  events: AsyncIterable<ChatStreamEvent>,
): AsyncGenerator<CompletionPiece> {
  let textStep: number | undefined;
  let failure: { code: string; message: string } | undefined;
  for await (const event of events) {
    switch (event.type) {
      case 'run-start':
        yield { type: 'start', id: `chatcmpl-${event.runId}` };
        break;
      case 'text-delta':
        if (event.text === '') {
          break;
        }
        if (textStep !== undefined && textStep !== event.step) {
          yield { type: 'content', text: '\n\n' };
        }
        textStep = event.step;
        yield { type: 'content', text: event.text };
        break;
      case 'reasoning-delta':
        yield { type: 'reasoning', text: event.text };
        break;
      case 'error':
        failure = { code: event.code, message: event.message };
        break;
      case 'run-end':
        if (event.finishReason === 'error') {
          yield failure
            ? { type: 'failure', ...failure }
            : { type: 'failure', code: 'AGENT_ERROR', message: 'The agent run failed' };
        } else {
          const length = event.finishReason === 'token-budget' || event.finishReason === 'timeout';
          yield { type: 'end', finishReason: length ? 'length' : 'stop', usage: toOpenAiUsage(event.usage) };
        }
        break;
      case 'tool-call':
      case 'tool-result':
      case 'tool-error':
      case 'step-end':
        // Tools run server-side; their activity is not part of an OpenAI answer.
        break;
    }
  }
}

const typeByStatus: Record<number, string> = {
  401: 'authentication_error',
  403: 'permission_error',
  404: 'invalid_request_error',
  429: 'rate_limit_error',
};

/** OpenAI's error object for a status and one of our codes (`param` from validation details). */
export function openAiError(
  status: number,
  code: string,
  message: string,
  body?: { error: { details?: unknown } },
): { error: { message: string; type: string; param: string | null; code: string } } {
  const details = body?.error.details as { param?: unknown; issues?: { path: string }[] } | undefined;
  const param =
    typeof details?.param === 'string' ? details.param : (details?.issues?.[0]?.path ?? null) || null;
  const type = typeByStatus[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
  return { error: { message, type, param, code: code.toLowerCase() } };
}
