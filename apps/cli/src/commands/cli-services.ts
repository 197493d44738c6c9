import type { AppConfig } from '@youworker/config';
import { createCoreServices, type CoreServices } from '@youworker/core';
import type { DatabaseHandle } from '@youworker/db';
import type { CliContext } from '../cli-context.ts';
import { withDatabase } from './with-database.ts';

/** The actor recorded in the audit log for CLI actions. */
export const cliActor = { kind: 'system' as const, label: 'cli' };

/** Runs `work` with the core services over the configured database. */
export function withServices<T>(
  context: CliContext,
  work: (services: CoreServices, database: DatabaseHandle, config: AppConfig) => Promise<T>,
): Promise<T> {
  return withDatabase(context, (database, config) =>
    work(createCoreServices(config, database, { version: 'cli' }), database, config),
  );
}
