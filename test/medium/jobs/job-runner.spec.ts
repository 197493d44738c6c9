import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NonRetryableJobError } from '../../../packages/core/src/jobs/non-retryable-job-error.ts';
import { JobRepository } from '../../../packages/db/src/repositories/job.repository.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  recordingLogger,
  secondConnection,
  sleep,
  waitFor,
  workerPool,
  type RecordingLogger,
} from './job-test-support.ts';

describe('job runner', () => {
  let database: TestDatabase;
  let jobs: JobRepository;
  let queueName: string;
  let logger: RecordingLogger;
  const pool = workerPool(() => ({
    queue: jobs,
    logger,
    pollIntervalMs: 20,
    backoff: { baseMs: 20, capMs: 100 },
  }));

  beforeAll(async () => {
    database = await createTestDatabase();
    jobs = new JobRepository(database.handle.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  beforeEach(() => {
    queueName = `runner-${crypto.randomUUID()}`;
    logger = recordingLogger();
  });

  afterEach(async () => {
    await pool.stopAll();
  });

  const statusOf = async (id: string) => (await jobs.get(id))?.status;

  it('should claim an enqueued job once and complete it, woken by notify()', async () => {
    const seen: { id: string; payload: Record<string, unknown>; attempts: number }[] = [];
    const worker = pool.create({
      pollIntervalMs: 60_000,
      handlers: {
        [queueName]: async (job) => {
          seen.push({ id: job.id, payload: job.payload, attempts: job.attempts });
        },
      },
    });
    worker.start();
    await sleep(100);
    const job = await jobs.enqueue({ queue: queueName, payload: { documentId: 'd-1' } });
    worker.notify();
    await waitFor(async () => (await statusOf(job.id)) === 'succeeded', 10_000, 'job succeeded');
    expect(seen).toEqual([{ id: job.id, payload: { documentId: 'd-1' }, attempts: 1 }]);
    expect(await jobs.get(job.id)).toMatchObject({ attempts: 1, lockedBy: null, lastError: null });
    expect(logger.entries.some((entry) => entry.message === 'job succeeded')).toBe(true);
  });

  it('should run every job exactly once with two runners in parallel on the same queue', async () => {
    const other = secondConnection(database);
    try {
      const runs = new Map<string, number>();
      const byWorker = new Map<string, number>();
      const handlerFor = (name: string) => async (job: { id: string }) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        byWorker.set(name, (byWorker.get(name) ?? 0) + 1);
        await sleep(10);
      };
      const enqueued = [];
      for (let n = 0; n < 50; n += 1) {
        enqueued.push(await jobs.enqueue({ queue: queueName, payload: { n } }));
      }
      pool.create({ concurrency: 4, handlers: { [queueName]: handlerFor('a') } }).start();
      pool
        .create({
          queue: new JobRepository(other.db),
          concurrency: 4,
          handlers: { [queueName]: handlerFor('b') },
        })
        .start();
      await waitFor(
        async () => (await jobs.countByStatus(queueName)).succeeded === 50,
        45_000,
        'all jobs succeeded',
      );
      await pool.stopAll();
      expect(runs.size).toBe(50);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      expect(enqueued.every((job) => runs.has(job.id))).toBe(true);
      expect(byWorker.get('a')).toBeGreaterThan(0);
      expect(byWorker.get('b')).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it('should retry a failing job with backoff until it succeeds', async () => {
    const startedAt: number[] = [];
    const job = await jobs.enqueue({ queue: queueName, payload: {}, maxAttempts: 5 });
    pool
      .create({
        backoff: { baseMs: 200, capMs: 1_000 },
        handlers: {
          [queueName]: async (claimed) => {
            startedAt.push(Date.now());
            if (claimed.attempts < 3) {
              throw new Error(`attempt ${claimed.attempts} failed`);
            }
          },
        },
      })
      .start();
    await waitFor(async () => (await statusOf(job.id)) === 'succeeded', 20_000, 'job succeeded');
    expect(startedAt).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = startedAt;
    // Equal jitter: at least half the ceiling, 200 ms then 400 ms.
    expect(second - first).toBeGreaterThanOrEqual(90);
    expect(third - second).toBeGreaterThanOrEqual(190);
    expect(await jobs.get(job.id)).toMatchObject({ attempts: 3, lastError: 'Error: attempt 2 failed' });
    expect(logger.entries.filter((entry) => entry.message === 'job attempt failed; retrying')).toHaveLength(
      2,
    );
  });

  it('should fail a job with its last error once max attempts are spent', async () => {
    let calls = 0;
    const job = await jobs.enqueue({ queue: queueName, payload: {}, maxAttempts: 2 });
    pool
      .create({
        handlers: {
          [queueName]: async () => {
            calls += 1;
            throw new TypeError(`boom ${calls}`);
          },
        },
      })
      .start();
    await waitFor(async () => (await statusOf(job.id)) === 'failed', 20_000, 'job failed');
    await sleep(200);
    expect(calls).toBe(2);
    expect(await jobs.get(job.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'TypeError: boom 2',
    });
    expect(logger.entries.filter((entry) => entry.level === 'error').map((entry) => entry.message)).toEqual([
      'job failed',
    ]);
  });

  it('should fail a job at once on NonRetryableJobError', async () => {
    let calls = 0;
    const job = await jobs.enqueue({ queue: queueName, payload: {}, maxAttempts: 5 });
    const custom = await jobs.enqueue({ queue: queueName, payload: { custom: true }, maxAttempts: 5 });
    pool
      .create({
        handlers: {
          [queueName]: async (claimed) => {
            calls += 1;
            throw claimed.payload.custom
              ? new NonRetryableJobError('document deleted', { code: 'DOCUMENT_NOT_FOUND' })
              : new NonRetryableJobError('bad payload');
          },
        },
      })
      .start();
    await waitFor(
      async () => (await statusOf(job.id)) === 'failed' && (await statusOf(custom.id)) === 'failed',
      20_000,
      'jobs failed',
    );
    await sleep(200);
    expect(calls).toBe(2);
    expect(await jobs.get(job.id)).toMatchObject({
      attempts: 1,
      lastError: 'JOB_NON_RETRYABLE: bad payload',
    });
    expect(await jobs.get(custom.id)).toMatchObject({
      attempts: 1,
      lastError: 'DOCUMENT_NOT_FOUND: document deleted',
    });
  });

  it('should keep running jobs after a handler throws a non-Error value', async () => {
    const job = await jobs.enqueue({ queue: queueName, payload: {}, maxAttempts: 1 });
    const next = await jobs.enqueue({ queue: queueName, payload: { ok: true } });
    pool
      .create({
        concurrency: 1,
        handlers: {
          [queueName]: (claimed) => {
            if (!claimed.payload.ok) {
              // eslint-disable-next-line @typescript-eslint/only-throw-error -- a careless handler
              throw 'a string';
            }
            return Promise.resolve();
          },
        },
      })
      .start();
    await waitFor(async () => (await statusOf(next.id)) === 'succeeded', 20_000, 'next job succeeded');
    expect(await jobs.get(job.id)).toMatchObject({ status: 'failed', lastError: 'Error: a string' });
  });
});
