import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/**
 * The Content-Security-Policy of every response: what the same-origin web UI (a React SPA built by
 * Vite that calls the same-origin API over fetch, SSE and WebSocket, and plays recorded voice) needs,
 * and nothing more. `connect-src 'self'` covers same-origin `ws:`/`wss:` (CSP Level 3 "'self'" matching;
 * Chrome 71+, Firefox, Safari 16+), so no scheme-wide `ws:`/`wss:` source is added. Swagger UI at
 * `/docs` (@fastify/swagger-ui 6: external scripts only, inline styles, data: images) works under the
 * same policy, checked in headless Chromium with a report-uri: no violation.
 */
export const contentSecurityPolicyDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Browser features the UI may use: the microphone (voice) on its own origin only, nothing else. */
export const permissionsPolicy = 'camera=(), geolocation=(), microphone=(self), payment=(), usb=()';

/** One year, without `includeSubDomains`: the installation's host says nothing about its siblings. */
const hstsMaxAgeSeconds = 365 * 24 * 60 * 60;

/** Options of {@link securityHeadersPlugin}. */
export interface SecurityHeadersOptions {
  /** `APP_ENV=production`: adds Strict-Transport-Security. */
  production: boolean;
}

/**
 * Security headers on every response, errors and 404s included (@fastify/helmet, global `onRequest`):
 * the CSP above, `Referrer-Policy: same-origin`, `X-Frame-Options: DENY`, `X-Content-Type-Options:
 * nosniff`, Cross-Origin-Opener/Resource-Policy `same-origin`, a Permissions-Policy, and HSTS only in
 * production (a development server on plain HTTP or localhost must not pin browsers to HTTPS).
 */
export const securityHeadersPlugin = fastifyPlugin(
  async (app: FastifyInstance, options: SecurityHeadersOptions) => {
    await app.register(fastifyHelmet, {
      global: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: contentSecurityPolicyDirectives,
      },
      strictTransportSecurity: options.production
        ? { maxAge: hstsMaxAgeSeconds, includeSubDomains: false }
        : false,
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
    });
    app.addHook('onRequest', (_request, reply, done) => {
      reply.header('permissions-policy', permissionsPolicy);
      done();
    });
  },
  { name: 'security-headers' },
);
