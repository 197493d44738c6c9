const marker = Symbol.for('youworker.mcp.CallerTokenError');

/** Stable codes of {@link CallerTokenError}. */
export type CallerTokenErrorCode = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_AUDIENCE';

/**
 * A caller identity token was absent, malformed, forged, expired or meant for another server. The
 * message never contains the token; tool handlers turn it into an `isError` result or a refusal.
 */
export class CallerTokenError extends Error {
  private readonly [marker] = true;

  override readonly name = 'CallerTokenError';

  constructor(
    readonly code: CallerTokenErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** Works across duplicated package copies, where `instanceof` fails. */
  static isInstance(value: unknown): value is CallerTokenError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
