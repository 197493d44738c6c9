import { describe, expect, it } from 'vitest';
import type { JobLogger } from './job-logger.ts';
import type { Job, JobQueue, NewJob } from './job-queue.ts';
import { createJobRunner, JobWorker } from './job-runner.ts';

/** A queue that fails its first `failures` claims, then hands out one job once. */
class FlakyQueue implements JobQueue {
  claims = 0;
  completed: string[] = [];
  private handedOut = false;

  constructor(private failures: number) {}

  async enqueue(job: NewJob): Promise<Job> {
    return this.job(job.queue);
  }

  async claim(queue: string): Promise<Job[]> {
    this.claims += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('connection terminated');
    }
    if (this.handedOut) {
      return [];
    }
    this.handedOut = true;
    return [this.job(queue)];
  }

  async extendLease(): Promise<boolean> {
    return true;
  }

  async complete(id: string): Promise<boolean> {
    this.completed.push(id);
    return true;
  }

  async fail(): Promise<boolean> {
    return true;
  }

  private job(queue: string): Job {
    const now = new Date();
    return {
      id: '00000000-0000-4000-8000-000000000001',
      queue,
      payload: {},
      status: 'running',
      attempts: 1,
      maxAttempts: 3,
      runAt: now,
      lockedBy: 'worker',
      lockedUntil: now,
      lastError: null,
      runId: null,
      createdAt: now,
      updatedAt: now,
    };
  }
}

function recordingLogger(): JobLogger & { messages: string[] } {
  const messages: string[] = [];
  const record = (_context: Record<string, unknown>, message: string): void => {
    messages.push(message);
  };
  return { messages, info: record, warn: record, error: record };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe(JobWorker.name, () => {
  it('should log failed claims, keep polling and run the job once the queue answers', async () => {
    const queue = new FlakyQueue(2);
    const logger = recordingLogger();
    const runs: string[] = [];
    const worker = createJobRunner({
      queue,
      logger,
      pollIntervalMs: 5,
      handlers: {
        mail: async (job) => {
          runs.push(job.id);
        },
      },
    });
    worker.start();
    await waitFor(() => queue.completed.length === 1);
    await worker.stop();
    expect(runs).toHaveLength(1);
    expect(logger.messages.filter((message) => message === 'job claim failed')).toHaveLength(2);
  });

  it('should survive a logger that throws', async () => {
    const queue = new FlakyQueue(1);
    const throwing = (): void => {
      throw new Error('log sink closed');
    };
    const worker = createJobRunner({
      queue,
      logger: { info: throwing, warn: throwing, error: throwing },
      pollIntervalMs: 5,
      handlers: { mail: async () => {} },
    });
    worker.start();
    await waitFor(() => queue.completed.length === 1);
    await worker.stop();
  });

  it('should refuse invalid options', () => {
    const base = { queue: new FlakyQueue(0), logger: recordingLogger() };
    expect(() => createJobRunner({ ...base, handlers: {} })).toThrow(RangeError);
    expect(() => createJobRunner({ ...base, handlers: { a: async () => {} }, concurrency: 0 })).toThrow(
      /concurrency/,
    );
    expect(() => createJobRunner({ ...base, handlers: { a: async () => {} }, concurrency: 1.5 })).toThrow(
      /concurrency/,
    );
    expect(() => createJobRunner({ ...base, handlers: { a: async () => {} }, leaseMs: -1 })).toThrow(
      /leaseMs/,
    );
  });

  it('should not start again once stopped, and stop idempotently', async () => {
    const worker = createJobRunner({
      queue: new FlakyQueue(0),
      logger: recordingLogger(),
      handlers: { a: async () => {} },
    });
    worker.start();
    worker.start();
    const first = worker.stop();
    expect(worker.stop()).toBe(first);
    await first;
    expect(() => {
      worker.start();
    }).toThrow(/cannot be started again/);
  });
});
