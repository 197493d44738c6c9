import { z } from 'zod';
import {
  DocumentStatusSchema,
  IngestBodySchema,
  SearchResultSchema,
  TagListSchema,
} from './documents.schema.ts';
import { cleanText } from './text.schema.ts';

/**
 * The MCP bridge (`/v1/mcp-bridge/*`): the narrow API the bundled `semantic` and `ingest` MCP
 * servers call on behalf of a user. The caller is identified only by the signed caller token in
 * the {@link MCP_BRIDGE_CALLER_HEADER} header, never by a field of the body.
 */

/** The request header carrying the caller token the MCP server received in `_meta`. */
export const MCP_BRIDGE_CALLER_HEADER = 'x-youworker-caller';

export const McpBridgeHeadersSchema = z.looseObject({
  [MCP_BRIDGE_CALLER_HEADER]: z
    .string()
    .optional()
    .describe('The short-lived caller token (`v1.…`) the platform signed for this tool call.'),
});

export const McpBridgeSearchBodySchema = z.strictObject({
  query: cleanText({ min: 1, max: 1000 }),
  k: z.number().int().min(1).max(20).default(8),
  mode: z.enum(['hybrid', 'dense', 'lexical']).default('hybrid'),
  filters: z
    .strictObject({
      tags: TagListSchema.optional().describe('Chunks of documents carrying any of these tags.'),
      documentIds: z.array(z.uuid()).max(100).optional(),
      groupId: z.uuid().optional(),
    })
    .optional(),
});

/** A search hit with what a citation needs (title, id, page, heading path, score). */
export const McpBridgeSearchResultSchema = SearchResultSchema.pick({
  chunkId: true,
  documentId: true,
  documentTitle: true,
  ordinal: true,
  page: true,
  sheet: true,
  headingPath: true,
  score: true,
  text: true,
  snippet: true,
}).meta({ id: 'McpBridgeSearchResult' });

export const McpBridgeSearchResponseSchema = z
  .object({ results: z.array(McpBridgeSearchResultSchema) })
  .meta({ id: 'McpBridgeSearchResponse' });

export const McpBridgeChunkContextBodySchema = z.strictObject({
  documentId: z.uuid(),
  ordinal: z.number().int().min(0),
  window: z.number().int().min(0).max(5).default(1).describe('Chunks on each side of `ordinal`.'),
});

export const McpBridgeChunkSchema = z
  .object({
    chunkId: z.uuid(),
    ordinal: z.number().int(),
    page: z.number().int().nullable(),
    sheet: z.string().nullable(),
    headingPath: z.array(z.string()),
    text: z.string(),
  })
  .meta({ id: 'McpBridgeChunk' });

export const McpBridgeChunkContextResponseSchema = z
  .object({
    document: z.object({ id: z.uuid(), title: z.string() }),
    chunks: z.array(McpBridgeChunkSchema).describe('In ordinal order; the requested chunk is among them.'),
  })
  .meta({ id: 'McpBridgeChunkContext' });

export const McpBridgeDocumentsBodySchema = z.strictObject({
  search: cleanText({ max: 200 }).optional().describe('Matches the title, case-insensitively.'),
  tags: TagListSchema.optional().describe('Documents must carry all of them.'),
  limit: z.number().int().min(1).max(50).default(20),
});

export const McpBridgeDocumentSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: DocumentStatusSchema,
    sourceType: z.enum(['upload', 'url', 'path']),
    mimeType: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    chunkCount: z.number().int(),
    tags: z.array(z.string()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'McpBridgeDocument' });

export const McpBridgeDocumentsResponseSchema = z
  .object({ documents: z.array(McpBridgeDocumentSchema).describe('Newest first.') })
  .meta({ id: 'McpBridgeDocuments' });

/** `{ url, tags }` or `{ path, recursive, tags }`, exactly as `POST /v1/documents/ingest` takes them. */
export const McpBridgeIngestBodySchema = IngestBodySchema;

export const McpBridgeRunParamsSchema = z.object({ id: z.uuid() });

export type McpBridgeSearchBody = z.infer<typeof McpBridgeSearchBodySchema>;
export type McpBridgeChunkContextBody = z.infer<typeof McpBridgeChunkContextBodySchema>;
export type McpBridgeDocumentsBody = z.infer<typeof McpBridgeDocumentsBodySchema>;
export type McpBridgeIngestBody = z.infer<typeof McpBridgeIngestBodySchema>;
