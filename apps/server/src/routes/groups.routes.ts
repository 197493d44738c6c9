import {
  DocumentListQuerySchema,
  DocumentListSchema,
  GroupAdminListQuerySchema,
  GroupCreateSchema,
  GroupListSchema,
  GroupMemberAddSchema,
  GroupMemberListSchema,
  GroupMemberParamsSchema,
  GroupMemberPatchSchema,
  GroupMemberSchema,
  GroupPatchSchema,
  GroupSchema,
  IdParamsSchema,
  UserLookupQuerySchema,
  UserLookupSchema,
} from '@youworker/contracts';
import type { GroupService } from '@youworker/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/require-user.ts';
import { presentDocument } from '../presenters/document.presenter.ts';
import { presentGroup, presentMember } from '../presenters/group.presenter.ts';
import { cursorPosition, encodeCursor, pageOf } from '../presenters/pagination.ts';
import { errorResponses } from './error-responses.ts';

const notMember = 'Someone who is not a member (nor a platform admin) gets 404, as for a missing group.';

/** `/v1/groups`: team sharing. `/v1/users/lookup` finds a user to add; `/v1/admin/groups` lists all. */
export const groupsRoutes: FastifyPluginAsyncZod<{ groups: GroupService }> = async (app, { groups }) => {
  const config = { policy: 'authenticated' as const };
  const tags = ['groups'];

  app.post(
    '/groups',
    {
      config,
      schema: {
        tags,
        summary: 'Create a group',
        description: 'You become its admin. Names are unique case-insensitively (409 `GROUP_NAME_TAKEN`).',
        body: GroupCreateSchema,
        response: { 201: GroupSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentGroup(await groups.create(requireUser(request), request.body))),
  );

  app.get(
    '/groups/me',
    {
      config,
      schema: {
        tags,
        summary: 'My groups',
        description: 'The groups you are in, with their member counts and your role.',
        response: { 200: GroupListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: (await groups.listMine(requireUser(request))).map(presentGroup) }),
  );

  app.get(
    '/groups/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A group',
        description: notMember,
        params: IdParamsSchema,
        response: { 200: GroupSchema, ...errorResponses },
      },
    },
    async (request) => presentGroup(await groups.get(requireUser(request), request.params.id)),
  );

  app.put(
    '/groups/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename or describe a group',
        description: `Group admins and platform admins; other members get 403 \`GROUP_ADMIN_REQUIRED\`. ${notMember}`,
        params: IdParamsSchema,
        body: GroupPatchSchema,
        response: { 200: GroupSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentGroup(await groups.update(requireUser(request), request.params.id, request.body)),
  );

  app.delete(
    '/groups/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a group',
        description:
          'Group admins and platform admins. Its documents stay with their owners, out of any group. Audited.',
        params: IdParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await groups.delete(requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/groups/:id/members',
    {
      config,
      schema: {
        tags,
        summary: 'Members of a group',
        description: notMember,
        params: IdParamsSchema,
        response: { 200: GroupMemberListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await groups.listMembers(requireUser(request), request.params.id)).map(presentMember),
    }),
  );

  app.post(
    '/groups/:id/members',
    {
      config,
      schema: {
        tags,
        summary: 'Add a member',
        description:
          'Group admins and platform admins. 404 `USER_NOT_FOUND` for an unknown user, 409 `ALREADY_MEMBER` when they are in already.',
        params: IdParamsSchema,
        body: GroupMemberAddSchema,
        response: { 201: GroupMemberSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentMember(await groups.addMember(requireUser(request), request.params.id, request.body))),
  );

  app.put(
    '/groups/:id/members/:userId',
    {
      config,
      schema: {
        tags,
        summary: "Change a member's role",
        description: 'Group admins and platform admins. Demoting the last admin is 409 `LAST_ADMIN`.',
        params: GroupMemberParamsSchema,
        body: GroupMemberPatchSchema,
        response: { 200: GroupMemberSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentMember(
        await groups.changeRole(
          requireUser(request),
          request.params.id,
          request.params.userId,
          request.body.role,
        ),
      ),
  );

  app.delete(
    '/groups/:id/members/:userId',
    {
      config,
      schema: {
        tags,
        summary: 'Remove a member, or leave',
        description:
          'Your own user id: you leave the group (any member). Someone else: group admins and platform admins. The last admin cannot leave or be removed (409 `LAST_ADMIN`).',
        params: GroupMemberParamsSchema,
        response: { 204: z.null().describe('Removed'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await groups.removeMember(requireUser(request), request.params.id, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/groups/:id/documents',
    {
      config,
      schema: {
        tags,
        summary: 'Documents of a group',
        description: `The group's documents you may read (private ones only if they are yours). ${notMember}`,
        params: IdParamsSchema,
        querystring: DocumentListQuerySchema.omit({ groupId: true }),
        response: { 200: DocumentListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, search, tags: tagFilter, status } = request.query;
      const position = cursorPosition(cursor);
      const found = await groups.listDocuments(requireUser(request), request.params.id, {
        limit: limit + 1,
        ...(search ? { search } : {}),
        ...(tagFilter?.length ? { tags: tagFilter } : {}),
        ...(status ? { status } : {}),
        ...(position ? { before: { createdAt: position.at, id: position.id } } : {}),
      });
      return pageOf(found, limit, {
        present: presentDocument,
        cursorOf: (document) => encodeCursor(document.createdAt, document.id),
      });
    },
  );

  app.get(
    '/users/lookup',
    {
      config,
      schema: {
        tags,
        summary: 'Find a user to add to a group',
        description:
          'Exact username or email, case-insensitive; public facts only. No partial matches, so it cannot list users. 404 `USER_NOT_FOUND` otherwise.',
        querystring: UserLookupQuerySchema,
        response: { 200: UserLookupSchema, ...errorResponses },
      },
    },
    async (request) => groups.lookupUser(request.query.q),
  );

  app.get(
    '/admin/groups',
    {
      config: { policy: 'admin' as const },
      schema: {
        tags: ['admin', 'groups'],
        summary: 'Every group',
        description:
          'Platform admins: all groups with member counts, by name. Managing a group gives no access to its documents.',
        querystring: GroupAdminListQuerySchema,
        response: { 200: GroupListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await groups.listAll(requireUser(request), request.query)).map(presentGroup),
    }),
  );
};
