import type { ChatStreamEventWire } from '@youworker/contracts';
import type { ChatStreamEvent } from '@youworker/core';

/**
 * The chat's events as the contracts describe them (stream protocol v1). The identity function is the
 * check: when the agent's or the chat's events change shape, this stops compiling until
 * `@youworker/contracts` (and docs/stream-protocol.md) change with them.
 */
export function toWireEvent(event: ChatStreamEvent): ChatStreamEventWire {
  return event;
}

/** {@link toWireEvent} over a whole run (the same iterable: no per-event cost). */
export function toWireEvents(events: AsyncIterable<ChatStreamEvent>): AsyncIterable<ChatStreamEventWire> {
  return events;
}
