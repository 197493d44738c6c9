import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { runWithRequestContext } from '@youworker/core';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { singleHeader } from '../http/single-header.ts';

/** Request ids we accept from clients: short, and safe to echo in headers and logs. */
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;
/** `X-API-Version` values we echo back. */
const acceptableApiVersion = /^[A-Za-z0-9._-]{1,32}$/;

/** Fastify `genReqId`: the client's `X-Correlation-ID` when well-formed, a fresh UUID otherwise. */
export function generateRequestId(request: IncomingMessage): string {
  const supplied = singleHeader(request.headers, 'x-correlation-id');
  return supplied !== undefined && acceptableRequestId.test(supplied) ? supplied : randomUUID();
}

/**
 * Echoes the request id (`X-Correlation-ID`) and `X-API-Version`, and runs the rest of the request
 * inside an AsyncLocalStorage context so every log line, service call and job it starts carries the id.
 */
export const requestContextPlugin = fastifyPlugin(
  (app: FastifyInstance, options: { apiVersion: string }, done: (error?: Error) => void) => {
    app.addHook('onRequest', (request, reply, next) => {
      reply.header('x-correlation-id', request.id);
      const requested = singleHeader(request.headers, 'x-api-version');
      reply.header(
        'x-api-version',
        requested !== undefined && acceptableApiVersion.test(requested) ? requested : options.apiVersion,
      );
      const userAgent = singleHeader(request.headers, 'user-agent')?.slice(0, 512);
      runWithRequestContext({ requestId: request.id, ip: request.ip, userAgent }, () => {
        next();
      });
    });
    done();
  },
  { name: 'request-context' },
);
