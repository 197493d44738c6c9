import { YouWorkerError, type YouWorkerErrorOptions } from './youworker-error.ts';

/** The caller exceeded a rate limit; `details.retryAfterSeconds` says when to come back. */
export class RateLimitedError extends YouWorkerError {
  readonly kind = 'rate-limited' as const;

  constructor(options: Partial<YouWorkerErrorOptions> & { message: string }) {
    super({ code: 'RATE_LIMITED', isRetryable: true, ...options });
    this.name = 'RateLimitedError';
  }
}
