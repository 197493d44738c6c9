const marker = Symbol.for('youworker.error');

/** Constructor options shared by every domain error. */
export interface YouWorkerErrorOptions {
  /** Stable, documented machine-readable code, e.g. `DOCUMENT_NOT_FOUND`. */
  code: string;
  message: string;
  /** Structured, client-safe details (never secrets). */
  details?: Record<string, unknown>;
  /** Whether retrying the same call later may succeed. */
  isRetryable?: boolean;
  cause?: unknown;
}

/**
 * Base of every domain error. Services throw these (never HTTP types); the HTTP layer maps the
 * `kind` to a status in one place. `isInstance` works across duplicated package copies, where
 * `instanceof` does not.
 */
export abstract class YouWorkerError extends Error {
  private readonly [marker] = true;
  /** The family of failure; the HTTP layer maps it to a status. */
  abstract readonly kind: ErrorKind;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  readonly isRetryable: boolean;

  protected constructor(options: YouWorkerErrorOptions) {
    super(options.message, { cause: options.cause });
    this.code = options.code;
    this.details = options.details;
    this.isRetryable = options.isRetryable ?? false;
  }

  static isInstance(error: unknown): error is YouWorkerError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** The families of domain failure. */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'rate-limited'
  | 'unavailable';
