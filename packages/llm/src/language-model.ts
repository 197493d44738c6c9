/**
 * The provider-neutral chat model interface. Types only: no runtime dependencies, so the agent loop,
 * tests and every provider share it. Providers: Ollama native (`/api/chat`) and OpenAI-compatible
 * (`/v1/chat/completions`).
 */

/** A JSON Schema object describing a tool's input. */
export type JsonSchema = Record<string, unknown>;

/** A tool the model may call. `name` matches `^[a-zA-Z0-9_-]{1,64}$`. */
export interface ToolDefinition {
  name: string;
  description: string;
  inputSchema: JsonSchema;
}

/** One tool call requested by the model. `arguments` is the raw JSON text as the model produced it. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** The conversation sent to the model. */
export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

/** Token counts as reported by the provider (missing counts are omitted, never guessed). */
export interface TokenUsage {
  promptTokens?: number;
  completionTokens?: number;
  reasoningTokens?: number;
}

/** Why the model stopped producing this response. */
export type ModelFinishReason = 'stop' | 'tool-calls' | 'length' | 'content-filter' | 'other';

/** One streamed piece of a model response. */
export type ModelStreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  /** A complete tool call (providers assemble arguments split across chunks before emitting it). */
  | { type: 'tool-call'; toolCall: ToolCall }
  | { type: 'finish'; finishReason: ModelFinishReason; usage: TokenUsage };

/** One chat request. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  /** Omit or empty: the model may not call tools. */
  tools?: ToolDefinition[];
  temperature?: number;
  /** Context window size (Ollama `num_ctx`). */
  contextSize?: number;
  /** Ask reasoning models to think (Ollama `think`); ignored where unsupported. */
  think?: boolean;
  /** Aborting it aborts the upstream HTTP request. */
  signal?: AbortSignal;
}

/** A model the provider offers. */
export interface ModelInfo {
  id: string;
  /** Extra facts when the provider reports them (size, family, context length). */
  details?: Record<string, string | number>;
}

/** A chat model provider. */
export interface LanguageModelProvider {
  /** `ollama` or `openai-compatible`. */
  readonly kind: string;
  /** Where it connects, safe to log and show (no credentials). */
  readonly baseUrl: string;
  /** Streams one response; rejects with {@link LlmError} on failure before the first part. */
  streamChat(request: ChatRequest): AsyncIterable<ModelStreamPart>;
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>;
}
