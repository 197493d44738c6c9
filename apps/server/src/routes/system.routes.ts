import { SystemInfoSchema } from '@youworker/contracts';
import type { SystemService } from '@youworker/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from './error-responses.ts';

/** `GET /v1/system/info`. */
export const systemRoutes: FastifyPluginAsyncZod<{ system: SystemService; apiVersion: string }> = async (
  app,
  { system, apiVersion },
) => {
  app.get(
    '/system/info',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Installation facts',
        description:
          'Product version, API version, the stable instance id, and whether this runs embedded or on PostgreSQL.',
        response: { 200: SystemInfoSchema, ...errorResponses },
      },
    },
    async () => {
      const info = await system.getInfo();
      return { ...info, apiVersion, startedAt: info.startedAt.toISOString() };
    },
  );
};
