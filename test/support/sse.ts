import { ChatStreamEventSchema } from '@youworker/contracts';

/** Reads a Server-Sent Events body into its `data:` JSON payloads (heartbeat comments skipped). */
export function parseSse(body: string): Record<string, unknown>[] {
  return body
    .split('\n\n')
    .map((frame) => frame.trim())
    .filter((frame) => frame.startsWith('data: '))
    .map((frame) => JSON.parse(frame.slice('data: '.length)) as Record<string, unknown>);
}

/**
 * Reads a chat stream (stream protocol v1): every event must match its contract
 * (`ChatStreamEventSchema`), or the test fails naming the event.
 */
export function parseChatSse(body: string): Record<string, unknown>[] {
  return parseSse(body).map((event) => checkChatEvent(event));
}

/** One chat stream event checked against its contract (SSE or WebSocket). */
export function checkChatEvent(event: unknown): Record<string, unknown> {
  const checked = ChatStreamEventSchema.safeParse(event);
  if (!checked.success) {
    throw new Error(
      `stream event does not match the contract: ${JSON.stringify(event)}\n${checked.error.message}`,
    );
  }
  return event as Record<string, unknown>;
}
