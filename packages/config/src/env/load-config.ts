import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { EnvSchema, productionSecrets, type AppConfig } from './env.schema.ts';

/** One invalid environment variable and why. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Thrown when the environment does not satisfy the schema; lists every bad variable. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Invalid configuration:\n${issues.map((issue) => `  - ${issue.variable}: ${issue.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

type EnvSource = Record<string, string | undefined>;

const knownVariables = Object.keys(EnvSchema.shape);

/** Keeps only the schema's variables and treats empty strings as unset (the usual `.env` convention). */
function pickKnown(source: EnvSource): EnvSource {
  const picked: EnvSource = {};
  for (const name of knownVariables) {
    const value = source[name];
    if (value !== undefined && value.trim() !== '') {
      picked[name] = value.trim();
    }
  }
  return picked;
}

/** Parses an environment object; throws {@link ConfigError} listing every invalid variable. */
export function parseConfig(source: EnvSource): AppConfig {
  const known = pickKnown(source);
  const result = EnvSchema.safeParse(known);
  const issues: ConfigIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        variable: issue.path.map(String).join('.') || '(environment)',
        message: issue.message,
      }));
  if (known.APP_ENV === 'production') {
    // Production never runs on generated secrets: name each one that is missing.
    for (const name of productionSecrets) {
      if (known[name] === undefined) {
        issues.push({ variable: name, message: 'is required when APP_ENV=production' });
      }
    }
  }
  if (!result.success || issues.length > 0) {
    throw new ConfigError(issues);
  }
  return result.data;
}

/** Reads a dotenv file if it exists; returns an empty object otherwise. */
export function readEnvFile(path: string): EnvSource {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {};
    }
    throw error;
  }
  return parseEnv(content);
}

/**
 * Loads the configuration once at boot: `.env` in `cwd` (if present) supplies defaults, the real
 * environment wins over it.
 */
export function loadConfig(options: { env: EnvSource; cwd?: string; envFile?: string | false }): AppConfig {
  const envFile =
    options.envFile === false ? undefined : resolve(options.cwd ?? '.', options.envFile ?? '.env');
  const fileValues = envFile ? readEnvFile(envFile) : {};
  return parseConfig({ ...fileValues, ...options.env });
}
