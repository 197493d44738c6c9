import type { AppConfig } from '@youworker/config';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyTypeProvider,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { BaseLogger } from 'pino';
import {
  MemoryFailedAttemptLimiter,
  type ClosableFailedAttemptLimiter,
} from '../auth-support/failed-attempts.ts';
import { RedisFailedAttemptLimiter } from '../auth-support/redis-failed-attempts.ts';
import { createRedisClient } from '../redis-client.ts';
import { corsPlugin } from './cors.plugin.ts';
import { ipAllowlistPlugin } from './ip-allowlist.plugin.ts';
import { rateLimitPlugin } from './rate-limit.plugin.ts';
import { securityHeadersPlugin } from './security-headers.plugin.ts';

/** The configuration variables network security reads. */
export type NetworkSecurityConfig = Pick<
  AppConfig,
  | 'APP_ENV'
  | 'CORS_ORIGINS'
  | 'IP_ALLOWLIST'
  | 'RATE_LIMIT_ENABLED'
  | 'RATE_LIMIT_GENERAL_PER_MINUTE'
  | 'RATE_LIMIT_CHAT_PER_MINUTE'
  | 'RATE_LIMIT_INGEST_PER_MINUTE'
  | 'RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE'
  | 'REDIS_URL'
>;

/**
 * Registers the network protections, each a global `onRequest` step, in this order:
 *
 * 1. security headers (helmet): first, so every response — 403, 429, preflight — carries them;
 * 2. CORS: before anything that can refuse a request, so errors are readable by allowed origins;
 * 3. IP allowlist: before authentication, so refused addresses cost no credential lookup;
 * 4. rate limit: attaches route-level hooks, which run after every instance-level `onRequest` hook
 *    (authentication included, wherever it is registered), so it counts per user when there is one.
 *
 * Call it on the root instance after the error handler and before authentication, the OpenAPI plugin
 * and the routes (only routes registered afterwards are rate limited).
 */
export async function registerNetworkSecurity<
  Logger extends FastifyBaseLogger,
  TypeProvider extends FastifyTypeProvider,
>(
  app: FastifyInstance<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    Logger,
    TypeProvider
  >,
  options: {
    config: NetworkSecurityConfig;
    logger?: Pick<BaseLogger, 'info'>;
    rateLimitRedisKeyPrefix?: string;
  },
): Promise<void> {
  const { config } = options;
  await app.register(securityHeadersPlugin, { production: config.APP_ENV === 'production' });
  await app.register(corsPlugin, { origins: config.CORS_ORIGINS });
  await app.register(ipAllowlistPlugin, { allowlist: config.IP_ALLOWLIST });
  if (config.RATE_LIMIT_ENABLED) {
    await app.register(rateLimitPlugin, {
      limits: {
        general: config.RATE_LIMIT_GENERAL_PER_MINUTE,
        chat: config.RATE_LIMIT_CHAT_PER_MINUTE,
        ingest: config.RATE_LIMIT_INGEST_PER_MINUTE,
      },
      redisUrl: config.REDIS_URL,
      redisKeyPrefix: options.rateLimitRedisKeyPrefix,
    });
  }
  (options.logger ?? app.log).info(
    {
      corsOrigins: config.CORS_ORIGINS.length,
      ipAllowlist: config.IP_ALLOWLIST.length,
      rateLimit: config.RATE_LIMIT_ENABLED ? (config.REDIS_URL ? 'redis' : 'memory') : 'off',
    },
    'network security configured',
  );
}

/**
 * The failed-attempt limiter for authentication: in Redis (shared by every instance) when `REDIS_URL`
 * is set, in memory otherwise; `RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE` failures per key and minute. The
 * Redis one fails open when Redis is down (logged once per outage). Close it when the process stops.
 */
export function createFailedAttemptLimiter(
  config: Pick<NetworkSecurityConfig, 'RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE' | 'REDIS_URL'>,
  options: { logger: Pick<BaseLogger, 'warn' | 'info'>; redisKeyPrefix?: string },
): ClosableFailedAttemptLimiter {
  const maxPerMinute = config.RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE;
  if (!config.REDIS_URL) {
    return new MemoryFailedAttemptLimiter({ maxPerMinute });
  }
  const redis = createRedisClient(config.REDIS_URL, { logger: options.logger, purpose: 'failed-attempts' });
  return new RedisFailedAttemptLimiter({
    redis,
    maxPerMinute,
    keyPrefix: options.redisKeyPrefix,
    onError: (error) => {
      // While disconnected every command fails; the client already logged the outage once.
      if (redis.status === 'ready') {
        options.logger.warn({ err: error }, 'failed-attempt counter skipped: Redis command failed');
      }
    },
  });
}
