import type { AppConfig } from '@youworker/config';
import type { ForwardedIdentity } from '@youworker/core';
import type { FastifyRequest } from 'fastify';
import { singleHeader } from '../http/single-header.ts';

const usernamePattern = /^[\p{L}\p{N}._@+-]{1,64}$/u;

function header(request: FastifyRequest, name: string): string | undefined {
  const text = singleHeader(request.headers, name)?.trim();
  return text ? text : undefined;
}

/** Whether the request carries the forward-auth username header at all. */
export function hasForwardedIdentity(request: FastifyRequest, config: AppConfig): boolean {
  return header(request, config.AUTH_FORWARD_USERNAME_HEADER) !== undefined;
}

/** Reads the SSO proxy's headers; undefined when the username is missing or malformed. */
export function readForwardedIdentity(
  request: FastifyRequest,
  config: AppConfig,
): ForwardedIdentity | undefined {
  const username = header(request, config.AUTH_FORWARD_USERNAME_HEADER)?.normalize('NFC');
  if (!username || !usernamePattern.test(username)) {
    return undefined;
  }
  const email = header(request, config.AUTH_FORWARD_EMAIL_HEADER)?.slice(0, 254);
  const displayName = header(request, config.AUTH_FORWARD_NAME_HEADER)?.normalize('NFC').slice(0, 128);
  const groups = (header(request, config.AUTH_FORWARD_GROUPS_HEADER) ?? '')
    .split(/[|,]/)
    .map((group) => group.trim().normalize('NFC'))
    .filter((group) => group.length > 0 && group.length <= 128)
    .slice(0, 100);
  return { username, groups, ...(email ? { email } : {}), ...(displayName ? { displayName } : {}) };
}
