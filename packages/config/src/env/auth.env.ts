import { z } from 'zod';
import { isValidCidr } from '../network/address-matcher.ts';
import { envBoolean, envInteger, envList } from './env-helpers.ts';

const headerName = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name')
  .transform((value) => value.toLowerCase());

/** Identity and session variables. */
export const authEnv = {
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'Secret key for hashing API keys and session tokens (HMAC-SHA256). Required in production; in development a random one is generated and kept in `DATA_DIR/secrets.json`. Changing it invalidates every API key and session.',
    ),
  ROOT_API_KEY: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'When set, the `root` admin user is created (or updated) at start with this API key. There is no default key; without it, create the first admin with `youworker users create --admin <name>`.',
    ),
  SESSION_TTL_HOURS: envInteger({ min: 1, max: 24 * 30, defaultValue: 12 }).describe(
    'Lifetime of a browser session after its last use (sliding expiry).',
  ),
  TRUSTED_PROXIES: envList({
    check: isValidCidr,
    message: 'must be a comma-separated list of IP addresses or CIDR ranges',
  }).describe(
    'Reverse proxies (IP addresses or CIDR ranges, IPv4 and IPv6) whose `X-Forwarded-For` and SSO headers are believed. Empty: none.',
  ),
  AUTH_FORWARD_ENABLED: envBoolean(false).describe(
    'Accept SSO forward-auth headers (Authentik and similar) from `TRUSTED_PROXIES`; users are created on first sight.',
  ),
  AUTH_FORWARD_USERNAME_HEADER: headerName
    .default('x-authentik-username')
    .describe('Forward-auth header with the username.'),
  AUTH_FORWARD_EMAIL_HEADER: headerName
    .default('x-authentik-email')
    .describe('Forward-auth header with the email address.'),
  AUTH_FORWARD_NAME_HEADER: headerName
    .default('x-authentik-name')
    .describe('Forward-auth header with the display name.'),
  AUTH_FORWARD_GROUPS_HEADER: headerName
    .default('x-authentik-groups')
    .describe('Forward-auth header with the user’s groups (`|`- or `,`-separated).'),
};
