import {
  type ChatMessage,
  type ChatRequest,
  type LanguageModelProvider,
  LlmError,
  type ModelInfo,
  type ModelStreamPart,
  type TokenUsage,
  type ToolCall,
  type ToolDefinition,
} from '@youworker/llm';

/** One scripted response of {@link MockLanguageModel}. */
export interface MockResponse {
  /** Parts streamed in order. */
  parts?: ModelStreamPart[];
  /** Thrown before the first part (like a provider failing to connect). */
  error?: Error;
  /** Wait this long before each part (honouring the signal unless `ignoreAbort`). */
  partDelayMs?: number;
  /** After the parts, never finish: wait for the signal (or forever when `ignoreAbort`). */
  hang?: boolean;
  /** Behave like a provider that ignores its AbortSignal. */
  ignoreAbort?: boolean;
}

/** What one `streamChat` call received. */
export interface MockLanguageModelCall {
  request: ChatRequest;
  messages: ChatMessage[];
  tools: ToolDefinition[] | undefined;
  signal: AbortSignal | undefined;
}

/**
 * A {@link LanguageModelProvider} for tests: implements the real interface, records every call
 * (a copy of the messages, the tools, the signal) and replays one scripted response per call. A call
 * beyond the script fails the test with an error. An aborted signal ends the stream with
 * `LlmError('LLM_ABORTED')`, as real providers do.
 */
export class MockLanguageModel implements LanguageModelProvider {
  readonly kind = 'mock';
  readonly baseUrl = 'mock://language-model';
  readonly calls: MockLanguageModelCall[] = [];

  constructor(private readonly responses: MockResponse[]) {}

  streamChat(request: ChatRequest): AsyncIterable<ModelStreamPart> {
    this.calls.push({
      request,
      messages: structuredClone(request.messages),
      tools: request.tools,
      signal: request.signal,
    });
    const response = this.responses[this.calls.length - 1];
    if (response === undefined) {
      throw new Error(`MockLanguageModel: no scripted response for call ${this.calls.length}`);
    }
    return replay(response, request.signal);
  }

  async listModels(): Promise<ModelInfo[]> {
    return [{ id: 'mock-model' }];
  }
}

async function* replay(
  response: MockResponse,
  signal: AbortSignal | undefined,
): AsyncGenerator<ModelStreamPart> {
  const watched = response.ignoreAbort === true ? undefined : signal;
  if (response.error !== undefined) {
    throw response.error;
  }
  for (const part of response.parts ?? []) {
    if (response.partDelayMs !== undefined) {
      await sleep(response.partDelayMs, watched);
    }
    throwIfAborted(watched);
    yield part;
  }
  if (response.hang === true) {
    await sleep(Number.POSITIVE_INFINITY, watched);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new LlmError('LLM_ABORTED', 'The request was aborted.');
  }
}

/** Resolves after `milliseconds` (never when infinite); rejects with LLM_ABORTED when `signal` aborts. */
export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = Number.isFinite(milliseconds) ? setTimeout(done, milliseconds) : undefined;
    function done(): void {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort(): void {
      clearTimeout(timer);
      reject(new LlmError('LLM_ABORTED', 'The request was aborted.'));
    }
    if (signal?.aborted === true) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A response that streams `text` (split in words) and stops. */
export function textResponse(text: string, usage: TokenUsage = {}): MockResponse {
  const words = text.split(/(?<= )/);
  return {
    parts: [
      ...words.map((word): ModelStreamPart => ({ type: 'text-delta', text: word })),
      { type: 'finish', finishReason: 'stop', usage },
    ],
  };
}

/** A response that requests `toolCalls` (after an optional preamble text). */
export function toolCallsResponse(toolCalls: ToolCall[], usage: TokenUsage = {}, text = ''): MockResponse {
  return {
    parts: [
      ...(text === '' ? [] : [{ type: 'text-delta' as const, text }]),
      ...toolCalls.map((toolCall): ModelStreamPart => ({ type: 'tool-call', toolCall })),
      { type: 'finish', finishReason: 'tool-calls', usage },
    ],
  };
}

/** A tool call with JSON-encoded `input`. */
export function toolCall(id: string, name: string, input: unknown = {}): ToolCall {
  return { id, name, arguments: JSON.stringify(input) };
}
