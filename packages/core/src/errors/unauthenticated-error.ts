import { YouWorkerError, type YouWorkerErrorOptions } from './youworker-error.ts';

/** No valid credentials were presented. */
export class UnauthenticatedError extends YouWorkerError {
  readonly kind = 'unauthenticated' as const;

  constructor(options: Partial<YouWorkerErrorOptions> & { message: string }) {
    super({ code: 'UNAUTHENTICATED', isRetryable: false, ...options });
    this.name = 'UnauthenticatedError';
  }
}
