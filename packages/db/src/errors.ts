/** Stable codes of the database layer's start-up and migration failures. */
export type DatabaseErrorCode =
  'DATABASE_UNREACHABLE' | 'VECTOR_EXTENSION_MISSING' | 'DATABASE_LOCKED' | 'MIGRATION_FAILED';

const marker = Symbol.for('youworker.error.database-setup');

/**
 * A failure to open, lock or migrate the database. These stop the process at boot (or the CLI), so
 * the message is written for an operator and says what to do.
 */
export class DatabaseSetupError extends Error {
  private readonly [marker] = true;

  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseSetupError';
  }

  static isInstance(error: unknown): error is DatabaseSetupError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
