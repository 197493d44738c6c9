/** Where a job is in its life: waiting (or waiting for a retry), leased by a worker, or done. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A job as the queue stores it. `attempts` counts the times it was claimed, this one included. */
export interface Job {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  /** Not claimed before this instant (a retry's backoff ends here). */
  runAt: Date;
  /** The worker holding the lease while `running`; `null` otherwise. */
  lockedBy: string | null;
  /** The lease ends here: a running job whose lease has ended is resumed by another worker. */
  lockedUntil: Date | null;
  lastError: string | null;
  /** The ingestion run the job belongs to, if any (its jobs are cancelled together). */
  runId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What is needed to enqueue a job. */
export interface NewJob {
  queue: string;
  payload: Record<string, unknown>;
  /** Default: now. */
  runAt?: Date;
  /** Default: 3 (the column default). */
  maxAttempts?: number;
  runId?: string | null;
}

/**
 * The durable queue as the job runner sees it (the port). `@youworker/db`'s `JobRepository` implements
 * it on PostgreSQL and PGlite alike; core never sees the database. Every method that changes a leased
 * job takes the worker id and does nothing (answering `false`) when that worker no longer holds the lease.
 */
export interface JobQueue {
  /** Adds a job; it becomes claimable at `runAt`. */
  enqueue(job: NewJob): Promise<Job>;
  /**
   * Atomically leases up to `limit` due jobs of `queue` to `workerId` for `leaseMs`, oldest `runAt`
   * first: queued jobs whose time has come, and running jobs whose lease ended (a crashed worker).
   * Each claim counts one attempt. Concurrent callers never receive the same job.
   */
  claim(queue: string, workerId: string, leaseMs: number, limit: number): Promise<Job[]>;
  /** Pushes the lease of a running job `leaseMs` into the future; `false` when the lease was lost. */
  extendLease(id: string, workerId: string, leaseMs: number): Promise<boolean>;
  /** Marks a running job succeeded; `false` when the lease was lost. */
  complete(id: string, workerId: string): Promise<boolean>;
  /**
   * Records a failed attempt: queued again for `retryAt`, or failed for good when `retryAt` is `null`.
   * `false` when the lease was lost.
   */
  fail(id: string, workerId: string, error: string, retryAt: Date | null): Promise<boolean>;
}
