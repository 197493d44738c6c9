import {
  IngestionRunSchema,
  IngestionStartedSchema,
  MCP_BRIDGE_CALLER_HEADER,
  McpBridgeChunkContextBodySchema,
  McpBridgeChunkContextResponseSchema,
  McpBridgeDocumentsBodySchema,
  McpBridgeDocumentsResponseSchema,
  McpBridgeHeadersSchema,
  McpBridgeIngestBodySchema,
  McpBridgeRunParamsSchema,
  McpBridgeSearchBodySchema,
  McpBridgeSearchResponseSchema,
} from '@youworker/contracts';
import type { IngestionRunStarted, McpBridgeService } from '@youworker/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { singleHeader } from '../http/single-header.ts';
import { presentRun } from '../presenters/document.presenter.ts';
import { errorResponses } from './error-responses.ts';

function callerToken(request: FastifyRequest): string | undefined {
  return singleHeader(request.headers, MCP_BRIDGE_CALLER_HEADER);
}

function presentStarted(started: IngestionRunStarted) {
  return {
    run: presentRun(started.run),
    documents: started.documents.map(({ document, duplicate }) => ({
      id: document.id,
      title: document.title,
      status: document.status,
      duplicate,
    })),
  };
}

/**
 * `/v1/mcp-bridge/*`: the narrow API of the bundled `semantic` and `ingest` MCP servers. The
 * normal credentials are ignored: the caller is the user named by the platform-signed caller token
 * in `x-youworker-caller` (verified, for the right server, by the service), and everything then
 * goes through that user's access scope. A missing, invalid or expired token answers 401.
 */
export const mcpBridgeRoutes: FastifyPluginAsyncZod<{ mcpBridge: McpBridgeService }> = async (
  app,
  { mcpBridge },
) => {
  const config = { policy: 'public' as const, credentials: 'ignore' as const };
  const tags = ['mcp-bridge'];
  const headers = McpBridgeHeadersSchema;

  app.post(
    '/mcp-bridge/search',
    {
      config,
      schema: {
        tags,
        summary: 'Search as the MCP caller',
        description:
          'For the `semantic` MCP server: hybrid search over the documents the caller-token user may see. At most 20 results, each with title, page, heading path and score for citations.',
        headers,
        body: McpBridgeSearchBodySchema,
        response: { 200: McpBridgeSearchResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { query, k, mode, filters } = request.body;
      const results = await mcpBridge.search(callerToken(request), {
        query,
        k,
        mode,
        ...(filters ? { filters } : {}),
      });
      return { results };
    },
  );

  app.post(
    '/mcp-bridge/chunk-context',
    {
      config,
      schema: {
        tags,
        summary: 'A chunk and its neighbours, as the MCP caller',
        description:
          'For the `semantic` MCP server: the chunk at `ordinal` of a document the caller may see, with up to `window` (0-5) chunks on each side. Not found when the caller may not see the document.',
        headers,
        body: McpBridgeChunkContextBodySchema,
        response: { 200: McpBridgeChunkContextResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { document, chunks } = await mcpBridge.chunkContext(callerToken(request), request.body);
      return {
        document: { id: document.id, title: document.title },
        chunks: chunks.map((chunk) => ({
          chunkId: chunk.chunkId,
          ordinal: chunk.ordinal,
          page: chunk.page,
          sheet: chunk.sheet,
          headingPath: chunk.headingPath,
          text: chunk.text,
        })),
      };
    },
  );

  app.post(
    '/mcp-bridge/documents',
    {
      config,
      schema: {
        tags,
        summary: 'List documents, as the MCP caller',
        description:
          'For the `semantic` MCP server: the documents the caller may see, newest first, at most 50, optionally filtered by title and tags.',
        headers,
        body: McpBridgeDocumentsBodySchema,
        response: { 200: McpBridgeDocumentsResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { search, tags: tagList, limit } = request.body;
      const documents = await mcpBridge.listDocuments(callerToken(request), {
        limit,
        ...(search ? { search } : {}),
        ...(tagList ? { tags: tagList } : {}),
      });
      return {
        documents: documents.map((document) => ({
          id: document.id,
          title: document.title,
          status: document.status,
          sourceType: document.sourceType,
          mimeType: document.mimeType,
          pageCount: document.pageCount,
          chunkCount: document.chunkCount,
          tags: document.tags,
          createdAt: document.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/mcp-bridge/ingest',
    {
      config,
      schema: {
        tags,
        summary: 'Ingest a URL or server path, as the MCP caller',
        description:
          'For the `ingest` MCP server: `{ url }` or `{ path, recursive }`, owned by the caller-token user. The same rules as `POST /v1/documents/ingest` apply: private addresses are refused when fetched, paths must lie under `INGEST_ALLOWED_ROOTS`. Returns at once with the run.',
        headers,
        body: McpBridgeIngestBodySchema,
        response: { 202: IngestionStartedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = callerToken(request);
      const body = request.body;
      const started =
        'url' in body
          ? await mcpBridge.ingestUrl(token, body.url, { tags: body.tags })
          : await mcpBridge.ingestPath(token, body.path, { recursive: body.recursive, tags: body.tags });
      return reply.status(202).send(presentStarted(started));
    },
  );

  app.get(
    '/mcp-bridge/runs/:id',
    {
      config,
      schema: {
        tags,
        summary: 'An ingestion run, as the MCP caller',
        description:
          "For the `ingest` MCP server: one of the caller-token user's ingestion runs and its counts.",
        headers,
        params: McpBridgeRunParamsSchema,
        response: { 200: IngestionRunSchema, ...errorResponses },
      },
    },
    async (request) => presentRun(await mcpBridge.runStatus(callerToken(request), request.params.id)),
  );
};
