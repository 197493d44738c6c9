import { YouWorkerError, type YouWorkerErrorOptions } from './youworker-error.ts';

/** Input that passed the schema but breaks a domain rule. */
export class ValidationError extends YouWorkerError {
  readonly kind = 'validation' as const;

  constructor(options: Partial<YouWorkerErrorOptions> & { message: string }) {
    super({ code: 'VALIDATION_FAILED', isRetryable: false, ...options });
    this.name = 'ValidationError';
  }
}
