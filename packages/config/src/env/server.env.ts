import { z } from 'zod';
import { envInteger } from './env-helpers.ts';

/** HTTP server variables. */
export const serverEnv = {
  PORT: envInteger({ min: 1, max: 65535, defaultValue: 8001 }).describe(
    'TCP port the HTTP server listens on.',
  ),
  HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe(
      'Interface the HTTP server binds to. Use `0.0.0.0` (or `::`) to accept connections from other machines.',
    ),
  APP_ENV: z
    .enum(['development', 'production'])
    .default('development')
    .describe(
      'Runtime profile. `production` hides internal error messages, enables secure cookies and refuses to start without required secrets.',
    ),
  BODY_LIMIT_BYTES: envInteger({ min: 1024, max: 1024 * 1024 * 1024, defaultValue: 1024 * 1024 }).describe(
    'Largest accepted request body for JSON endpoints, in bytes; larger bodies get 413 `PAYLOAD_TOO_LARGE`.',
  ),
  SHUTDOWN_TIMEOUT_MS: envInteger({ min: 100, max: 600_000, defaultValue: 10_000 }).describe(
    'On SIGTERM/SIGINT, how long in-flight requests may drain before the process exits anyway.',
  ),
  HEALTH_CHECK_TIMEOUT_MS: envInteger({ min: 50, max: 60_000, defaultValue: 2_000 }).describe(
    'Time limit for each component check of `GET /health/ready`; a check that takes longer is reported down.',
  ),
};
