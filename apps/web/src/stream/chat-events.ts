/** A source the answer cites (run-end `citations`), when document retrieval provides one. */
export interface Citation {
  n: number;
  documentId: string;
  documentTitle: string;
  page?: number | null;
  chunkId?: string | null;
  snippet?: string;
}

/** Token counts of a run or step; each present only when the model server reported it. */
export interface Usage {
  promptTokens?: number;
  completionTokens?: number;
  reasoningTokens?: number;
}

/** The events of stream protocol v1 (docs/stream-protocol.md), as the UI uses them. */
export type ChatEvent =
  | {
      type: 'run-start';
      sequence: number;
      runId: string;
      model: string;
      startedAt: string;
      sessionId?: string;
    }
  | { type: 'reasoning-delta'; sequence: number; step: number; text: string }
  | { type: 'text-delta'; sequence: number; step: number; text: string }
  | {
      type: 'tool-call';
      sequence: number;
      step: number;
      toolCallId: string;
      toolName: string;
      input: unknown;
    }
  | {
      type: 'tool-result';
      sequence: number;
      step: number;
      toolCallId: string;
      toolName: string;
      output: string;
      durationMs: number;
    }
  | {
      type: 'tool-error';
      sequence: number;
      step: number;
      toolCallId: string;
      toolName: string;
      error: { code: string; message: string };
      durationMs: number;
    }
  | { type: 'step-end'; sequence: number; step: number; finishReason: string; usage: Usage }
  | { type: 'error'; sequence: number; code: string; message: string; retryable: boolean }
  | {
      type: 'run-end';
      sequence: number;
      runId: string;
      finishReason: string;
      usage: Usage;
      text: string;
      citations?: Citation[];
      steps: number;
    };

const knownTypes = new Set<ChatEvent['type']>([
  'run-start',
  'reasoning-delta',
  'text-delta',
  'tool-call',
  'tool-result',
  'tool-error',
  'step-end',
  'error',
  'run-end',
]);

/**
 * Parses one event's `data`. Returns undefined for text that is not JSON or not an event of this
 * protocol version (a newer server may add event types: they are ignored, never fatal).
 */
export function parseChatEvent(data: string): ChatEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || !('type' in value)) {
    return undefined;
  }
  const type = value.type;
  if (typeof type !== 'string' || !knownTypes.has(type as ChatEvent['type'])) {
    return undefined;
  }
  return value as ChatEvent;
}
