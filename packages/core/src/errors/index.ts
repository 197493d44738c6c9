export { YouWorkerError, type ErrorKind, type YouWorkerErrorOptions } from './youworker-error.ts';
export { ValidationError } from './validation-error.ts';
export { UnauthenticatedError } from './unauthenticated-error.ts';
export { ForbiddenError } from './forbidden-error.ts';
export { NotFoundError } from './not-found-error.ts';
export { ConflictError } from './conflict-error.ts';
export { PayloadTooLargeError } from './payload-too-large-error.ts';
export { RateLimitedError } from './rate-limited-error.ts';
export { UnavailableError } from './unavailable-error.ts';
