import type { Job } from './job-queue.ts';

/** What a handler gets besides its job. */
export interface JobHandlerContext {
  /**
   * Aborted when the worker stops and the grace period has passed, or when the job's lease was lost
   * (cancelled with its run, or resumed by another worker). Pass it to every I/O call.
   */
  signal: AbortSignal;
  /**
   * Renews the lease now, for `leaseMs` (default: the runner's lease). The runner already renews it
   * every third of the lease while the handler runs; call this before a step known to block longer.
   * `false` when the lease was lost.
   */
  extendLease: (leaseMs?: number) => Promise<boolean>;
}

/**
 * Does the work of one job. Resolving completes the job; throwing schedules a retry with backoff
 * (failing the job once `maxAttempts` is reached), or fails it at once for a `NonRetryableJobError`.
 */
export type JobHandler = (job: Job, context: JobHandlerContext) => Promise<void>;
