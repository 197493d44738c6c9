import { z } from 'zod';
import { databaseEnv } from './database.env.ts';
import { loggingEnv } from './logging.env.ts';
import { serverEnv } from './server.env.ts';

/**
 * The one schema of the process environment. Each area contributes a fragment in its own file
 * (`<area>.env.ts`); later features add theirs to this list. Every variable carries a description,
 * which is the source of `docs/configuration.md`.
 */
export const EnvSchema = z.object({
  ...serverEnv,
  ...loggingEnv,
  ...databaseEnv,
});

/** The parsed, typed configuration of one process. */
export type AppConfig = z.infer<typeof EnvSchema>;
