import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/** Request headers a cross-origin caller may send. */
export const corsAllowedHeaders = [
  'Content-Type',
  'Authorization',
  'X-API-Key',
  'X-CSRF-Token',
  'X-Correlation-ID',
  'X-API-Version',
];

/** Response headers a cross-origin caller may read. */
export const corsExposedHeaders = [
  'X-Correlation-ID',
  'X-API-Version',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Retry-After',
];

/** Options of {@link corsPlugin}. */
export interface CorsOptions {
  /** Exact origins (`CORS_ORIGINS`, already normalized by the config); empty: no cross-origin access. */
  origins: readonly string[];
}

/**
 * CORS for an explicit list of origins, with credentials (so never `*`). The origin of a request is
 * echoed only when it is in the list; any other origin (and a request without `Origin`) gets no CORS
 * header at all, and its preflight falls through to 404. The hook runs at `onRequest`, so register this
 * plugin before anything that can fail a request (IP allowlist, authentication, rate limit): error
 * responses then carry the CORS headers too, and a browser can read the error.
 */
export const corsPlugin = fastifyPlugin(
  async (app: FastifyInstance, options: CorsOptions) => {
    const allowed = new Set(options.origins);
    await app.register(fastifyCors, {
      origin: (origin, callback) => {
        callback(null, origin !== undefined && allowed.has(origin));
      },
      credentials: true,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowedHeaders: corsAllowedHeaders,
      exposedHeaders: corsExposedHeaders,
      // Browsers cap this (Chromium at 2 h); ten minutes keeps a changed list effective soon.
      maxAge: 600,
      // An OPTIONS request without Access-Control-Request-Method would otherwise get a plain-text 400
      // outside our error envelope.
      strictPreflight: false,
    });
  },
  { name: 'cors' },
);
