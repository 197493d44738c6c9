import {
  AccountDeleteSchema,
  ApiKeyCreateSchema,
  ApiKeyListSchema,
  ApiKeySchema,
  CreatedApiKeySchema,
  IdParamsSchema,
  ProfilePatchSchema,
  UserSchema,
} from '@youworker/contracts';
import { Readable } from 'node:stream';
import type { ApiKeyService, UserService } from '@youworker/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/require-user.ts';
import { cookieNames } from '../auth/route-policy.ts';
import { presentApiKey, presentUser } from '../presenters/identity.presenter.ts';
import { errorResponses } from './error-responses.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `/v1/account`: the caller's own profile, API keys, export and deletion. */
export const accountRoutes: FastifyPluginAsyncZod<{ users: UserService; apiKeys: ApiKeyService }> = async (
  app,
  { users, apiKeys },
) => {
  const config = { policy: 'authenticated' as const };
  const tags = ['account'];

  app.get(
    '/account',
    {
      config,
      schema: {
        tags,
        summary: 'My profile',
        description: 'The caller’s user record.',
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => presentUser(await users.get(requireUser(request).userId)),
  );

  app.patch(
    '/account',
    {
      config,
      schema: {
        tags,
        summary: 'Update my profile',
        description: 'Changes the display name or email. Unicode is kept; control characters are removed.',
        body: ProfilePatchSchema,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => presentUser(await users.updateProfile(requireUser(request), request.body)),
  );

  app.get(
    '/account/api-keys',
    {
      config,
      schema: {
        tags,
        summary: 'My API keys',
        description: 'Metadata of every key of the caller, newest first.',
        response: { 200: ApiKeyListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: (await apiKeys.list(requireUser(request).userId)).map(presentApiKey) }),
  );

  app.post(
    '/account/api-keys',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API key',
        description: 'Returns the secret once; only a keyed hash is stored.',
        body: ApiKeyCreateSchema,
        response: { 201: CreatedApiKeySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const expiresAt = request.body.expiresInDays
        ? new Date(Date.now() + request.body.expiresInDays * DAY_MS)
        : null;
      const created = await apiKeys.create(actor, actor.userId, { name: request.body.name, expiresAt });
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send({ apiKey: presentApiKey(created.key), secret: created.secret });
    },
  );

  app.delete(
    '/account/api-keys/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Revoke an API key',
        description: 'Effective on the next request; browser sessions opened with the key end too.',
        params: IdParamsSchema,
        response: { 200: ApiKeySchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      return presentApiKey(await apiKeys.revoke(actor, actor.userId, request.params.id));
    },
  );

  app.get(
    '/account/export',
    {
      config,
      schema: {
        tags,
        summary: 'Export my data',
        description: 'A JSON document of everything the caller owns, streamed as an attachment.',
        response: { 200: z.unknown().describe('The export document (JSON), streamed'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const stamp = new Date()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      void reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="youworker-export-${stamp}.json"`)
        .header('cache-control', 'no-store');
      return reply.send(Readable.from(users.exportAccount(requireUser(request))));
    },
  );

  app.delete(
    '/account',
    {
      config,
      schema: {
        tags,
        summary: 'Delete my account',
        description: 'Deletes the caller and everything they own. `confirm` must be the caller’s username.',
        body: AccountDeleteSchema,
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await users.deleteAccount(requireUser(request), request.body.confirm);
      void reply.clearCookie(cookieNames.session, { path: '/' });
      void reply.clearCookie(cookieNames.csrf, { path: '/' });
      return reply.status(204).send();
    },
  );
};
