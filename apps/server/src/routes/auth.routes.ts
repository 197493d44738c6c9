import { CsrfTokenSchema, LoginBodySchema, LoginResponseSchema, MeSchema } from '@youworker/contracts';
import { authenticationFailure, type AuthenticationService, type UserService } from '@youworker/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { presentedApiKey } from '../auth/credentials.ts';
import { requireUser } from '../auth/require-user.ts';
import { presentMe } from '../presenters/identity.presenter.ts';
import { cookieNames } from '../auth/route-policy.ts';
import { errorResponses } from './error-responses.ts';

/** What the auth routes need. */
export interface AuthRoutesOptions {
  authentication: AuthenticationService;
  users: UserService;
  secureCookies: boolean;
  sessionTtlMs: number;
}

/** `/v1/auth`: login (API key → session cookie), logout, me, CSRF token. */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, options) => {
  function setCsrfCookie(reply: FastifyReply, token: string) {
    void reply.setCookie(cookieNames.csrf, token, {
      httpOnly: false,
      secure: options.secureCookies,
      sameSite: 'strict',
      path: '/',
      maxAge: Math.floor(options.sessionTtlMs / 1000),
    });
  }

  async function me(userId: string, via: 'api-key' | 'session' | 'forward-auth') {
    return presentMe(await options.users.get(userId), via);
  }

  app.post(
    '/auth/login',
    {
      config: { policy: 'public', credentials: 'ignore' },
      schema: {
        tags: ['auth'],
        summary: 'Open a browser session',
        description:
          'Exchanges an API key (body `apiKey`, `Authorization: Bearer`, `X-API-Key` or `X-Authentik-Api-Key`) for an HttpOnly session cookie and a CSRF token. Failed attempts are audited and limited per IP.',
        body: LoginBodySchema.nullish(),
        response: { 200: LoginResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const secret = request.body?.apiKey ?? presentedApiKey(request);
      if (!secret) {
        throw authenticationFailure('AUTHENTICATION_REQUIRED');
      }
      const userAgent = request.headers['user-agent']?.slice(0, 512) ?? null;
      const opened = await options.authentication.login(secret, { ip: request.ip, userAgent });
      void reply.setCookie(cookieNames.session, opened.sessionToken, {
        httpOnly: true,
        secure: options.secureCookies,
        sameSite: 'lax',
        path: '/',
        maxAge: Math.floor(options.sessionTtlMs / 1000),
      });
      setCsrfCookie(reply, opened.csrfToken);
      void reply.header('cache-control', 'no-store');
      return {
        user: await me(opened.actor.userId, 'session'),
        csrfToken: opened.csrfToken,
        expiresAt: opened.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'End the browser session',
        description:
          'Revokes the session server-side and clears its cookies. Needs `X-CSRF-Token` when called with the cookie.',
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await options.authentication.logout(requireUser(request));
      void reply.clearCookie(cookieNames.session, { path: '/' });
      void reply.clearCookie(cookieNames.csrf, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/logout-all',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere',
        description:
          'Revokes every browser session of the caller (all devices, this one included) and clears this browser’s cookies. API keys stay valid. Audited (`auth.logout`, details `scope: all` and `sessionsEnded`). Needs `X-CSRF-Token` when called with the cookie.',
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await options.users.endAllSessions(requireUser(request));
      void reply.clearCookie(cookieNames.session, { path: '/' });
      void reply.clearCookie(cookieNames.csrf, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Who am I',
        description: 'The authenticated user and how they authenticated.',
        response: { 200: MeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      return me(actor.userId, actor.via);
    },
  );

  app.get(
    '/auth/csrf-token',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'CSRF token of the session',
        description:
          'Sets the readable `yw_csrf` cookie and returns the token to send as `X-CSRF-Token` on unsafe requests. Only for session (cookie) callers; API-key callers need none.',
        response: { 200: CsrfTokenSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const csrfToken = options.authentication.csrfTokenFor(request.actor);
      setCsrfCookie(reply, csrfToken);
      void reply.header('cache-control', 'no-store');
      return { csrfToken };
    },
  );
};
