import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import { RateLimitedError } from '@youworker/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { closeRedisClient, createRedisClient, waitForRedis } from '../redis-client.ts';

/** A route's separate rate-limit budget; routes without one share the general budget. */
export type RateLimitGroup = 'chat' | 'ingest';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Counts the route's requests in the budget of this group (its own bucket, shared by every route
     * of the group) instead of the general one: `config: { rateLimitGroup: 'chat' }`.
     */
    rateLimitGroup?: RateLimitGroup;
  }
}

/** Requests per client and minute, by budget. */
export interface RateLimits {
  general: number;
  chat: number;
  ingest: number;
}

/** Options of {@link rateLimitPlugin}. */
export interface RateLimitOptions {
  limits: RateLimits;
  /** `REDIS_URL`: share the counters of every instance through Redis; in memory otherwise. */
  redisUrl?: string;
  /** Prefix of the Redis keys. Default `youworker:rate-limit:`. */
  redisKeyPrefix?: string;
  /** Route URLs never limited. Default: the health endpoints. */
  exemptUrls?: readonly string[];
}

/** Route URLs outside every budget: probes poll them and they touch nothing expensive. */
export const defaultExemptUrls = ['/health', '/health/ready'];

/**
 * The client a request is counted for: `user:<userId>` when authenticated, `ip:<address>` otherwise
 * (an IPv6 address as its /64 network).
 */
export function rateLimitClientKey(request: FastifyRequest): string {
  const { actor } = request;
  if (actor.kind === 'user') {
    return `user:${actor.userId}`;
  }
  return `ip:${normalizeIP(request.ip)}`;
}

function groupOf(request: FastifyRequest): RateLimitGroup | 'general' {
  return request.routeOptions.config.rateLimitGroup ?? 'general';
}

/**
 * Per-client request budgets per minute (@fastify/rate-limit). Every route registered after this plugin
 * is limited; a route joins the `chat` or `ingest` budget with `config: { rateLimitGroup }`. The keys
 * are `<group>:user:<userId>` or `<group>:ip:<address>`, all in one store, so each group is one bucket
 * per client across its routes and separate from the general bucket.
 *
 * Requests to unknown URLs (404) count in the general budget too. The check runs in a route-level
 * `onRequest` hook, which Fastify runs after every instance-level `onRequest` hook, so authentication
 * (which sets `request.actor`) has run by then whatever the registration order. Responses carry `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`; a
 * client over its budget gets 429 `RATE_LIMITED` in the error envelope with `Retry-After`.
 *
 * With `redisUrl`, counters live in Redis; when Redis fails, requests pass unlimited
 * (`skipOnError`) and the outage is logged. The connection is closed when the app closes.
 */
export const rateLimitPlugin = fastifyPlugin(
  async (app: FastifyInstance, options: RateLimitOptions) => {
    const exempt = new Set(options.exemptUrls ?? defaultExemptUrls);
    const redis = options.redisUrl
      ? createRedisClient(options.redisUrl, { logger: app.log, purpose: 'rate-limit' })
      : undefined;
    if (redis) {
      app.addHook('onClose', async () => {
        await closeRedisClient(redis);
      });
      if (!(await waitForRedis(redis))) {
        app.log.warn('rate-limit Redis not reachable at start; requests pass unlimited until it is');
      }
    }

    await app.register(fastifyRateLimit, {
      global: true,
      hook: 'onRequest',
      timeWindow: 60_000,
      max: (request) => options.limits[groupOf(request)],
      keyGenerator: (request) => `${groupOf(request)}:${rateLimitClientKey(request)}`,
      allowList: (request) => exempt.has(request.routeOptions.url ?? ''),
      enableDraftSpec: true,
      skipOnError: true,
      ...(redis ? { redis, nameSpace: options.redisKeyPrefix ?? 'youworker:rate-limit:' } : {}),
      errorResponseBuilder: (_request, context) =>
        new RateLimitedError({
          message: `Too many requests; retry in ${context.after}`,
          details: { limit: context.max, retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
        }),
    });

    // The 404 handler is no route, so the plugin's onRoute hook never limits it: count unknown URLs in
    // the general budget too (URL scanners), at preHandler, once authentication has run.
    const limitNotFound = app.rateLimit();
    app.addHook('preHandler', async function limitUnknownRoutes(request, reply) {
      if (request.is404) {
        await limitNotFound.call(this, request, reply);
      }
    });
  },
  { name: 'rate-limit' },
);
