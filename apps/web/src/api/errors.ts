import type { components } from './schema';

type ErrorBody = components['schemas']['ErrorResponse'];

/** A failed API call: the HTTP status and the server's error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) {
    return false;
  }
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Builds an {@link ApiError} from a response status and its (maybe) JSON body. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError(status, body.error.code, body.error.message, body.requestId);
  }
  return new ApiError(status, 'HTTP_' + String(status), `The server answered ${status}.`);
}

/** Whether the error means the browser session is gone (sign in again). */
export function isSignedOutError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** A sentence for the user: what happened and what to do. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'LLM_UNAVAILABLE':
        return `${error.message} — start Ollama or set LLM_BASE_URL.`;
      case 'API_KEY_INVALID':
        return 'That API key is not valid. Check it, or create one with `npx youworker users create`.';
      case 'API_KEY_EXPIRED':
        return 'That API key has expired. Create a new one in Settings or with the CLI.';
      case 'API_KEY_REVOKED':
        return 'That API key was revoked. Use another key.';
      case 'TOO_MANY_FAILED_ATTEMPTS':
        return 'Too many failed sign-ins from this address. Wait a minute and try again.';
      case 'CSRF_FAILED':
        return 'Your session token is out of date. Reload the page and try again.';
      default:
        return error.requestId ? `${error.message} (request ${error.requestId})` : error.message;
    }
  }
  if (error instanceof TypeError) {
    return 'Cannot reach the YouWorker server. Check that it is running, then retry.';
  }
  return error instanceof Error ? error.message : 'Something went wrong. Retry, or reload the page.';
}
