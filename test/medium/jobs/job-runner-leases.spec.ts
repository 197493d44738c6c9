import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobInterruptedError } from '../../../packages/core/src/jobs/job-interrupted-error.ts';
import { JobRepository } from '../../../packages/db/src/repositories/job.repository.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  createIngestionRun,
  expireLease,
  recordingLogger,
  sleep,
  waitFor,
  workerPool,
  type RecordingLogger,
} from './job-test-support.ts';

/** Resolves when `signal` aborts, with its reason. */
function aborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => {
      resolve(signal.reason);
    });
  });
}

describe('job runner leases and shutdown', () => {
  let database: TestDatabase;
  let jobs: JobRepository;
  let queueName: string;
  let logger: RecordingLogger;
  const pool = workerPool(() => ({ queue: jobs, logger, pollIntervalMs: 20 }));

  beforeAll(async () => {
    database = await createTestDatabase();
    jobs = new JobRepository(database.handle.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  beforeEach(() => {
    queueName = `leases-${crypto.randomUUID()}`;
    logger = recordingLogger();
  });

  afterEach(async () => {
    await pool.stopAll();
  });

  const statusOf = async (id: string) => (await jobs.get(id))?.status;

  it('should resume the job of a crashed worker once its lease expired', async () => {
    const job = await jobs.enqueue({ queue: queueName, payload: {} });
    const [claimed] = await jobs.claim(queueName, 'crashed-worker', 60_000, 1);
    expect(claimed?.lockedBy).toBe('crashed-worker');
    const attemptsSeen: number[] = [];
    const worker = pool.create({
      handlers: {
        [queueName]: async (resumed) => {
          attemptsSeen.push(resumed.attempts);
        },
      },
    });
    worker.start();
    await sleep(300);
    expect(attemptsSeen).toEqual([]);

    await expireLease(database.handle.db, job.id);
    worker.notify();
    await waitFor(async () => (await statusOf(job.id)) === 'succeeded', 10_000, 'job succeeded');
    expect(attemptsSeen).toEqual([2]);
    expect(await jobs.complete(job.id, 'crashed-worker')).toBe(false);
  });

  it('should renew the lease while a long handler runs, so no other worker takes the job', async () => {
    const job = await jobs.enqueue({ queue: queueName, payload: {} });
    let runs = 0;
    const handlers = {
      [queueName]: async () => {
        runs += 1;
        await sleep(4_000);
      },
    };
    pool.create({ leaseMs: 1_500, handlers }).start();
    await waitFor(() => runs === 1, 10_000, 'handler started');
    pool.create({ leaseMs: 1_500, handlers }).start();
    const firstLease = (await jobs.get(job.id))?.lockedUntil?.getTime() ?? 0;
    await sleep(2_000);
    const laterLease = (await jobs.get(job.id))?.lockedUntil?.getTime() ?? 0;
    expect(laterLease).toBeGreaterThan(firstLease);
    await waitFor(async () => (await statusOf(job.id)) === 'succeeded', 15_000, 'job succeeded');
    expect(runs).toBe(1);
    expect((await jobs.get(job.id))?.attempts).toBe(1);
  });

  it('should abort a handler whose job was cancelled with its run, and discard its result', async () => {
    const runId = await createIngestionRun(database.handle.db);
    const job = await jobs.enqueue({ queue: queueName, payload: {}, runId });
    let reason: unknown;
    let started = false;
    pool
      .create({
        leaseMs: 600,
        handlers: {
          [queueName]: async (_job, { signal }) => {
            started = true;
            reason = await aborted(signal);
          },
        },
      })
      .start();
    await waitFor(() => started, 10_000, 'handler started');
    expect(await jobs.cancelByRun(runId)).toBe(1);
    await waitFor(() => reason !== undefined, 10_000, 'handler aborted');
    expect(JobInterruptedError.isInstance(reason) && reason.code).toBe('JOB_LEASE_LOST');
    await waitFor(
      () =>
        logger.entries.some(
          (entry) => entry.message === 'job lease lost; the result of this run is discarded',
        ),
      5_000,
      'lease loss logged',
    );
    expect(await jobs.get(job.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await jobs.get(job.id))?.lastError).toMatch(/^JOB_CANCELLED: /);
  });

  it('should let the extendLease of the handler context renew the lease on demand', async () => {
    const job = await jobs.enqueue({ queue: queueName, payload: {} });
    const results: boolean[] = [];
    pool
      .create({
        handlers: {
          [queueName]: async (_job, { extendLease }) => {
            results.push(await extendLease(600_000));
          },
        },
      })
      .start();
    await waitFor(async () => (await statusOf(job.id)) === 'succeeded', 10_000, 'job succeeded');
    expect(results).toEqual([true]);
  });

  it('should stop claiming and wait for running handlers to finish within the grace period', async () => {
    const job = await jobs.enqueue({ queue: queueName, payload: {} });
    let started = false;
    let finished = false;
    let signalAborted = false;
    const worker = pool.create({
      handlers: {
        [queueName]: async (_job, { signal }) => {
          started = true;
          await sleep(500);
          signalAborted = signal.aborted;
          finished = true;
        },
      },
    });
    worker.start();
    await waitFor(() => started, 10_000, 'handler started');
    await worker.stop({ graceMs: 20_000 });
    expect(finished).toBe(true);
    expect(signalAborted).toBe(false);
    expect(await statusOf(job.id)).toBe('succeeded');

    const later = await jobs.enqueue({ queue: queueName, payload: {} });
    worker.notify();
    await sleep(300);
    expect(await jobs.get(later.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('should abort handlers after the grace period and queue their jobs again', async () => {
    const job = await jobs.enqueue({ queue: queueName, payload: {} });
    let started = false;
    let reason: unknown;
    const worker = pool.create({
      handlers: {
        [queueName]: async (_job, { signal }) => {
          started = true;
          reason = await aborted(signal);
          throw new Error('aborted by the worker');
        },
      },
    });
    worker.start();
    await waitFor(() => started, 10_000, 'handler started');
    const stopping = Date.now();
    await worker.stop({ graceMs: 200 });
    expect(Date.now() - stopping).toBeGreaterThanOrEqual(190);
    expect(JobInterruptedError.isInstance(reason) && reason.code).toBe('JOB_WORKER_STOPPED');
    const requeued = await jobs.get(job.id);
    expect(requeued).toMatchObject({ status: 'queued', attempts: 1, lockedBy: null });
    expect(requeued?.lastError).toBe('JOB_WORKER_STOPPED: Error: aborted by the worker');
    expect(requeued?.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('should abandon handlers that ignore their signal, leaving the job to its lease', async () => {
    const job = await jobs.enqueue({ queue: queueName, payload: {} });
    let started = false;
    let release: () => void = () => {};
    const worker = pool.create({
      leaseMs: 600,
      handlers: {
        [queueName]: () => {
          started = true;
          return new Promise<void>((resolve) => {
            release = resolve;
          });
        },
      },
    });
    worker.start();
    await waitFor(() => started, 10_000, 'handler started');
    await worker.stop({ graceMs: 50, abandonAfterMs: 50 });
    expect(logger.entries.some((entry) => entry.level === 'error' && /abandoned/.test(entry.message))).toBe(
      true,
    );
    const abandoned = await jobs.get(job.id);
    expect(abandoned).toMatchObject({ status: 'running', lockedBy: worker.workerId });

    release();
    await sleep(1_000);
    // No completion and no renewal after stop(): the lease simply runs out.
    const after = await jobs.get(job.id);
    expect(after).toMatchObject({ status: 'running' });
    expect(after?.lockedUntil?.getTime()).toBe(abandoned?.lockedUntil?.getTime());
  });
});
