const marker = Symbol.for('youworker.job-interrupted-error');

/** Why the runner aborted a handler's signal. */
export type JobInterruptionCode = 'JOB_WORKER_STOPPED' | 'JOB_LEASE_LOST';

/**
 * The `reason` of a handler's aborted signal: the worker is stopping (`JOB_WORKER_STOPPED`; the job is
 * queued again at once), or the job's lease was lost (`JOB_LEASE_LOST`; it was cancelled, or another
 * worker resumed it, and this run's result is discarded).
 */
export class JobInterruptedError extends Error {
  private readonly [marker] = true;

  constructor(
    readonly code: JobInterruptionCode,
    message: string,
  ) {
    super(message);
    this.name = 'JobInterruptedError';
  }

  static isInstance(error: unknown): error is JobInterruptedError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
