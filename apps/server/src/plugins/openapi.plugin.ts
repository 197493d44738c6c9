import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the route schemas, at `/openapi.json`, with Swagger UI at `/docs`. */
export const openApiPlugin = fastifyPlugin(
  async (app: FastifyInstance, options: { version: string }) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'YouWorker API',
          description:
            'Self-hosted AI agent platform. All API routes live under `/v1`; errors use the `ErrorResponse` envelope.',
          version: options.version,
        },
        tags: [
          { name: 'health', description: 'Liveness and readiness' },
          { name: 'system', description: 'Installation facts' },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, () => app.swagger());
  },
  { name: 'openapi' },
);
