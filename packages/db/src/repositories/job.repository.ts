import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, JobsTable } from '../schema/database.ts';
import { isUuid } from './uuid.ts';

/** Where a job is in its life. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * One row of `jobs`. Same shape as `Job` of `@youworker/core`'s `JobQueue` port, which this repository
 * implements (structurally: db never imports core).
 */
export interface JobRecord {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  /** Times the job was claimed, the current run included. */
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  runId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What is needed to enqueue a job. */
export interface NewJobRecord {
  queue: string;
  payload: Record<string, unknown>;
  /** Default: the database's `now()`. */
  runAt?: Date;
  /** Default: 3 (the column default). At least 1. */
  maxAttempts?: number;
  runId?: string | null;
}

/** The stable prefix of `last_error` for jobs cancelled with their ingestion run. */
export const JOB_CANCELLED_ERROR = 'JOB_CANCELLED';
/** The stable prefix of `last_error` for jobs whose worker vanished on their last allowed attempt. */
export const JOB_LEASE_EXPIRED_ERROR = 'JOB_LEASE_EXPIRED';

function toRecord(row: Selectable<JobsTable>): JobRecord {
  return {
    id: row.id,
    queue: row.queue,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    runId: row.run_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** `now() + leaseMs`, computed by the database so every worker shares one clock. */
function leaseEnd(leaseMs: number) {
  return sql<Date>`now() + ${leaseMs}::double precision * interval '1 millisecond'`;
}

const now = sql<Date>`now()`;

const exhaustedMessage = `${JOB_LEASE_EXPIRED_ERROR}: its worker stopped renewing the lease on attempt `;

/**
 * `jobs` table access: a durable queue claimed with `FOR UPDATE SKIP LOCKED`, one code path for
 * PostgreSQL and PGlite. Times (due, lease) are the database's `now()`, never a worker's clock, except
 * a retry's `retryAt`, which the caller computes.
 */
export class JobRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Adds a job. Pass `transaction` to enqueue it atomically with the rows it refers to: a rollback
   * leaves no job behind.
   */
  async enqueue(job: NewJobRecord, transaction?: Kysely<Database>): Promise<JobRecord> {
    if (job.maxAttempts !== undefined && (!Number.isInteger(job.maxAttempts) || job.maxAttempts < 1)) {
      throw new RangeError(`maxAttempts must be an integer of at least 1, got ${job.maxAttempts}`);
    }
    const row = await (transaction ?? this.db)
      .insertInto('jobs')
      .values({
        queue: job.queue,
        payload: JSON.stringify(job.payload),
        run_id: job.runId ?? null,
        ...(job.runAt === undefined ? {} : { run_at: job.runAt }),
        ...(job.maxAttempts === undefined ? {} : { max_attempts: job.maxAttempts }),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  /**
   * Atomically leases up to `limit` due jobs of `queue` to `workerId` for `leaseMs`, oldest `run_at`
   * first: queued jobs whose `run_at` has passed, and running jobs whose lease has ended (their worker
   * crashed) with attempts left. Each claim adds one attempt. Rows another transaction is claiming are
   * skipped, so concurrent callers never get the same job. Expired leases without attempts left are
   * failed first (`JOB_LEASE_EXPIRED`), so a job that kills its worker cannot loop forever.
   */
  async claim(queue: string, workerId: string, leaseMs: number, limit: number): Promise<JobRecord[]> {
    if (limit < 1) {
      return [];
    }
    await this.failExhaustedLeases(queue);
    const rows = await this.db
      .with(
        (cte) => cte('due').materialized(),
        (db) =>
          db
            .selectFrom('jobs')
            .select('id')
            .where('queue', '=', queue)
            .where((eb) =>
              eb.or([
                eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
                eb.and([
                  eb('status', '=', 'running'),
                  eb('locked_until', '<', now),
                  eb('attempts', '<', eb.ref('max_attempts')),
                ]),
              ]),
            )
            .orderBy('run_at')
            .orderBy('id')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
      )
      .updateTable('jobs')
      .from('due')
      .set((eb) => ({
        status: 'running',
        locked_by: workerId,
        locked_until: leaseEnd(leaseMs),
        attempts: eb('jobs.attempts', '+', 1),
        updated_at: now,
      }))
      .whereRef('jobs.id', '=', 'due.id')
      .returningAll('jobs')
      .execute();
    // UPDATE … RETURNING does not keep the CTE's order.
    return rows.map(toRecord).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
  }

  /** Pushes the lease `leaseMs` past `now()`; `false` when `workerId` no longer holds it. */
  async extendLease(id: string, workerId: string, leaseMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ locked_until: leaseEnd(leaseMs), updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Marks the job succeeded and releases the lease; `false` when `workerId` no longer holds it. */
  async complete(id: string, workerId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ status: 'succeeded', locked_by: null, locked_until: null, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Records a failed attempt and releases the lease: queued again at `retryAt`, or failed for good when
   * `retryAt` is `null`. `false` when `workerId` no longer holds the lease.
   */
  async fail(id: string, workerId: string, error: string, retryAt: Date | null): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: retryAt === null ? 'failed' : 'queued',
        ...(retryAt === null ? {} : { run_at: retryAt }),
        last_error: error,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async get(id: string): Promise<JobRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** How many jobs of `queue` are in each status (every status present, 0 when none). */
  async countByStatus(queue: string): Promise<Record<JobStatus, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => ['status', eb.fn.countAll<string>().as('count')])
      .where('queue', '=', queue)
      .groupBy('status')
      .execute();
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, succeeded: 0, failed: 0 };
    for (const row of rows) {
      counts[row.status] = Number(row.count);
    }
    return counts;
  }

  /**
   * Fails every unfinished job of an ingestion run (`JOB_CANCELLED`) and returns how many. A worker
   * still running one loses its lease: its next renewal answers `false` and it aborts the handler.
   */
  async cancelByRun(runId: string): Promise<number> {
    if (!isUuid(runId)) {
      return 0;
    }
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        last_error: `${JOB_CANCELLED_ERROR}: cancelled with its ingestion run`,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      })
      .where('run_id', '=', runId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private async failExhaustedLeases(queue: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        last_error: sql<string>`${exhaustedMessage}::text || attempts::text || ' of ' || max_attempts::text`,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      })
      .where('queue', '=', queue)
      .where('status', '=', 'running')
      .where('locked_until', '<', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute();
  }
}
