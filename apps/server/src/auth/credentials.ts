import type { FastifyRequest } from 'fastify';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The API key a request presents, if any: `Authorization: Bearer <key>`, `X-API-Key`, or the
 * original platform's `X-Authentik-Api-Key`.
 */
export function presentedApiKey(request: FastifyRequest): string | undefined {
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ?? '';
  }
  return header(request, 'x-api-key') ?? header(request, 'x-authentik-api-key');
}
