import { ForbiddenError } from '../errors/forbidden-error.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';

/** The stable codes of failed authentication (401). None reveals whether a username exists. */
export type AuthenticationFailureCode =
  | 'AUTHENTICATION_REQUIRED'
  | 'API_KEY_INVALID'
  | 'API_KEY_EXPIRED'
  | 'API_KEY_REVOKED'
  | 'SESSION_INVALID'
  | 'SESSION_EXPIRED'
  | 'SESSION_REVOKED';

const messages: Record<AuthenticationFailureCode, string> = {
  AUTHENTICATION_REQUIRED: 'Authentication required',
  API_KEY_INVALID: 'The API key is not valid',
  API_KEY_EXPIRED: 'The API key has expired',
  API_KEY_REVOKED: 'The API key has been revoked',
  SESSION_INVALID: 'The session is not valid; log in again',
  SESSION_EXPIRED: 'The session has expired; log in again',
  SESSION_REVOKED: 'The session has ended; log in again',
};

export function authenticationFailure(code: AuthenticationFailureCode): UnauthenticatedError {
  return new UnauthenticatedError({ code, message: messages[code] });
}

export function userDisabled(): ForbiddenError {
  return new ForbiddenError({ code: 'USER_DISABLED', message: 'This account is disabled' });
}
