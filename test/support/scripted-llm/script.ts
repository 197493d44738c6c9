/** One tool call a script makes the model emit. `arguments` is JSON text or an object. */
export interface ScriptedToolCall {
  /** OpenAI wire only (Ollama calls carry no id); default `call_<random>`. */
  id?: string;
  name: string;
  arguments: string | Record<string, unknown>;
}

/** One step of a scripted streamed response. */
export type ScriptStep =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  /**
   * Tool calls. Ollama: one line with every call whole (arguments as objects). OpenAI: a first
   * chunk per call (`index`, `id`, `function.name`), then the arguments split into `argumentChunks`
   * pieces (default 1), interleaved across calls when `interleave` is true.
   */
  | { type: 'tool-calls'; calls: ScriptedToolCall[]; argumentChunks?: number; interleave?: boolean }
  /** Usage reported at the end (Ollama final line; OpenAI usage chunk). */
  | { type: 'usage'; promptTokens: number; completionTokens: number; reasoningTokens?: number }
  /** The wire finish reason (`stop`, `length`, `tool_calls`…); default `stop`, or `tool_calls` after tool calls. */
  | { type: 'finish'; reason: string }
  | { type: 'delay'; ms: number }
  /** Stop sending until the client disconnects (before any output: the headers are not sent either). */
  | { type: 'hang' }
  /** Destroy the socket now (mid-stream connection loss). */
  | { type: 'drop' }
  /** An error object inside the stream (Ollama `{"error"}` line; OpenAI `data: {"error":{…}}`), then end. */
  | { type: 'stream-error'; message: string };

/** A scripted answer to one request: an HTTP error, or a 200 built from steps. */
export type ScriptedResponse =
  | {
      kind: 'error';
      status: number;
      message: string;
      headers?: Record<string, string>;
    }
  | {
      kind: 'steps';
      steps: ScriptStep[];
      /** Write every frame in slices of this many bytes (1 ms apart), to split UTF-8 chars and lines. */
      sliceBytes?: number;
    };

/** A plain text answer, optionally preceded by reasoning, with usage. */
export function textAnswer(
  text: string,
  options: { reasoning?: string; usage?: { promptTokens: number; completionTokens: number } } = {},
): ScriptedResponse {
  const steps: ScriptStep[] = [];
  if (options.reasoning !== undefined) {
    steps.push({ type: 'reasoning', text: options.reasoning });
  }
  steps.push({ type: 'text', text });
  if (options.usage) {
    steps.push({ type: 'usage', ...options.usage });
  }
  return { kind: 'steps', steps };
}

/** An answer that calls tools (and optionally says something first). */
export function toolCallAnswer(
  calls: ScriptedToolCall[],
  options: { text?: string; argumentChunks?: number; interleave?: boolean } = {},
): ScriptedResponse {
  const steps: ScriptStep[] = options.text === undefined ? [] : [{ type: 'text', text: options.text }];
  steps.push({
    type: 'tool-calls',
    calls,
    argumentChunks: options.argumentChunks,
    interleave: options.interleave,
  });
  return { kind: 'steps', steps };
}

/** An HTTP error answer in the endpoint's own error shape. */
export function errorResponse(
  status: number,
  message: string,
  headers?: Record<string, string>,
): ScriptedResponse {
  return { kind: 'error', status, message, headers };
}

/** A response made of explicit steps. */
export function steps(...list: ScriptStep[]): ScriptedResponse {
  return { kind: 'steps', steps: list };
}

/** The parts of a script folded into one message (for `stream: false` answers). */
export interface AggregatedResponse {
  text: string;
  reasoning: string;
  toolCalls: ScriptedToolCall[];
  usage: { promptTokens: number; completionTokens: number; reasoningTokens?: number };
  finishReason: string | undefined;
}

/** Folds the steps of a script into one message. */
export function aggregate(list: ScriptStep[]): AggregatedResponse {
  const result: AggregatedResponse = {
    text: '',
    reasoning: '',
    toolCalls: [],
    usage: { promptTokens: 0, completionTokens: 0 },
    finishReason: undefined,
  };
  for (const step of list) {
    if (step.type === 'text') {
      result.text += step.text;
    } else if (step.type === 'reasoning') {
      result.reasoning += step.text;
    } else if (step.type === 'tool-calls') {
      result.toolCalls.push(...step.calls);
    } else if (step.type === 'usage') {
      result.usage = {
        promptTokens: step.promptTokens,
        completionTokens: step.completionTokens,
        reasoningTokens: step.reasoningTokens,
      };
    } else if (step.type === 'finish') {
      result.finishReason = step.reason;
    }
  }
  return result;
}

/** `arguments` as JSON text. */
export function argumentsJson(call: ScriptedToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}

/** `arguments` as an object (Ollama's form). */
export function argumentsObject(call: ScriptedToolCall): Record<string, unknown> {
  return typeof call.arguments === 'string'
    ? (JSON.parse(call.arguments) as Record<string, unknown>)
    : call.arguments;
}
