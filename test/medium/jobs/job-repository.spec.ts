import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../../packages/core/src/jobs/job-queue.ts';
import { JobRepository } from '../../../packages/db/src/repositories/job.repository.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { createIngestionRun, expireLease, secondConnection } from './job-test-support.ts';

describe(JobRepository.name, () => {
  let database: TestDatabase;
  let jobs: JobRepository;
  let queue: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    jobs = new JobRepository(database.handle.db);
  });

  afterAll(async () => {
    await database.destroy();
  });

  beforeEach(() => {
    queue = `repository-${crypto.randomUUID()}`;
  });

  it('should implement the JobQueue port of core', () => {
    const port: JobQueue = jobs;
    expect(port).toBe(jobs);
  });

  describe('enqueue', () => {
    it('should store a queued job with defaults', async () => {
      const job = await jobs.enqueue({ queue, payload: { documentId: 'd1', nested: { ok: true } } });
      expect(job).toMatchObject({
        queue,
        payload: { documentId: 'd1', nested: { ok: true } },
        status: 'queued',
        attempts: 0,
        maxAttempts: 3,
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
        runId: null,
      });
      expect(await jobs.get(job.id)).toEqual(job);
    });

    it('should leave no job when its transaction rolls back, and keep it when it commits', async () => {
      const runId = await createIngestionRun(database.handle.db);
      await expect(
        database.handle.db.transaction().execute(async (transaction) => {
          await jobs.enqueue({ queue, payload: { n: 1 }, runId }, transaction);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await jobs.countByStatus(queue)).toEqual({ queued: 0, running: 0, succeeded: 0, failed: 0 });

      const committed = await database.handle.db
        .transaction()
        .execute((transaction) => jobs.enqueue({ queue, payload: { n: 2 }, runId }, transaction));
      expect((await jobs.get(committed.id))?.runId).toBe(runId);
    });

    it('should refuse fewer than one attempt', async () => {
      await expect(jobs.enqueue({ queue, payload: {}, maxAttempts: 0 })).rejects.toThrow(RangeError);
    });
  });

  describe('claim', () => {
    it('should lease due jobs oldest first, up to the limit, counting an attempt', async () => {
      const base = Date.now() - 60_000;
      const second = await jobs.enqueue({ queue, payload: { n: 2 }, runAt: new Date(base + 2_000) });
      const first = await jobs.enqueue({ queue, payload: { n: 1 }, runAt: new Date(base + 1_000) });
      await jobs.enqueue({ queue, payload: { n: 3 }, runAt: new Date(base + 3_000) });
      await jobs.enqueue({ queue, payload: { later: true }, runAt: new Date(Date.now() + 3_600_000) });

      const claimed = await jobs.claim(queue, 'worker-a', 30_000, 2);
      expect(claimed.map((job) => job.id)).toEqual([first.id, second.id]);
      for (const job of claimed) {
        expect(job).toMatchObject({ status: 'running', lockedBy: 'worker-a', attempts: 1 });
        const leaseMs = (job.lockedUntil?.getTime() ?? 0) - Date.now();
        expect(leaseMs).toBeGreaterThan(20_000);
        expect(leaseMs).toBeLessThan(40_000);
      }
      expect((await jobs.claim(queue, 'worker-b', 30_000, 10)).map((job) => job.payload)).toEqual([{ n: 3 }]);
      expect(await jobs.claim(queue, 'worker-b', 30_000, 10)).toEqual([]);
      expect(await jobs.countByStatus(queue)).toEqual({ queued: 1, running: 3, succeeded: 0, failed: 0 });
    });

    it('should only claim from its own queue and not for a limit below one', async () => {
      await jobs.enqueue({ queue: `${queue}-other`, payload: {} });
      await jobs.enqueue({ queue, payload: {} });
      expect(await jobs.claim(queue, 'worker-a', 30_000, 0)).toEqual([]);
      const claimed = await jobs.claim(queue, 'worker-a', 30_000, 10);
      expect(claimed.map((job) => job.queue)).toEqual([queue]);
    });

    it('should never hand the same job to concurrent claimers', async () => {
      const other = secondConnection(database);
      try {
        const otherJobs = new JobRepository(other.db);
        const enqueued = await Promise.all(
          Array.from({ length: 40 }, (_, n) => jobs.enqueue({ queue, payload: { n } })),
        );
        const rounds = await Promise.all(
          Array.from({ length: 8 }, (_, n) =>
            (n % 2 === 0 ? jobs : otherJobs).claim(queue, `worker-${n}`, 30_000, 3),
          ),
        );
        const more = await Promise.all(
          Array.from({ length: 8 }, (_, n) =>
            (n % 2 === 0 ? jobs : otherJobs).claim(queue, `worker-${n}`, 30_000, 3),
          ),
        );
        const ids = [...rounds, ...more].flat().map((job) => job.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(enqueued.length);
      } finally {
        await other.close();
      }
    });

    it('should resume a running job whose lease expired, for another worker', async () => {
      const job = await jobs.enqueue({ queue, payload: {} });
      await jobs.claim(queue, 'crashed-worker', 30_000, 1);
      expect(await jobs.claim(queue, 'worker-b', 30_000, 1)).toEqual([]);

      await expireLease(database.handle.db, job.id);
      const [resumed] = await jobs.claim(queue, 'worker-b', 30_000, 1);
      expect(resumed).toMatchObject({ id: job.id, lockedBy: 'worker-b', attempts: 2, status: 'running' });
      expect(await jobs.complete(job.id, 'crashed-worker')).toBe(false);
      expect(await jobs.complete(job.id, 'worker-b')).toBe(true);
    });

    it('should fail an expired job on its last attempt instead of resuming it', async () => {
      const job = await jobs.enqueue({ queue, payload: {}, maxAttempts: 1 });
      await jobs.claim(queue, 'crashed-worker', 30_000, 1);
      await expireLease(database.handle.db, job.id);
      expect(await jobs.claim(queue, 'worker-b', 30_000, 1)).toEqual([]);
      const failed = await jobs.get(job.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, lockedBy: null, lockedUntil: null });
      expect(failed?.lastError).toBe(
        'JOB_LEASE_EXPIRED: its worker stopped renewing the lease on attempt 1 of 1',
      );
    });
  });

  describe('lease owner guard', () => {
    it('should let only the lease owner extend, complete or fail a job', async () => {
      const job = await jobs.enqueue({ queue, payload: {} });
      const [claimed] = await jobs.claim(queue, 'owner', 1_000, 1);
      expect(await jobs.extendLease(job.id, 'intruder', 60_000)).toBe(false);
      expect(await jobs.complete(job.id, 'intruder')).toBe(false);
      expect(await jobs.fail(job.id, 'intruder', 'nope', null)).toBe(false);
      expect((await jobs.get(job.id))?.status).toBe('running');

      expect(await jobs.extendLease(job.id, 'owner', 60_000)).toBe(true);
      const extended = await jobs.get(job.id);
      expect(extended?.lockedUntil?.getTime()).toBeGreaterThan(
        (claimed?.lockedUntil?.getTime() ?? 0) + 30_000,
      );

      expect(await jobs.complete(job.id, 'owner')).toBe(true);
      expect(await jobs.get(job.id)).toMatchObject({
        status: 'succeeded',
        lockedBy: null,
        lockedUntil: null,
      });
      expect(await jobs.complete(job.id, 'owner')).toBe(false);
      expect(await jobs.extendLease(job.id, 'owner', 60_000)).toBe(false);
    });
  });

  describe('fail', () => {
    it('should queue the job again at retryAt, or fail it for good without one', async () => {
      const job = await jobs.enqueue({ queue, payload: {} });
      await jobs.claim(queue, 'worker', 30_000, 1);
      const retryAt = new Date(Date.now() + 60_000);
      expect(await jobs.fail(job.id, 'worker', 'Error: first', retryAt)).toBe(true);
      expect(await jobs.get(job.id)).toMatchObject({
        status: 'queued',
        runAt: retryAt,
        lastError: 'Error: first',
        lockedBy: null,
        attempts: 1,
      });
      expect(await jobs.claim(queue, 'worker', 30_000, 1)).toEqual([]);

      await database.handle.db
        .updateTable('jobs')
        .set({ run_at: new Date(Date.now() - 1_000) })
        .where('id', '=', job.id)
        .execute();
      await jobs.claim(queue, 'worker', 30_000, 1);
      expect(await jobs.fail(job.id, 'worker', 'Error: second', null)).toBe(true);
      expect(await jobs.get(job.id)).toMatchObject({
        status: 'failed',
        lastError: 'Error: second',
        attempts: 2,
      });
      expect(await jobs.claim(queue, 'worker', 30_000, 1)).toEqual([]);
    });
  });

  describe('cancelByRun', () => {
    it('should fail the unfinished jobs of a run and leave others alone', async () => {
      const runId = await createIngestionRun(database.handle.db);
      const done = await jobs.enqueue({
        queue,
        payload: { n: 0 },
        runId,
        runAt: new Date(Date.now() - 1_000),
      });
      await jobs.claim(queue, 'worker', 30_000, 1);
      await jobs.complete(done.id, 'worker');
      const running = await jobs.enqueue({ queue, payload: { n: 1 }, runId });
      await jobs.claim(queue, 'worker', 30_000, 1);
      const waiting = await jobs.enqueue({ queue, payload: { n: 2 }, runId });
      const unrelated = await jobs.enqueue({ queue, payload: { n: 3 } });

      expect(await jobs.cancelByRun(runId)).toBe(2);
      expect((await jobs.get(done.id))?.status).toBe('succeeded');
      for (const id of [running.id, waiting.id]) {
        expect(await jobs.get(id)).toMatchObject({ status: 'failed', lockedBy: null });
        expect((await jobs.get(id))?.lastError).toMatch(/^JOB_CANCELLED: /);
      }
      expect((await jobs.get(unrelated.id))?.status).toBe('queued');
      expect(await jobs.complete(running.id, 'worker')).toBe(false);
      expect(await jobs.extendLease(running.id, 'worker', 30_000)).toBe(false);
      expect(await jobs.cancelByRun('not-a-uuid')).toBe(0);
    });
  });

  describe('get', () => {
    it('should answer undefined for an unknown or malformed id', async () => {
      expect(await jobs.get(crypto.randomUUID())).toBeUndefined();
      expect(await jobs.get('not-a-uuid')).toBeUndefined();
    });
  });
});
