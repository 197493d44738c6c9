import { z } from 'zod';
import { isValidCidr } from '../network/address-matcher.ts';
import { envBoolean, envInteger, envList } from './env-helpers.ts';

/**
 * Whether `value` is exactly an origin a browser sends in `Origin`: `http(s)://host[:port]`, no
 * credentials, path, query, fragment or wildcard. A trailing `/` and a default port are tolerated
 * (they are normalized away by {@link toOrigin}).
 */
export function isValidOrigin(value: string): boolean {
  if (value.includes('*')) {
    return false;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    !/^[a-z]+:\/\/[^/]*\/./i.test(value) &&
    url.search === '' &&
    url.hash === '' &&
    !value.endsWith('?') &&
    !value.endsWith('#')
  );
}

/** The canonical form of a valid origin (lower-case host, no default port, no trailing slash). */
function toOrigin(value: string): string {
  return new URL(value).origin;
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const perMinute = (defaultValue: number) => envInteger({ min: 1, max: 1_000_000, defaultValue });

/** Network protection variables: CORS, IP allowlist, rate limits, Redis. See docs/security.md. */
export const networkEnv = {
  CORS_ORIGINS: envList({
    check: isValidOrigin,
    message: 'must be a comma-separated list of origins like https://app.example.com (no path, no *)',
  })
    .transform((origins) => [...new Set(origins.map(toOrigin))])
    .describe(
      'Browser origins (`https://host[:port]`, exact, no wildcard) allowed to call the API cross-origin with credentials. Empty: no cross-origin access; the web UI is same-origin and needs none.',
    ),
  IP_ALLOWLIST: envList({
    check: isValidCidr,
    message: 'must be a comma-separated list of IP addresses or CIDR ranges',
  }).describe(
    'Client addresses (IP addresses or CIDR ranges, IPv4 and IPv6) allowed to reach the server at all, health endpoints included; others get 403 `IP_NOT_ALLOWED`. The client address honours `X-Forwarded-For` only from `TRUSTED_PROXIES`. Empty: everyone.',
  ),
  RATE_LIMIT_ENABLED: envBoolean(true).describe(
    'Limit requests per client (user, or IP address when anonymous) per minute; over the limit: 429 `RATE_LIMITED` with `Retry-After`.',
  ),
  RATE_LIMIT_GENERAL_PER_MINUTE: perMinute(600).describe(
    'Requests per minute per client to endpoints outside the `chat` and `ingest` groups. The web UI alone makes several requests per screen (lists, ingestion progress, sessions), so a signed-in user walking through it can pass 100 a minute.',
  ),
  RATE_LIMIT_CHAT_PER_MINUTE: perMinute(30).describe(
    'Requests per minute per client to `chat` endpoints (a separate budget from the general one).',
  ),
  RATE_LIMIT_INGEST_PER_MINUTE: perMinute(10).describe(
    'Requests per minute per client to `ingest` (upload) endpoints (a separate budget from the general one).',
  ),
  RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE: perMinute(10).describe(
    'Failed logins and API-key checks allowed per IP address per minute; then that address is blocked until the minute ends.',
  ),
  REDIS_URL: z
    .string()
    .refine(isRedisUrl, 'must be a redis:// or rediss:// URL')
    .optional()
    .describe(
      'Redis connection URL. When set, rate-limit and failed-login counters are shared by every server instance through Redis; otherwise each process counts in memory. If Redis is unreachable, requests are not limited (logged).',
    ),
};
