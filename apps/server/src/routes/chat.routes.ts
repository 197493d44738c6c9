import { ChatRequestSchema, ChatResponseSchema } from '@youworker/contracts';
import { ToolRunTracker, UnavailableError, type ChatService, type ChatStreamEvent } from '@youworker/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../auth/require-user.ts';
import { abortOnClientClose, writeEventStream } from '../streaming/sse.ts';
import { toWireEvents } from '../streaming/wire-events.ts';
import { errorResponses } from './error-responses.ts';

/** Collects a run's events into the non-streamed answer; a failed model call becomes a 503. */
async function collect(sessionId: string, model: string, events: AsyncIterable<ChatStreamEvent>) {
  const toolRuns = new ToolRunTracker();
  let failure: { code: string; message: string } | undefined;
  for await (const event of events) {
    toolRuns.track(event);
    if (event.type === 'error') {
      failure = { code: event.code, message: event.message };
    } else if (event.type === 'run-end') {
      if (event.finishReason === 'error' && failure) {
        throw new UnavailableError({
          code: failure.code.startsWith('LLM_') ? 'LLM_UNAVAILABLE' : failure.code,
          message: failure.message,
          details: { cause: failure.code },
        });
      }
      return {
        sessionId,
        runId: event.runId,
        model,
        text: event.text,
        finishReason: event.finishReason,
        usage: event.usage,
        toolRuns: toolRuns.list(),
        citations: event.citations,
        retrieval: event.retrieval,
      };
    }
  }
  throw new Error('the agent run ended without run-end');
}

/** `POST /v1/chat`: one chat turn, streamed (SSE) or as one JSON answer. */
export const chatRoutes: FastifyPluginAsyncZod<{ chat: ChatService; heartbeatMs: number }> = async (
  app,
  { chat, heartbeatMs },
) => {
  app.post(
    '/chat',
    {
      config: { policy: 'authenticated', rateLimitGroup: 'chat' },
      schema: {
        tags: ['chat'],
        summary: 'Chat with the agent',
        description:
          'Sends one user message; the server loads the session history, runs the agent (LLM + tools) and stores the answer. With `rag: auto` (default) the documents in `scope` the caller may see are searched first and the best chunks given to the model as numbered sources; the answer\'s `[n]` markers come back as `citations` (docs/documents.md, "Chat retrieval"). `stream: true` (default) answers with Server-Sent Events of stream protocol v1 (docs/stream-protocol.md); `stream: false` with one JSON object. A model that cannot be reached gives 503 `LLM_UNAVAILABLE` (in a stream: an `error` event, then `run-end`).',
        body: ChatRequestSchema,
        response: { 200: ChatResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const cancel = abortOnClientClose(reply);
      const { stream, ...input } = request.body;
      const run = await chat.start(actor, input, cancel.signal);
      if (stream) {
        await writeEventStream(reply, toWireEvents(run.events), {
          heartbeatMs,
          headers: { 'x-youworker-session-id': run.session.id, 'x-correlation-id': request.id },
        });
        return reply;
      }
      return collect(run.session.id, run.model, run.events);
    },
  );
};
