import { YouWorkerError, type YouWorkerErrorOptions } from './youworker-error.ts';

/** A dependency (database, LLM, MCP server) cannot serve the request right now. */
export class UnavailableError extends YouWorkerError {
  readonly kind = 'unavailable' as const;

  constructor(options: Partial<YouWorkerErrorOptions> & { message: string }) {
    super({ code: 'SERVICE_UNAVAILABLE', isRetryable: true, ...options });
    this.name = 'UnavailableError';
  }
}
