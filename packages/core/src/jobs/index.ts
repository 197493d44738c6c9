export {
  computeBackoffMs,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_CAP_MS,
  type BackoffOptions,
} from './backoff.ts';
export { formatJobError, MAX_JOB_ERROR_LENGTH } from './job-error-message.ts';
export type { JobHandler, JobHandlerContext } from './job-handler.ts';
export { JobInterruptedError, type JobInterruptionCode } from './job-interrupted-error.ts';
export { safeJobLogger, type JobLogger } from './job-logger.ts';
export type { Job, JobQueue, JobStatus, NewJob } from './job-queue.ts';
export {
  createJobRunner,
  JobWorker,
  type JobRunnerOptions,
  type JobWorkerStopOptions,
} from './job-runner.ts';
export { NonRetryableJobError } from './non-retryable-job-error.ts';
