import { openPostgres, type Database, type DatabaseHandle } from '@youworker/db';
import { sql, type Kysely } from 'kysely';
import type { JobLogger } from '../../../packages/core/src/jobs/job-logger.ts';
import {
  createJobRunner,
  type JobRunnerOptions,
  type JobWorker,
} from '../../../packages/core/src/jobs/job-runner.ts';
import type { TestDatabase } from '../../support/test-database.ts';

/** A logger that keeps every entry, for assertions. */
export interface RecordingLogger extends JobLogger {
  entries: { level: 'info' | 'warn' | 'error'; context: Record<string, unknown>; message: string }[];
}

export function recordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (context: Record<string, unknown>, message: string): void => {
      entries.push({ level, context, message });
    };
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

/** Polls `condition` every 10 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`${what} not met within ${timeoutMs} ms`);
    }
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A second connection to the same database, as another worker process would have one: its own pool on
 * PostgreSQL; on PGlite (one process, one session) the same handle.
 */
export function secondConnection(database: TestDatabase): { db: Kysely<Database>; close(): Promise<void> } {
  if (database.url === undefined) {
    return { db: database.handle.db, close: async () => {} };
  }
  const other: DatabaseHandle = openPostgres({
    databaseUrl: database.url,
    poolSize: 4,
    connectTimeoutMs: 5000,
  });
  return { db: other.db, close: () => other.close() };
}

/** An ingestion run (and its user), for jobs that belong to one. */
export async function createIngestionRun(db: Kysely<Database>): Promise<string> {
  const user = await db
    .insertInto('users')
    .values({ username: `jobs-${crypto.randomUUID()}`, email: null, external_groups: undefined })
    .returning('id')
    .executeTakeFirstOrThrow();
  const run = await db
    .insertInto('ingestion_runs')
    .values({ user_id: user.id, source_type: 'url', source_label: 'https://example.test/', request_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return run.id;
}

/** Moves a job's lease into the past, as if its worker had crashed long ago. */
export async function expireLease(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ locked_until: sql<Date>`now() - interval '1 minute'` })
    .where('id', '=', id)
    .execute();
}

/** A runner factory whose workers are all stopped after each test (fast options for tests). */
export function workerPool(defaults: () => Omit<JobRunnerOptions, 'handlers'>): {
  create(options: Partial<JobRunnerOptions> & Pick<JobRunnerOptions, 'handlers'>): JobWorker;
  stopAll(): Promise<void>;
} {
  const workers: JobWorker[] = [];
  return {
    create(options) {
      const worker = createJobRunner({ ...defaults(), ...options });
      workers.push(worker);
      return worker;
    },
    async stopAll() {
      await Promise.all(
        workers.splice(0).map((worker) => worker.stop({ graceMs: 0, abandonAfterMs: 1_000 })),
      );
    },
  };
}
