import { ToolCatalogSchema } from '@youworker/contracts';
import type { ToolCatalog } from '@youworker/mcp-client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from './error-responses.ts';

/** `GET /v1/tools`: the MCP servers and every tool the agent may call. */
export const toolsRoutes: FastifyPluginAsyncZod<{ catalog: ToolCatalog }> = async (app, { catalog }) => {
  app.get(
    '/tools',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['tools'],
        summary: 'Tools and MCP servers',
        description:
          "Every MCP server with its connection state, and every tool it offers: the name the model calls (`<server>__<tool>`), description, JSON Schema, whether it is enabled, and its server's state.",
        response: { 200: ToolCatalogSchema, ...errorResponses },
      },
    },
    async () => ({ servers: catalog.statuses(), tools: catalog.describe() }),
  );
};
