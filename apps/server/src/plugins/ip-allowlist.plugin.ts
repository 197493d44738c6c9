import { createAddressMatcher } from '@youworker/config';
import { ForbiddenError } from '@youworker/core';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/** Options of {@link ipAllowlistPlugin}. */
export interface IpAllowlistOptions {
  /** `IP_ALLOWLIST`: IP addresses and CIDR ranges; empty allows every address (the plugin adds no hook). */
  allowlist: readonly string[];
}

/**
 * Rejects every request whose client address (`request.ip`: the socket address, or the
 * `X-Forwarded-For` address when the socket is a trusted proxy) is outside `IP_ALLOWLIST` with 403
 * `IP_NOT_ALLOWED`, and logs it at `warn`. There are no exceptions: health probes must come from an
 * allowed address too.
 */
export const ipAllowlistPlugin = fastifyPlugin(
  (app: FastifyInstance, options: IpAllowlistOptions, done: (error?: Error) => void) => {
    if (options.allowlist.length > 0) {
      const isAllowed = createAddressMatcher(options.allowlist);
      app.addHook('onRequest', (request, _reply, next) => {
        if (isAllowed(request.ip)) {
          next();
          return;
        }
        request.log.warn(
          { ip: request.ip, method: request.method, url: request.url.split('?')[0] },
          'request from an address outside IP_ALLOWLIST refused',
        );
        next(new ForbiddenError({ code: 'IP_NOT_ALLOWED', message: 'Your address may not use this server' }));
      });
    }
    done();
  },
  { name: 'ip-allowlist' },
);
