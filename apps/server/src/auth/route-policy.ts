/**
 * Who may call a route. Every route declares one in `config.policy`; the authorization matrix test
 * fails for a route without one, and at run time such a route refuses everyone.
 * - `public`: anyone, authenticated or not.
 * - `authenticated`: any active user (resources are still scoped to their owner by the services).
 * - `admin`: platform admins only.
 */
export type RoutePolicy = 'public' | 'authenticated' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** `ignore`: the authentication plugin does not read credentials (the login route reads its own). */
    credentials?: 'ignore';
  }
}

/** Names of the cookies the API sets. */
export const cookieNames = {
  session: 'yw_session',
  csrf: 'yw_csrf',
} as const;
