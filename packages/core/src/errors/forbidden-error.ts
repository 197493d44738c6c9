import { YouWorkerError, type YouWorkerErrorOptions } from './youworker-error.ts';

/** The caller is known but may not do this. Use NotFoundError instead when revealing existence would leak. */
export class ForbiddenError extends YouWorkerError {
  readonly kind = 'forbidden' as const;

  constructor(options: Partial<YouWorkerErrorOptions> & { message: string }) {
    super({ code: 'FORBIDDEN', isRetryable: false, ...options });
    this.name = 'ForbiddenError';
  }
}
