import { authenticationFailure, type UserActor } from '@youworker/core';
import type { FastifyRequest } from 'fastify';

/** The authenticated caller (routes with policy `authenticated` or `admin` always have one). */
export function requireUser(request: FastifyRequest): UserActor {
  const actor = request.actor;
  if (actor.kind !== 'user') {
    throw authenticationFailure('AUTHENTICATION_REQUIRED');
  }
  return actor;
}
