import type { FastifyReply } from 'fastify';

/** Headers of every event stream (docs/stream-protocol.md). */
export const sseHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-youworker-stream': 'v1',
} as const;

/**
 * Writes `events` as Server-Sent Events (`data: <json>\n\n` frames) with a heartbeat comment every
 * `heartbeatMs`, taking the response over from Fastify. Writing stops when the client goes away, but
 * the events are consumed to the end, so the producer finishes its work (and stores a cancelled
 * answer) after the cancellation it was given.
 */
export async function writeEventStream(
  reply: FastifyReply,
  events: AsyncIterable<unknown>,
  options: { heartbeatMs: number; headers?: Record<string, string> },
): Promise<void> {
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    ...sseHeaders,
    ...options.headers,
  });
  const writable = () => !raw.destroyed && !raw.writableEnded;
  const heartbeat = setInterval(() => {
    if (writable()) {
      raw.write(': heartbeat\n\n');
    }
  }, options.heartbeatMs);
  try {
    for await (const event of events) {
      if (writable()) {
        raw.write(`data: ${JSON.stringify(event)}\n\n`);
      }
    }
  } finally {
    clearInterval(heartbeat);
    if (writable()) {
      raw.end();
    }
  }
}

/** An AbortController aborted when the client closes the connection before the response ended. */
export function abortOnClientClose(reply: FastifyReply): AbortController {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableEnded) {
      controller.abort(new Error('client disconnected'));
    }
  });
  return controller;
}
