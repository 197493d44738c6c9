import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { mapError } from '../errors/error-mapping.ts';

/** The one error handler and the 404 handler: every failure leaves in the same envelope. */
export const errorHandlerPlugin = fastifyPlugin(
  (app: FastifyInstance, options: { production: boolean }, done: (error?: Error) => void) => {
    app.setErrorHandler((error, request, reply) => {
      const mapped = mapError(error, options);
      if (mapped.logLevel === 'error') {
        request.log.error({ err: error }, 'request failed');
      } else {
        request.log[mapped.logLevel](
          { code: mapped.body.error.code, status: mapped.status, reason: mapped.body.error.message },
          'request rejected',
        );
      }
      if (mapped.headers) {
        void reply.headers(mapped.headers);
      }
      if (mapped.status === 413 || !request.raw.complete) {
        // A body refused part-way (size limit while streaming) may still be arriving when we answer:
        // close the connection so the client does not send its next request into a dying socket.
        void reply.header('connection', 'close');
      }
      return reply.status(mapped.status).send({ ...mapped.body, requestId: request.id });
    });

    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({
        error: {
          code: 'ROUTE_NOT_FOUND',
          message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
        },
        requestId: request.id,
      }),
    );
    done();
  },
  { name: 'error-handler' },
);
