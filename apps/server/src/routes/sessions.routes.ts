import {
  ChatSessionDetailSchema,
  ChatSessionListSchema,
  ChatSessionSchema,
  HistoryDeletedSchema,
  IdParamsSchema,
  SessionListQuerySchema,
  SessionPatchSchema,
} from '@youworker/contracts';
import type { ChatSessionService } from '@youworker/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/require-user.ts';
import { presentMessage, presentSession } from '../presenters/chat.presenter.ts';
import { cursorPosition, encodeCursor, pageOf } from '../presenters/pagination.ts';
import { errorResponses } from './error-responses.ts';

/** `/v1/sessions` and `DELETE /v1/account/history`: the caller's chat sessions. */
export const sessionsRoutes: FastifyPluginAsyncZod<{ chatSessions: ChatSessionService }> = async (
  app,
  { chatSessions },
) => {
  const config = { policy: 'authenticated' as const };
  const tags = ['chat'];

  app.get(
    '/sessions',
    {
      config,
      schema: {
        tags,
        summary: 'List my chat sessions',
        description: 'Most recently active first; `search` matches titles. Cursor pagination.',
        querystring: SessionListQuerySchema,
        response: { 200: ChatSessionListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, search } = request.query;
      const position = cursorPosition(cursor);
      // One more than asked tells whether another page exists.
      const found = await chatSessions.list(requireUser(request), {
        search,
        limit: limit + 1,
        before: position && { updatedAt: position.at, id: position.id },
      });
      return pageOf(found, limit, {
        present: presentSession,
        cursorOf: (session) => encodeCursor(session.updatedAt, session.id),
      });
    },
  );

  app.get(
    '/sessions/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A chat session with its messages',
        description: 'Messages oldest first, decrypted, each with its tool runs and token usage.',
        params: IdParamsSchema,
        response: { 200: ChatSessionDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const session = await chatSessions.getSession(actor, request.params.id);
      const messages = await chatSessions.getMessages(actor, session.id);
      return { session: presentSession(session), messages: messages.map(presentMessage) };
    },
  );

  app.patch(
    '/sessions/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename or pin a chat session',
        description: 'Changes the title or the pinned flag.',
        params: IdParamsSchema,
        body: SessionPatchSchema,
        response: { 200: ChatSessionSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentSession(await chatSessions.update(requireUser(request), request.params.id, request.body)),
  );

  app.delete(
    '/sessions/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a chat session',
        description: 'Deletes the session, its messages and tool runs.',
        params: IdParamsSchema,
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await chatSessions.delete(requireUser(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/account/history',
    {
      config,
      schema: {
        tags,
        summary: 'Delete my whole chat history',
        description: 'Deletes every chat session of the caller; returns how many sessions and messages went.',
        response: { 200: HistoryDeletedSchema, ...errorResponses },
      },
    },
    async (request) => chatSessions.deleteHistory(requireUser(request)),
  );
};
