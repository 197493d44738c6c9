import type { AggregatedResponse, ScriptedToolCall } from './script.ts';

/** What a format needs to know when it finishes a stream. */
export interface StreamState {
  model: string;
  usage: AggregatedResponse['usage'] | undefined;
  finishReason: string | undefined;
  sawToolCalls: boolean;
  /** Whether the request asked for usage (OpenAI `stream_options.include_usage`). */
  includeUsage: boolean;
}

/** How one wire format renders scripted steps; each method returns the frames to write, in order. */
export interface WireFormat {
  contentType: string;
  /** Frames before the first output frame (OpenAI: the `role` chunk). */
  start(state: StreamState): string[];
  text(state: StreamState, text: string): string[];
  reasoning(state: StreamState, text: string): string[];
  toolCalls(
    state: StreamState,
    calls: ScriptedToolCall[],
    argumentChunks: number,
    interleave: boolean,
  ): string[];
  streamError(state: StreamState, message: string): string[];
  end(state: StreamState): string[];
  /** The `stream: false` answer. */
  complete(model: string, response: AggregatedResponse): unknown;
  /** The JSON body of an HTTP error. */
  errorBody(status: number, message: string): unknown;
}

/** Splits `text` into `pieces` parts of near-equal length (some may be empty for short text). */
export function splitText(text: string, pieces: number): string[] {
  const count = Math.max(1, pieces);
  const size = Math.ceil(text.length / count);
  return Array.from({ length: count }, (_, index) => text.slice(index * size, (index + 1) * size));
}
