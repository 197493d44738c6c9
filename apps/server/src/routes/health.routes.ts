import { LivenessSchema, ReadinessSchema } from '@youworker/contracts';
import type { HealthRegistry } from '@youworker/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from './error-responses.ts';

/** `GET /health` (liveness, touches nothing) and `GET /health/ready` (every registered component). */
export const healthRoutes: FastifyPluginAsyncZod<{ health: HealthRegistry }> = async (app, { health }) => {
  app.get(
    '/health',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness',
        description:
          'Answers 200 while the process runs. Touches no dependency; use it for restart decisions.',
        response: { 200: LivenessSchema, ...errorResponses },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Readiness',
        description:
          'Runs every component check (database query, and later vector store, LLM, MCP servers, queue) under a time limit. 200 when every critical component is up, 503 otherwise.',
        response: { 200: ReadinessSchema, 503: ReadinessSchema, ...errorResponses },
      },
    },
    async (_request, reply) => {
      const report = await health.check();
      return reply.status(report.status === 'ready' ? 200 : 503).send(report);
    },
  );
};
