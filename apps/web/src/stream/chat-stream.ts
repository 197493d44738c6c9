import { csrfHeaders } from '../api/csrf';
import { toApiError } from '../api/errors';
import type { components } from '../api/schema';
import { parseChatEvent, type ChatEvent } from './chat-events';
import { SseReader } from './sse';

/** The body of `POST /v1/chat`, from openapi.json. */
export type ChatRequest = components['schemas']['ChatRequestInput'];

/**
 * Sends one chat turn and calls `onEvent` for each stream event as it arrives. Aborting `signal`
 * closes the connection, which cancels the run on the server. Errors before the stream starts are
 * thrown as ApiError (the JSON envelope); the returned promise settles when the stream ends.
 */
export async function streamChat(
  request: ChatRequest,
  onEvent: (event: ChatEvent) => void,
  signal: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<{ sessionId: string | null }> {
  const response = await fetchImpl('/v1/chat', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...csrfHeaders('POST') },
    body: JSON.stringify({ ...request, stream: true }),
    signal,
  });
  if (!response.ok || response.body === null) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body);
  }
  const sessionId = response.headers.get('x-youworker-session-id');
  const reader = new SseReader();
  const decoder = new TextDecoder();
  const deliver = (frames: string[]) => {
    for (const frame of frames) {
      const event = parseChatEvent(frame);
      if (event !== undefined) {
        onEvent(event);
      }
    }
  };
  const body = response.body.getReader();
  for (;;) {
    const { done, value } = await body.read();
    if (done) {
      break;
    }
    deliver(reader.push(decoder.decode(value, { stream: true })));
  }
  deliver(reader.push(decoder.decode()));
  deliver(reader.end());
  return { sessionId };
}
