const marker = Symbol.for('youworker.error.llm');

/** Stable codes of LLM failures. */
export type LlmErrorCode =
  | 'LLM_UNAVAILABLE'
  | 'LLM_TIMEOUT'
  | 'LLM_RATE_LIMITED'
  | 'LLM_BAD_RESPONSE'
  | 'LLM_MODEL_NOT_FOUND'
  | 'LLM_REQUEST_REJECTED'
  | 'LLM_ABORTED';

/**
 * A failure talking to the model server. `isRetryable` is true only where retrying is safe:
 * connection refused, 429 and 5xx before the first streamed byte. Messages name the configured URL
 * (never credentials) so an operator can act.
 */
export class LlmError extends Error {
  private readonly [marker] = true;

  constructor(
    readonly code: LlmErrorCode,
    message: string,
    readonly options: { isRetryable?: boolean; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'LlmError';
  }

  get isRetryable(): boolean {
    return this.options.isRetryable ?? false;
  }

  static isInstance(error: unknown): error is LlmError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
