import { YouWorkerError, type YouWorkerErrorOptions } from './youworker-error.ts';

/** The request conflicts with the current state (duplicate name, wrong version). */
export class ConflictError extends YouWorkerError {
  readonly kind = 'conflict' as const;

  constructor(options: Partial<YouWorkerErrorOptions> & { message: string }) {
    super({ code: 'CONFLICT', isRetryable: false, ...options });
    this.name = 'ConflictError';
  }
}
