import { AsyncLocalStorage } from 'node:async_hooks';

/** What travels with one request (or job, or CLI command) through every async call it makes. */
export interface RequestContext {
  requestId: string;
  /** The client address (after trusted-proxy resolution). */
  ip?: string;
  userAgent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `callback` with `context` visible to {@link getRequestContext} in everything it awaits. */
export function runWithRequestContext<T>(context: RequestContext, callback: () => T): T {
  return storage.run(context, callback);
}

/** Binds `context` to the rest of the current async execution (used by hooks that cannot wrap). */
export function enterRequestContext(context: RequestContext): void {
  storage.enterWith(context);
}

/** The current request's context, or undefined outside any request. */
export function getRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
