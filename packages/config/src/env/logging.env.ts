import { z } from 'zod';

/** Logging variables. */
export const loggingEnv = {
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Minimum level of the JSON log lines written to standard output.'),
};
