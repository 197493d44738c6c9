import { type z } from 'zod';
import { ServerEnvError } from './server-env-error.ts';

/** Environment variables as `process.env` holds them. */
export type EnvironmentSource = Record<string, string | undefined>;

/**
 * Parses the environment of a standalone MCP server process with `schema` (servers run as separate
 * processes, outside `@youworker/config`). Throws {@link ServerEnvError} listing every invalid
 * variable. Pass `env` in tests; it defaults to `process.env`.
 */
export function readServerEnv<Schema extends z.ZodObject>(
  schema: Schema,
  // eslint-disable-next-line no-restricted-properties -- standalone server processes read their own environment here, and only here
  env: EnvironmentSource = process.env,
): z.infer<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) {
    return parsed.data;
  }
  throw new ServerEnvError(
    parsed.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(environment)',
      message: issue.message,
    })),
  );
}
