import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { BackoffOptions } from './backoff.ts';
import { formatJobError } from './job-error-message.ts';
import { JobExecution, type JobExecutionSettings } from './job-execution.ts';
import type { JobHandler } from './job-handler.ts';
import { safeJobLogger, type JobLogger } from './job-logger.ts';
import type { Job, JobQueue } from './job-queue.ts';
import { WakeSignal } from './wake-signal.ts';

/** How to build a {@link JobWorker}. */
export interface JobRunnerOptions {
  /** The durable queue (`JobRepository` of `@youworker/db`). */
  queue: JobQueue;
  /** One handler per queue name; only these queues are claimed. */
  handlers: Record<string, JobHandler>;
  logger: JobLogger;
  /** Handlers running at once, all queues together. Default 2. */
  concurrency?: number;
  /** Sleep between polls when nothing is due. Default 500 ms; `notify()` cuts it short. */
  pollIntervalMs?: number;
  /** Lease of a claimed job, renewed every third of it while its handler runs. Default 60 000 ms. */
  leaseMs?: number;
  /** Retry delays: exponential with jitter, base 2 s, cap 5 min by default. */
  backoff?: BackoffOptions;
  /** Identifies this worker in leases and logs. Default `<hostname>:<pid>:<random>`. */
  workerId?: string;
  /** The clock a retry's `runAt` is computed from. Default `() => new Date()`. */
  now?: () => Date;
}

/** How {@link JobWorker.stop} winds down. */
export interface JobWorkerStopOptions {
  /** How long running handlers may finish undisturbed before their signals are aborted. Default 10 000 ms. */
  graceMs?: number;
  /**
   * How long aborted handlers then get before they are abandoned (their jobs are resumed elsewhere once
   * the lease expires). Default 5 000 ms.
   */
  abandonAfterMs?: number;
}

const DEFAULT_CONCURRENCY = 2;
const DEFAULT_POLL_INTERVAL_MS = 500;
const DEFAULT_LEASE_MS = 60_000;
const MAX_ERROR_POLL_INTERVAL_MS = 30_000;

function requirePositive(name: string, value: number, integer: boolean): number {
  if (!(value > 0) || (integer && !Number.isInteger(value)) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
  return value;
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * Polls the queues that have a handler, runs up to `concurrency` jobs at once and records their
 * outcomes. Nothing it does throws into the process: failures are logged and retried.
 */
export class JobWorker {
  /** This worker's id, as written in `locked_by`. */
  readonly workerId: string;
  private readonly queueNames: string[];
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly settings: JobExecutionSettings;
  private readonly logger: JobLogger;
  private readonly active = new Map<string, JobExecution>();
  private readonly wakeSignal = new WakeSignal();
  private state: 'idle' | 'running' | 'stopping' = 'idle';
  private loop: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private nextQueue = 0;
  private consecutiveErrors = 0;

  constructor(private readonly options: JobRunnerOptions) {
    this.logger = safeJobLogger(options.logger);
    this.queueNames = Object.keys(options.handlers);
    if (this.queueNames.length === 0) {
      throw new RangeError('A job runner needs at least one handler');
    }
    this.concurrency = requirePositive('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY, true);
    this.pollIntervalMs = requirePositive(
      'pollIntervalMs',
      options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      false,
    );
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.settings = {
      queue: options.queue,
      workerId: this.workerId,
      leaseMs: requirePositive('leaseMs', options.leaseMs ?? DEFAULT_LEASE_MS, false),
      logger: this.logger,
      backoff: options.backoff ?? {},
      now: options.now ?? (() => new Date()),
    };
  }

  /** How many handlers are running now. */
  get activeCount(): number {
    return this.active.size;
  }

  /** Starts polling. Calling it again while running does nothing; a stopped worker cannot restart. */
  start(): void {
    if (this.state === 'running') {
      return;
    }
    if (this.state === 'stopping') {
      throw new Error('A stopped job worker cannot be started again; create a new one');
    }
    this.state = 'running';
    this.logger.info({ workerId: this.workerId, queues: this.queueNames }, 'job worker started');
    this.loop = this.pollLoop();
  }

  /** Polls now instead of at the end of the current interval (call it after an enqueue). */
  notify(): void {
    this.wakeSignal.wake();
  }

  /**
   * Stops claiming, lets running handlers finish for `graceMs`, then aborts their signals and waits up
   * to `abandonAfterMs` more. Resolves when no handler of this worker will touch the queue any more.
   * Idempotent: later calls return the same promise.
   */
  stop(options: JobWorkerStopOptions = {}): Promise<void> {
    if (this.stopped) {
      return this.stopped;
    }
    const previous = this.state;
    this.state = 'stopping';
    this.wakeSignal.wake();
    this.stopped = previous === 'idle' ? Promise.resolve() : this.windDown(options);
    return this.stopped;
  }

  private async windDown({ graceMs = 10_000, abandonAfterMs = 5_000 }: JobWorkerStopOptions): Promise<void> {
    await this.loop;
    const all = (): Promise<unknown> =>
      Promise.all([...this.active.values()].map((execution) => execution.done));
    if (!(await settlesWithin(all(), graceMs))) {
      this.logger.warn(
        { workerId: this.workerId, running: this.active.size },
        'job worker grace period over; aborting running handlers',
      );
      for (const execution of this.active.values()) {
        execution.interrupt();
      }
      if (!(await settlesWithin(all(), abandonAfterMs))) {
        this.logger.error(
          { workerId: this.workerId, jobIds: [...this.active.keys()] },
          'job handlers ignored their abort signal; abandoned until their leases expire',
        );
        for (const execution of this.active.values()) {
          execution.abandon();
        }
      }
    }
    this.logger.info({ workerId: this.workerId }, 'job worker stopped');
  }

  private async pollLoop(): Promise<void> {
    while (this.isRunning()) {
      let more = false;
      try {
        more = await this.claimAvailable();
        this.consecutiveErrors = 0;
      } catch (error) {
        this.consecutiveErrors += 1;
        this.logger.error(
          {
            workerId: this.workerId,
            error: formatJobError(error),
            consecutiveErrors: this.consecutiveErrors,
          },
          'job claim failed',
        );
      }
      if (this.isRunning() && !more) {
        await this.wakeSignal.wait(this.sleepMs());
      }
    }
  }

  /** Claims into the free slots, one queue after another (rotating the first); `true` when more may be due. */
  private async claimAvailable(): Promise<boolean> {
    let more = false;
    const first = this.nextQueue;
    this.nextQueue = (this.nextQueue + 1) % this.queueNames.length;
    for (let offset = 0; offset < this.queueNames.length; offset += 1) {
      const free = this.concurrency - this.active.size;
      if (free <= 0 || !this.isRunning()) {
        break;
      }
      const name = this.queueNames[(first + offset) % this.queueNames.length] as string;
      const jobs = await this.options.queue.claim(name, this.workerId, this.settings.leaseMs, free);
      jobs.forEach((job) => {
        this.launch(job);
      });
      more ||= jobs.length === free;
    }
    return more;
  }

  private launch(job: Job): void {
    const handler = this.options.handlers[job.queue];
    // Our own expired lease claimed again: the handler still runs, and the claim renewed its lease.
    if (!handler || this.active.has(job.id)) {
      return;
    }
    const execution = new JobExecution(job, handler, this.settings);
    this.active.set(job.id, execution);
    void execution.done.finally(() => {
      this.active.delete(job.id);
      this.wakeSignal.wake();
    });
  }

  /** A method, not a field test, so TypeScript does not narrow the state across an `await`. */
  private isRunning(): boolean {
    return this.state === 'running';
  }

  private sleepMs(): number {
    if (this.consecutiveErrors === 0) {
      return this.pollIntervalMs;
    }
    const factor = 2 ** Math.min(this.consecutiveErrors - 1, 16);
    return Math.min(MAX_ERROR_POLL_INTERVAL_MS, Math.max(this.pollIntervalMs, this.pollIntervalMs * factor));
  }
}

/**
 * Builds a {@link JobWorker} (not started): call `start()`, `notify()` after enqueueing, and
 * `stop({ graceMs })` at shutdown.
 */
export function createJobRunner(options: JobRunnerOptions): JobWorker {
  return new JobWorker(options);
}
