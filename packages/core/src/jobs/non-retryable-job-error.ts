const marker = Symbol.for('youworker.non-retryable-job-error');

/**
 * Thrown by a job handler when trying again cannot help (bad payload, the target was deleted): the job
 * fails at once, whatever attempts remain. `isInstance` works across duplicated package copies, where
 * `instanceof` does not.
 */
export class NonRetryableJobError extends Error {
  private readonly [marker] = true;
  /** Stable code, stored with the message as the job's `last_error`. */
  readonly code: string;

  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'NonRetryableJobError';
    this.code = options.code ?? 'JOB_NON_RETRYABLE';
  }

  static isInstance(error: unknown): error is NonRetryableJobError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
