const marker = Symbol.for('youworker.ingestion.ParseError');

/** Stable codes of {@link ParseError}. */
export type ParseErrorCode =
  | 'UNSUPPORTED_TYPE'
  | 'UNSUPPORTED_UNTIL_STT'
  | 'CORRUPT_FILE'
  | 'ENCRYPTED_FILE'
  | 'EMPTY_DOCUMENT'
  | 'LIMIT_EXCEEDED';

/**
 * Why a document could not be turned into a `ParsedDocument`. The message is written for the person
 * who uploaded the file ("This PDF is password-protected…"); `code` is what callers branch on.
 * Never retryable: the same bytes fail the same way.
 */
export class ParseError extends Error {
  private readonly [marker] = true;

  override readonly name = 'ParseError';

  constructor(
    readonly code: ParseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Works across duplicated package copies, where `instanceof` fails. */
  static isInstance(value: unknown): value is ParseError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
