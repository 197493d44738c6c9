import createClient, { type Middleware } from 'openapi-fetch';
import { csrfHeaders } from './csrf';
import { toApiError } from './errors';
import type { paths } from './schema';

/** Adds the CSRF header to unsafe requests and sends the session cookie (same origin). */
const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(csrfHeaders(request.method))) {
      request.headers.set(name, value);
    }
    return request;
  },
};

/** The typed API client: every path, body and answer comes from the committed openapi.json. */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  // The global fetch at call time (not at module load), so tests can replace it.
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(csrfMiddleware);

/** The data of an openapi-fetch result, or throws an {@link ApiError} with the server's envelope. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok || result.error !== undefined) {
    throw toApiError(result.response.status, result.error);
  }
  return result.data as T;
}
