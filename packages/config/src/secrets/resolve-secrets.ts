import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../env/env.schema.ts';

/** The secrets a process works with, whichever way they were obtained. */
export interface ResolvedSecrets {
  sessionSecret: string;
  /** `<keyId>:<base64 key>` */
  encryptionKey: string;
  /** Where they came from: the environment, or the generated development file. */
  source: 'environment' | 'generated-file';
  /** The generated file, when one was used. */
  file?: string;
}

interface SecretsFile {
  SESSION_SECRET?: string;
  ENCRYPTION_KEY?: string;
}

function generate(): Required<SecretsFile> {
  const keyId = `dev${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
  return {
    SESSION_SECRET: randomBytes(48).toString('base64url'),
    ENCRYPTION_KEY: `${keyId}:${randomBytes(32).toString('base64')}`,
  };
}

/**
 * Production takes its secrets from the environment only (the config schema refuses to start without
 * them). In development, a missing secret is generated once, at random, and kept in
 * `DATA_DIR/secrets.json` (mode 0600) so sessions and API keys survive restarts. There is no default
 * key anywhere.
 */
export function resolveSecrets(config: AppConfig): ResolvedSecrets {
  const fromEnvironment = { SESSION_SECRET: config.SESSION_SECRET, ENCRYPTION_KEY: config.ENCRYPTION_KEY };
  if (fromEnvironment.SESSION_SECRET && fromEnvironment.ENCRYPTION_KEY) {
    return {
      sessionSecret: fromEnvironment.SESSION_SECRET,
      encryptionKey: fromEnvironment.ENCRYPTION_KEY,
      source: 'environment',
    };
  }
  if (config.APP_ENV === 'production') {
    throw new Error('SESSION_SECRET and ENCRYPTION_KEY are required when APP_ENV=production');
  }
  const directory = resolve(config.DATA_DIR);
  const file = join(directory, 'secrets.json');
  let stored: SecretsFile = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as SecretsFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`Cannot read ${file}: ${(error as Error).message}`, { cause: error });
    }
  }
  if (!stored.SESSION_SECRET || !stored.ENCRYPTION_KEY) {
    stored = { ...generate(), ...stored };
    mkdirSync(directory, { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return {
    sessionSecret: fromEnvironment.SESSION_SECRET ?? (stored.SESSION_SECRET as string),
    encryptionKey: fromEnvironment.ENCRYPTION_KEY ?? (stored.ENCRYPTION_KEY as string),
    source: 'generated-file',
    file,
  };
}
