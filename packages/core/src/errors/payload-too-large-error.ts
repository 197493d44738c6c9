import { YouWorkerError, type YouWorkerErrorOptions } from './youworker-error.ts';

/** An input exceeds a configured size limit. */
export class PayloadTooLargeError extends YouWorkerError {
  readonly kind = 'payload-too-large' as const;

  constructor(options: Partial<YouWorkerErrorOptions> & { message: string }) {
    super({ code: 'PAYLOAD_TOO_LARGE', isRetryable: false, ...options });
    this.name = 'PayloadTooLargeError';
  }
}
