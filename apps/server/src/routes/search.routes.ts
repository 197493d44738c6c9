import { SearchBodySchema, SearchResponseSchema } from '@youworker/contracts';
import type { SearchService } from '@youworker/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../auth/require-user.ts';
import { errorResponses } from './error-responses.ts';

/** `POST /v1/search`: hybrid retrieval over the documents the caller may see. */
export const searchRoutes: FastifyPluginAsyncZod<{ search: SearchService }> = async (app, { search }) => {
  app.post(
    '/search',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['documents'],
        summary: 'Search my documents',
        description:
          'Hybrid retrieval: lexical (PostgreSQL full-text) and dense (embeddings) candidates fused with reciprocal rank fusion, with the access filter inside the store query. Returns chunks with their document title, page, score and a snippet with highlight ranges.',
        body: SearchBodySchema,
        response: { 200: SearchResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body;
      const { filters } = body;
      const results = await search.search(requireUser(request), {
        query: body.query,
        k: body.k,
        mode: body.mode,
        mmr: body.mmr,
        ...(body.perDocument ? { perDocument: body.perDocument } : {}),
        ...(filters
          ? {
              filters: {
                ...(filters.tags ? { tags: filters.tags } : {}),
                ...(filters.documentIds ? { documentIds: filters.documentIds } : {}),
                ...(filters.mimeTypes ? { mimeTypes: filters.mimeTypes } : {}),
                ...(filters.groupId ? { groupId: filters.groupId } : {}),
                ...(filters.createdAfter ? { createdAfter: new Date(filters.createdAfter) } : {}),
                ...(filters.createdBefore ? { createdBefore: new Date(filters.createdBefore) } : {}),
              },
            }
          : {}),
      });
      return { results };
    },
  );
};
