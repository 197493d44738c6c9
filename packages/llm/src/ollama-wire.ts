import type { ChatMessage, ChatRequest, ModelFinishReason } from './language-model.ts';
import { toFunctionTool } from './wire-helpers.ts';

/** One message as Ollama's `/api/chat` takes it. */
export interface OllamaMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  tool_calls?: { function: { name: string; arguments: Record<string, unknown> } }[];
  tool_name?: string;
}

/** One line of Ollama's `/api/chat` stream (only the fields we read). */
export interface OllamaChatChunk {
  error?: unknown;
  message?: {
    content?: unknown;
    thinking?: unknown;
    tool_calls?: { id?: unknown; function?: { name?: unknown; arguments?: unknown } }[];
  };
  done?: unknown;
  done_reason?: unknown;
  prompt_eval_count?: unknown;
  eval_count?: unknown;
}

function parseArguments(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    // Ollama takes arguments as an object only; a model's malformed JSON cannot be sent back as is.
    return {};
  }
}

/** Maps a neutral message to Ollama's shape (tool results carry `tool_name`; arguments are objects). */
export function toOllamaMessage(message: ChatMessage): OllamaMessage {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'assistant':
      return message.toolCalls && message.toolCalls.length > 0
        ? {
            role: 'assistant',
            content: message.content,
            tool_calls: message.toolCalls.map((call) => ({
              function: { name: call.name, arguments: parseArguments(call.arguments) },
            })),
          }
        : { role: 'assistant', content: message.content };
    case 'tool':
      return { role: 'tool', content: message.content, tool_name: message.name };
  }
}

/** The `/api/chat` request body. `defaults` fill what the request leaves open. */
export function buildOllamaChatBody(
  request: ChatRequest,
  defaults: { contextSize?: number; temperature?: number },
): Record<string, unknown> {
  const options: Record<string, number> = {};
  const contextSize = request.contextSize ?? defaults.contextSize;
  const temperature = request.temperature ?? defaults.temperature;
  if (contextSize !== undefined) {
    options.num_ctx = contextSize;
  }
  if (temperature !== undefined) {
    options.temperature = temperature;
  }
  return {
    model: request.model,
    messages: request.messages.map(toOllamaMessage),
    stream: true,
    options,
    ...(request.think === undefined ? {} : { think: request.think }),
    ...(request.tools && request.tools.length > 0 ? { tools: request.tools.map(toFunctionTool) } : {}),
  };
}

/** Ollama's `done_reason`, adjusted to `tool-calls` when the response called tools. */
export function mapOllamaDoneReason(reason: unknown, sawToolCalls: boolean): ModelFinishReason {
  if (sawToolCalls) {
    return 'tool-calls';
  }
  switch (reason) {
    case 'stop':
    case undefined:
      return 'stop';
    case 'length':
      return 'length';
    default:
      return 'other';
  }
}
