import { YouWorkerError, type YouWorkerErrorOptions } from './youworker-error.ts';

/** The thing does not exist, or the caller may not know that it does. */
export class NotFoundError extends YouWorkerError {
  readonly kind = 'not-found' as const;

  constructor(options: Partial<YouWorkerErrorOptions> & { message: string }) {
    super({ code: 'NOT_FOUND', isRetryable: false, ...options });
    this.name = 'NotFoundError';
  }
}
