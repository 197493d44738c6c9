const marker = Symbol.for('youworker.error.reencrypt');

/**
 * Re-encrypting one row failed (the value could not be decrypted, or the write failed). Rows of
 * earlier batches stay committed, so running the rotation again resumes where it stopped.
 */
export class ReencryptError extends Error {
  private readonly [marker] = true;
  readonly code = 'REENCRYPT_FAILED';

  constructor(
    readonly table: string,
    readonly column: string,
    /** The failing row's id, as text. */
    readonly rowId: string,
    cause: unknown,
  ) {
    super(
      `Could not re-encrypt ${table}.${column} of row ${rowId}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'ReencryptError';
  }

  /** Works across duplicated package copies, where `instanceof` does not. */
  static isInstance(error: unknown): error is ReencryptError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
