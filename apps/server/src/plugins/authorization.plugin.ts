import { authenticationFailure, ForbiddenError, type AuthenticationService } from '@youworker/core';
import type {} from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { cookieNames, type RoutePolicy } from '../auth/route-policy.ts';
import { singleHeader } from '../http/single-header.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One registered route and its declared access policy. */
export interface RouteCatalogEntry {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the authorization plugin, with its policy (for audits and tests). */
    routeCatalog: readonly RouteCatalogEntry[];
  }
}

/**
 * Enforces each route's declared `config.policy` and, for requests authenticated by the session
 * cookie, the double-submit CSRF check on unsafe methods. Runs after the authentication plugin.
 */
export const authorizationPlugin = fastifyPlugin(
  (
    app: FastifyInstance,
    options: { authentication: AuthenticationService },
    done: (error?: Error) => void,
  ) => {
    const catalog: RouteCatalogEntry[] = [];
    app.decorate('routeCatalog', catalog);
    app.addHook('onRoute', (route) => {
      // Routes registered by third-party plugins (Swagger UI's static files) are public documentation.
      if (route.config?.policy === undefined && route.url.startsWith('/docs')) {
        route.config = { ...route.config, policy: 'public' };
      }
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') {
          catalog.push({ method, url: route.url, policy: route.config?.policy });
        }
      }
    });

    // preParsing: after every onRequest hook (rate limiting counts refused requests too), before the body is read.
    app.addHook('preParsing', async (request) => {
      const policy = request.routeOptions.config.policy;
      const actor = request.actor;
      if (request.is404 || (policy === 'public' && request.routeOptions.config.credentials === 'ignore')) {
        return;
      }
      if (policy !== 'public' && actor.kind !== 'user') {
        throw request.authenticationFailure ?? authenticationFailure('AUTHENTICATION_REQUIRED');
      }
      if (actor.kind === 'user' && actor.via === 'session' && !safeMethods.has(request.method)) {
        options.authentication.verifyCsrf(
          actor,
          singleHeader(request.headers, 'x-csrf-token'),
          request.cookies[cookieNames.csrf],
        );
      }
      if (policy === undefined) {
        request.log.error({ route: request.routeOptions.url }, 'route has no access policy; refusing');
        throw new ForbiddenError({ code: 'ROUTE_POLICY_MISSING', message: 'This route is not available' });
      }
      if (policy === 'admin' && actor.kind === 'user' && actor.role !== 'admin') {
        throw new ForbiddenError({ code: 'ADMIN_REQUIRED', message: 'This requires a platform admin' });
      }
    });
    done();
  },
  { name: 'authorization', dependencies: ['authentication'] },
);
