import type { ChatCitationWire, ChatStreamEventWire, TokenUsageWire } from '@youworker/contracts';

/** A source the answer cites (run-end `citations`), when document retrieval provides one. */
export type Citation = ChatCitationWire;

/** Token counts of a run or step; each present only when the model server reported it. */
export type Usage = TokenUsageWire;

/** The events of stream protocol v1 (docs/stream-protocol.md), from the API contracts. */
export type ChatEvent = ChatStreamEventWire;

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
