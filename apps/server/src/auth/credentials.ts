import type { FastifyRequest } from 'fastify';
import { singleHeader } from '../http/single-header.ts';

/**
 * The API key a request presents, if any: `Authorization: Bearer <key>`, `X-API-Key`, or the
 * original platform's `X-Authentik-Api-Key`.
 */
export function presentedApiKey(request: FastifyRequest): string | undefined {
  const authorization = singleHeader(request.headers, 'authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ?? '';
  }
  return singleHeader(request.headers, 'x-api-key') ?? singleHeader(request.headers, 'x-authentik-api-key');
}
