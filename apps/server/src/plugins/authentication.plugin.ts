import { createAddressMatcher, type AppConfig } from '@youworker/config';
import {
  anonymousActor,
  RateLimitedError,
  YouWorkerError,
  type Actor,
  type AuditService,
  type AuthenticationService,
  type FailedAttemptLimiter,
  type UserService,
} from '@youworker/core';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { presentedApiKey } from '../auth/credentials.ts';
import { hasForwardedIdentity, readForwardedIdentity } from '../auth/forwarded-identity.ts';
import { cookieNames } from '../auth/route-policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who makes this request; set before any route runs. */
    actor: Actor;
    /** Why presented credentials were refused, when they were (reported by the authorization step). */
    authenticationFailure: YouWorkerError | undefined;
  }
}

/** What the authentication plugin needs. */
export interface AuthenticationPluginOptions {
  config: AppConfig;
  authentication: AuthenticationService;
  users: UserService;
  audit: AuditService;
  failedAttempts: FailedAttemptLimiter;
}

/**
 * Resolves `request.actor` on every request, in order: an API key header, the session cookie, then
 * SSO forward-auth headers from a trusted proxy. Refused credentials count as failed attempts per IP;
 * too many block that IP for a while. Forward-auth headers from any other address are ignored and
 * audited as a spoofing attempt.
 */
export const authenticationPlugin = fastifyPlugin(
  (app: FastifyInstance, options: AuthenticationPluginOptions, done: (error?: Error) => void) => {
    const isTrustedProxy = createAddressMatcher(options.config.TRUSTED_PROXIES);
    const actors = new WeakMap<FastifyRequest, Actor>();
    app.decorateRequest('actor', {
      getter(this: FastifyRequest) {
        return actors.get(this) ?? anonymousActor;
      },
      setter(this: FastifyRequest, actor: Actor) {
        actors.set(this, actor);
      },
    });
    app.decorateRequest('authenticationFailure', undefined);

    async function fromCredentials(credentials: {
      apiKey: string | undefined;
      sessionToken: string | undefined;
    }): Promise<Actor | undefined> {
      if (credentials.apiKey !== undefined) {
        return options.authentication.authenticateApiKey(credentials.apiKey);
      }
      if (credentials.sessionToken !== undefined) {
        return options.authentication.authenticateSession(credentials.sessionToken);
      }
      return undefined;
    }

    async function fromForwardAuth(request: FastifyRequest): Promise<Actor | undefined> {
      if (!hasForwardedIdentity(request, options.config)) {
        return undefined;
      }
      if (!options.config.AUTH_FORWARD_ENABLED) {
        request.log.warn('forward-auth headers ignored: AUTH_FORWARD_ENABLED is off');
        return undefined;
      }
      const socketAddress = request.socket.remoteAddress;
      if (!isTrustedProxy(socketAddress)) {
        request.log.warn(
          { socketAddress, event: 'forward-auth-spoofed' },
          'forward-auth headers from an untrusted address ignored',
        );
        await options.audit.record({
          action: 'auth.forward-auth-spoofed',
          actor: anonymousActor,
          outcome: 'denied',
          details: {
            socketAddress: socketAddress ?? null,
            claimedUsername: request.headers[options.config.AUTH_FORWARD_USERNAME_HEADER] ?? null,
          },
        });
        return undefined;
      }
      const identity = readForwardedIdentity(request, options.config);
      if (!identity) {
        request.log.warn('forward-auth username header malformed; request treated as anonymous');
        return undefined;
      }
      const user = await options.users.provisionForwarded(identity);
      return { kind: 'user', userId: user.id, username: user.username, role: user.role, via: 'forward-auth' };
    }

    app.addHook('onRequest', async (request) => {
      request.actor = anonymousActor;
      if (request.routeOptions.config.credentials === 'ignore') {
        return;
      }
      const clientKey = `ip:${request.ip}`;
      const credentials = {
        apiKey: presentedApiKey(request),
        sessionToken: request.cookies[cookieNames.session],
      };
      if (credentials.apiKey !== undefined || credentials.sessionToken !== undefined) {
        const { blocked, retryAfterSeconds } = await options.failedAttempts.isBlocked(clientKey);
        if (blocked) {
          throw new RateLimitedError({
            code: 'TOO_MANY_FAILED_ATTEMPTS',
            message: 'Too many failed authentication attempts from this address; try again later',
            details: { retryAfterSeconds },
          });
        }
      }
      try {
        request.actor =
          (await fromCredentials(credentials)) ?? (await fromForwardAuth(request)) ?? anonymousActor;
      } catch (error) {
        if (!YouWorkerError.isInstance(error) || error.kind !== 'unauthenticated') {
          throw error;
        }
        // A refused API key may be a guess: count it and audit it. A stale session cookie (expired,
        // logged out) is an ordinary browser state, and 256-bit tokens cannot be guessed.
        if (error.code.startsWith('API_KEY_')) {
          await options.failedAttempts.recordFailure(clientKey);
          await options.audit.record({
            action: 'auth.login-failed',
            actor: anonymousActor,
            outcome: 'failure',
            details: { reason: error.code, route: request.routeOptions.url ?? null },
          });
        }
        request.authenticationFailure = error;
      }
    });
    done();
  },
  { name: 'authentication', dependencies: ['@fastify/cookie'] },
);
