import { computeBackoffMs, type BackoffOptions } from './backoff.ts';
import { formatJobError } from './job-error-message.ts';
import type { JobHandler } from './job-handler.ts';
import { JobInterruptedError } from './job-interrupted-error.ts';
import type { JobLogger } from './job-logger.ts';
import type { Job, JobQueue } from './job-queue.ts';
import { NonRetryableJobError } from './non-retryable-job-error.ts';

/** What every execution of one runner shares. */
export interface JobExecutionSettings {
  queue: JobQueue;
  workerId: string;
  leaseMs: number;
  logger: JobLogger;
  backoff: BackoffOptions;
  now: () => Date;
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * One run of one claimed job: calls the handler, renews the lease every third of it meanwhile, then
 * records the outcome (complete, retry with backoff, or fail). Never rejects: database and handler
 * errors end up in the log, and an unrecorded outcome is repaired by the lease expiring.
 */
export class JobExecution {
  /** Settles when the outcome is recorded (or abandoned). */
  readonly done: Promise<void>;
  private readonly controller = new AbortController();
  private readonly renewal: ReturnType<typeof setInterval>;
  private interruption: JobInterruptedError | undefined;
  private abandoned = false;

  constructor(
    private readonly job: Job,
    handler: JobHandler,
    private readonly settings: JobExecutionSettings,
  ) {
    const renewEveryMs = Math.max(10, Math.floor(settings.leaseMs / 3));
    this.renewal = setInterval(() => {
      void this.extendLease(settings.leaseMs).catch((error: unknown) => {
        // The lease is still valid for a while; the next renewal tries again.
        this.log('warn', { error: formatJobError(error) }, 'job lease renewal failed');
      });
    }, renewEveryMs);
    // run() records failures itself; the catch only guards against the impossible, so `done` never rejects.
    this.done = this.run(handler).catch(() => undefined);
  }

  /** Aborts the handler's signal (the worker is stopping); the job is queued again when it returns. */
  interrupt(): void {
    this.abort(new JobInterruptedError('JOB_WORKER_STOPPED', 'The job worker is stopping'));
  }

  /**
   * Gives up on the handler: no more lease renewals and no outcome written, so the caller may close the
   * database. The lease expires and another worker resumes the job.
   */
  abandon(): void {
    this.interrupt();
    this.abandoned = true;
    clearInterval(this.renewal);
  }

  private async run(handler: JobHandler): Promise<void> {
    const startedAt = Date.now();
    let outcome: Outcome;
    try {
      await handler(this.job, {
        signal: this.controller.signal,
        extendLease: (leaseMs = this.settings.leaseMs) => this.extendLease(leaseMs),
      });
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(this.renewal);
    }
    if (this.abandoned) {
      return;
    }
    try {
      await this.record(outcome, Date.now() - startedAt);
    } catch (error) {
      this.log(
        'error',
        { error: formatJobError(error) },
        'could not record the job outcome; its lease will expire',
      );
    }
  }

  private async extendLease(leaseMs: number): Promise<boolean> {
    if (this.abandoned || this.interruption?.code === 'JOB_LEASE_LOST') {
      return false;
    }
    const held = await this.settings.queue.extendLease(this.job.id, this.settings.workerId, leaseMs);
    if (!held) {
      this.abort(new JobInterruptedError('JOB_LEASE_LOST', 'The job lease was lost'));
    }
    return held;
  }

  private abort(reason: JobInterruptedError): void {
    if (this.interruption?.code === 'JOB_LEASE_LOST') {
      return;
    }
    this.interruption = reason;
    if (!this.controller.signal.aborted) {
      this.controller.abort(reason);
    }
  }

  private async record(outcome: Outcome, durationMs: number): Promise<void> {
    const { queue, workerId } = this.settings;
    const { id, attempts, maxAttempts } = this.job;
    if (this.interruption?.code === 'JOB_LEASE_LOST') {
      this.log('warn', { durationMs }, 'job lease lost; the result of this run is discarded');
      return;
    }
    if (outcome.ok) {
      const held = await queue.complete(id, workerId);
      this.log(
        held ? 'info' : 'warn',
        { durationMs },
        held ? 'job succeeded' : 'job lease lost before completion',
      );
      return;
    }
    const message = formatJobError(outcome.error);
    if (this.interruption?.code === 'JOB_WORKER_STOPPED') {
      // Not the job's fault: queued again at once, for any worker.
      await queue.fail(id, workerId, `${this.interruption.code}: ${message}`, this.settings.now());
      this.log('warn', { durationMs, error: message }, 'job interrupted by worker stop; queued again');
      return;
    }
    if (NonRetryableJobError.isInstance(outcome.error) || attempts >= maxAttempts) {
      await queue.fail(id, workerId, message, null);
      this.log('error', { durationMs, error: message }, 'job failed');
      return;
    }
    const delayMs = computeBackoffMs(attempts, this.settings.backoff);
    const retryAt = new Date(this.settings.now().getTime() + delayMs);
    await queue.fail(id, workerId, message, retryAt);
    this.log(
      'warn',
      { durationMs, error: message, retryAt: retryAt.toISOString() },
      'job attempt failed; retrying',
    );
  }

  private log(level: 'info' | 'warn' | 'error', context: Record<string, unknown>, message: string): void {
    const { id, queue, attempts, maxAttempts } = this.job;
    this.settings.logger[level](
      { jobId: id, queue, attempt: attempts, maxAttempts, workerId: this.settings.workerId, ...context },
      message,
    );
  }
}
