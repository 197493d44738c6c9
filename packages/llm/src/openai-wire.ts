import type { ChatMessage, ChatRequest, ModelFinishReason, ToolCall } from './language-model.ts';
import { toFunctionTool } from './wire-helpers.ts';

/** One `chat.completion.chunk` (only the fields we read). */
export interface OpenAiChunk {
  error?: unknown;
  choices?: {
    delta?: {
      content?: unknown;
      reasoning_content?: unknown;
      reasoning?: unknown;
      tool_calls?: { index?: unknown; id?: unknown; function?: { name?: unknown; arguments?: unknown } }[];
    };
    finish_reason?: unknown;
  }[];
  usage?: {
    prompt_tokens?: unknown;
    completion_tokens?: unknown;
    completion_tokens_details?: { reasoning_tokens?: unknown } | null;
  } | null;
}

/** Maps a neutral message to the OpenAI chat format. */
export function toOpenAiMessage(message: ChatMessage): Record<string, unknown> {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'assistant':
      return message.toolCalls && message.toolCalls.length > 0
        ? {
            role: 'assistant',
            content: message.content === '' ? null : message.content,
            tool_calls: message.toolCalls.map((call) => ({
              id: call.id,
              type: 'function',
              function: { name: call.name, arguments: call.arguments },
            })),
          }
        : { role: 'assistant', content: message.content };
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

/** The `/v1/chat/completions` request body (streaming, usage requested). `think` has no equivalent. */
export function buildOpenAiChatBody(
  request: ChatRequest,
  defaults: { temperature?: number },
): Record<string, unknown> {
  const temperature = request.temperature ?? defaults.temperature;
  return {
    model: request.model,
    messages: request.messages.map(toOpenAiMessage),
    stream: true,
    stream_options: { include_usage: true },
    ...(temperature === undefined ? {} : { temperature }),
    ...(request.tools && request.tools.length > 0 ? { tools: request.tools.map(toFunctionTool) } : {}),
  };
}

/** Maps `finish_reason`; `stop` with tool calls (some servers) counts as `tool-calls`. */
export function mapOpenAiFinishReason(reason: unknown, sawToolCalls: boolean): ModelFinishReason {
  switch (reason) {
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'stop':
    case undefined:
    case null:
      return sawToolCalls ? 'tool-calls' : 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}

interface PartialToolCall {
  id?: string;
  name: string;
  arguments: string;
}

/**
 * Assembles streamed `delta.tool_calls` by `index`: `id` and `function.name` usually arrive first,
 * `function.arguments` in many pieces, and several calls may interleave.
 */
export class ToolCallAssembler {
  private readonly calls = new Map<number, PartialToolCall>();

  /** Adds one chunk's `delta.tool_calls`. */
  add(
    deltas: NonNullable<NonNullable<NonNullable<OpenAiChunk['choices']>[number]['delta']>['tool_calls']>,
  ): void {
    for (const [position, delta] of deltas.entries()) {
      const index = typeof delta.index === 'number' ? delta.index : position;
      const call = this.calls.get(index) ?? { name: '', arguments: '' };
      if (typeof delta.id === 'string' && delta.id !== '') {
        call.id = delta.id;
      }
      if (typeof delta.function?.name === 'string') {
        call.name += delta.function.name;
      }
      if (typeof delta.function?.arguments === 'string') {
        call.arguments += delta.function.arguments;
      }
      this.calls.set(index, call);
    }
  }

  /** Whether any call has started. */
  get size(): number {
    return this.calls.size;
  }

  /** The complete calls in index order (missing ids become `call_<index>`); empties the assembler. */
  drain(): ToolCall[] {
    const result = [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({
        id: call.id ?? `call_${index}`,
        name: call.name,
        arguments: call.arguments === '' ? '{}' : call.arguments,
      }));
    this.calls.clear();
    return result;
  }
}
