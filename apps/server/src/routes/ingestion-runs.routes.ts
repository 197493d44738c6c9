import { IdParamsSchema, IngestionRunListSchema, IngestionRunSchema } from '@youworker/contracts';
import type { IngestionService } from '@youworker/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/require-user.ts';
import { presentRun } from '../presenters/document.presenter.ts';
import { cursorPosition, encodeCursor, pageOf } from '../presenters/pagination.ts';
import { writeEventStream } from '../streaming/sse.ts';
import { errorResponses } from './error-responses.ts';

const RunListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page.'),
});

/** `/v1/ingestion-runs`: the caller's ingestion runs and their live progress. */
export const ingestionRunsRoutes: FastifyPluginAsyncZod<{
  ingestion: IngestionService;
  heartbeatMs: number;
}> = async (app, { ingestion, heartbeatMs }) => {
  const config = { policy: 'authenticated' as const };
  const tags = ['documents'];

  app.get(
    '/ingestion-runs',
    {
      config,
      schema: {
        tags,
        summary: 'My ingestion runs',
        description: 'Newest first. Cursor pagination.',
        querystring: RunListQuerySchema,
        response: { 200: IngestionRunListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const position = cursorPosition(cursor);
      const runs = await ingestion.listRuns(requireUser(request), {
        limit: limit + 1,
        ...(position ? { before: { createdAt: position.at, id: position.id } } : {}),
      });
      return pageOf(runs, limit, {
        present: presentRun,
        cursorOf: (run) => encodeCursor(run.createdAt, run.id),
      });
    },
  );

  app.get(
    '/ingestion-runs/:id',
    {
      config,
      schema: {
        tags,
        summary: 'An ingestion run and its progress',
        description:
          'Status, stage, files done and failed, chunks embedded, and one error line per failed file.',
        params: IdParamsSchema,
        response: { 200: IngestionRunSchema, ...errorResponses },
      },
    },
    async (request) => presentRun(await ingestion.getRun(requireUser(request), request.params.id)),
  );

  app.get(
    '/ingestion-runs/:id/events',
    {
      config,
      schema: {
        tags,
        summary: 'Live progress of an ingestion run (SSE)',
        description:
          'Server-Sent Events: a `data: <IngestionRun JSON>` frame each time the run changes (stage, counters, errors), ending after the run finishes. Heartbeat comments every 15 s.',
        params: IdParamsSchema,
        response: { 200: z.string().describe('text/event-stream'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      // Fails with 404 before the stream starts when the run is not the caller's.
      await ingestion.getRun(actor, request.params.id);
      const controller = new AbortController();
      request.raw.on('close', () => {
        controller.abort();
      });
      const updates = ingestion.watchRun(actor, request.params.id, { signal: controller.signal });
      async function* frames() {
        for await (const run of updates) {
          yield presentRun(run);
        }
      }
      await writeEventStream(reply, frames(), { heartbeatMs });
    },
  );
};
