import {
  AdminUserCreatedSchema,
  AdminUserCreateSchema,
  AdminUserPatchSchema,
  AuditListSchema,
  AuditQuerySchema,
  IdParamsSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from '@youworker/contracts';
import type { ApiKeyService, AuditService, UserService } from '@youworker/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../auth/require-user.ts';
import { presentApiKey, presentAuditEvent, presentUser } from '../presenters/identity.presenter.ts';
import { cursorPosition, encodeCursor, pageOf } from '../presenters/pagination.ts';
import { errorResponses } from './error-responses.ts';

/** `/v1/admin`: user administration and the audit log (platform admins only). */
export const adminRoutes: FastifyPluginAsyncZod<{
  users: UserService;
  apiKeys: ApiKeyService;
  audit: AuditService;
}> = async (app, { users, apiKeys, audit }) => {
  const config = { policy: 'admin' as const };
  const tags = ['admin'];

  app.get(
    '/admin/users',
    {
      config,
      schema: {
        tags,
        summary: 'List users',
        description:
          'Users by creation time; `search` matches username, display name and email. Cursor pagination.',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, search } = request.query;
      const position = cursorPosition(cursor);
      // One more than asked tells whether another page exists.
      const found = await users.list({
        search,
        limit: limit + 1,
        after: position && { createdAt: position.at, id: position.id },
      });
      return pageOf(found, limit, {
        present: presentUser,
        cursorOf: (user) => encodeCursor(user.createdAt, user.id),
      });
    },
  );

  app.post(
    '/admin/users',
    {
      config,
      schema: {
        tags,
        summary: 'Create a user',
        description: 'Creates a local user, optionally with a first API key whose secret is returned once.',
        body: AdminUserCreateSchema,
        response: { 201: AdminUserCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const { createApiKey, ...fields } = request.body;
      const user = await users.create(actor, fields);
      const created = createApiKey
        ? await apiKeys.create(actor, user.id, { name: 'initial key' })
        : undefined;
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send({
        user: presentUser(user),
        ...(created ? { apiKey: { apiKey: presentApiKey(created.key), secret: created.secret } } : {}),
      });
    },
  );

  app.patch(
    '/admin/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Update a user',
        description:
          'Changes role, status, display name or email. Disabling ends the user’s sessions at once; the last active admin cannot be demoted or disabled.',
        params: IdParamsSchema,
        body: AdminUserPatchSchema,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentUser(await users.updateByAdmin(requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/admin/audit',
    {
      config,
      schema: {
        tags,
        summary: 'Audit log',
        description:
          'Security and administration events, newest first; filter by actor, action and time. Cursor pagination.',
        querystring: AuditQuerySchema,
        response: { 200: AuditListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const query = request.query;
      const items = await audit.list({
        actorUserId: query.actorUserId,
        action: query.action,
        from: query.from === undefined ? undefined : new Date(query.from),
        to: query.to === undefined ? undefined : new Date(query.to),
        beforeId: query.cursor,
        limit: query.limit + 1,
      });
      return pageOf(items, query.limit, { present: presentAuditEvent, cursorOf: (event) => event.id });
    },
  );
};
