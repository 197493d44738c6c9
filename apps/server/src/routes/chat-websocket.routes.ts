import type { WebSocket } from '@fastify/websocket';
import type { AppConfig } from '@youworker/config';
import { ChatRequestSchema } from '@youworker/contracts';
import { ForbiddenError, YouWorkerError, type ChatService } from '@youworker/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../auth/require-user.ts';
import { toWireEvent } from '../streaming/wire-events.ts';

const ClientMessageSchema = z.discriminatedUnion('type', [
  ChatRequestSchema.omit({ stream: true }).extend({ type: z.literal('send') }),
  z.object({ type: z.literal('cancel') }),
]);

/** Whether the browser origin of a WebSocket handshake may open it: its own origin or a CORS origin. */
export function isAllowedOrigin(request: FastifyRequest, corsOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) {
    // Not a browser: API clients authenticate with a key and are not subject to cross-site attacks.
    return true;
  }
  const host = request.headers.host;
  return (
    corsOrigins.includes(origin) ||
    (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`))
  );
}

function send(socket: WebSocket, payload: unknown): void {
  if (socket.readyState === socket.OPEN) {
    socket.send(JSON.stringify(payload));
  }
}

function errorFrame(error: unknown): { type: 'error'; code: string; message: string; retryable: boolean } {
  if (YouWorkerError.isInstance(error)) {
    return { type: 'error', code: error.code, message: error.message, retryable: error.isRetryable };
  }
  return { type: 'error', code: 'INTERNAL_ERROR', message: 'An internal error occurred', retryable: false };
}

/**
 * `GET /v1/chat/ws`: the chat over a WebSocket. The handshake is authenticated like any request
 * (session cookie or API key) and its `Origin` must be the server's own or a configured CORS origin.
 * Client frames: `{"type":"send", message, sessionId?, model?, tools?, rag?, scope?}` and `{"type":"cancel"}`; server
 * frames: the stream protocol v1 events. One run at a time per socket; closing the socket cancels it.
 */
export const chatWebSocketRoutes: FastifyPluginAsync<{ chat: ChatService; config: AppConfig }> = async (
  app,
  { chat, config },
) => {
  app.addHook('onRequest', async (request) => {
    if (!isAllowedOrigin(request, config.CORS_ORIGINS)) {
      throw new ForbiddenError({
        code: 'ORIGIN_NOT_ALLOWED',
        message: 'This origin may not open the chat socket',
      });
    }
  });

  app.get(
    '/chat/ws',
    {
      websocket: true,
      config: { policy: 'authenticated' },
      schema: {
        tags: ['chat'],
        summary: 'Chat over WebSocket',
        description:
          'Upgrade to a WebSocket. Send `{"type":"send","message":"…"}` (optional `sessionId`, `model`, `tools`, `rag`, `scope`) or `{"type":"cancel"}`; receive stream protocol v1 events (docs/stream-protocol.md).',
        hide: true,
      },
    },
    (socket, request) => {
      const actor = requireUser(request);
      let running: AbortController | undefined;

      const runTurn = async (input: z.infer<typeof ClientMessageSchema> & { type: 'send' }) => {
        const controller = new AbortController();
        running = controller;
        try {
          const { type: _type, ...chatInput } = input;
          const run = await chat.start(actor, chatInput, controller.signal);
          for await (const event of run.events) {
            send(socket, toWireEvent(event));
          }
        } catch (error) {
          request.log.info({ code: (error as { code?: unknown }).code }, 'chat socket turn refused');
          send(socket, errorFrame(error));
        } finally {
          running = undefined;
        }
      };

      socket.on('message', (data: Buffer) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(data.toString('utf8'));
        } catch {
          send(socket, {
            type: 'error',
            code: 'INVALID_JSON',
            message: 'Frames must be JSON',
            retryable: false,
          });
          return;
        }
        const message = ClientMessageSchema.safeParse(parsed);
        if (!message.success) {
          send(socket, {
            type: 'error',
            code: 'VALIDATION_FAILED',
            message: message.error.issues
              .map((issue) => `${issue.path.join('.') || 'frame'}: ${issue.message}`)
              .join('; '),
            retryable: false,
          });
          return;
        }
        if (message.data.type === 'cancel') {
          running?.abort(new Error('cancelled by the client'));
          return;
        }
        if (running) {
          send(socket, {
            type: 'error',
            code: 'RUN_IN_PROGRESS',
            message: 'Wait for run-end or send cancel first',
            retryable: true,
          });
          return;
        }
        void runTurn(message.data);
      });
      socket.on('close', () => {
        running?.abort(new Error('socket closed'));
      });
    },
  );
};
