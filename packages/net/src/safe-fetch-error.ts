const marker = Symbol.for('youworker.net.SafeFetchError');

/** Stable codes of {@link SafeFetchError}. */
export type SafeFetchErrorCode =
  | 'URL_INVALID'
  | 'SCHEME_NOT_ALLOWED'
  | 'ADDRESS_BLOCKED'
  | 'DNS_FAILED'
  | 'TOO_MANY_REDIRECTS'
  | 'RESPONSE_TOO_LARGE'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'CONNECTION_FAILED';

const retryable: ReadonlySet<SafeFetchErrorCode> = new Set(['DNS_FAILED', 'TIMEOUT', 'CONNECTION_FAILED']);

/**
 * Why {@link safeFetch} refused or failed a request. `url` is the offending hop with credentials,
 * query and fragment removed, so messages and logs never carry secrets from a URL.
 */
export class SafeFetchError extends Error {
  private readonly [marker] = true;

  override readonly name = 'SafeFetchError';

  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
    readonly url?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** True for failures that may succeed on a later attempt (DNS, timeout, connection). */
  get isRetryable(): boolean {
    return retryable.has(this.code);
  }

  /** Works across duplicated package copies, where `instanceof` fails. */
  static isInstance(value: unknown): value is SafeFetchError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

/** `url` as origin + path only: no user info, query or fragment. */
export function describeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
