import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { runAsCaller, success, type PlatformClient } from '@youworker/mcp-common';
import { z } from 'zod';
import { chunksText, citationOf, presentResults, resultsText } from './citations.ts';

/** What the tools need: the platform, and how to verify the caller token of each call. */
export interface SemanticToolContext {
  platform: PlatformClient;
  secret: string | Buffer;
  audience: string;
}

/** Read-only, and only over the caller's own documents (a closed world). */
const annotations = {
  readOnlyHint: true,
  openWorldHint: false,
  idempotentHint: true,
  destructiveHint: false,
};

const tags = z.array(z.string().min(1).max(64)).max(32);

/** Registers `search`, `get_chunk_context` and `list_documents` on `server`. */
export function registerSemanticTools(server: McpServer, context: SemanticToolContext): void {
  const { platform } = context;
  const identity = { secret: context.secret, audience: context.audience };

  server.registerTool(
    'search',
    {
      title: 'Search my documents',
      description:
        'Searches the documents the user can access (uploads, ingested pages and files) and returns the best passages with document title, page, heading path and score. Cite passages as [n] with their title and page. Use get_chunk_context to read around a passage.',
      annotations,
      inputSchema: {
        query: z.string().min(1).max(1000).describe('What to look for, in natural language or keywords'),
        k: z.number().int().min(1).max(20).default(8).describe('Number of passages (1-20), default 8'),
        mode: z
          .enum(['hybrid', 'dense', 'lexical'])
          .default('hybrid')
          .describe('hybrid (default), dense (meaning only) or lexical (exact words only)'),
        tags: tags.optional().describe('Only documents carrying any of these tags'),
        documentIds: z.array(z.uuid()).max(100).optional().describe('Only these documents'),
        groupId: z.uuid().optional().describe('Only documents shared into this group'),
      },
    },
    (args, extra) =>
      runAsCaller(extra, identity, async ({ token }) => {
        const filters = {
          ...(args.tags?.length ? { tags: args.tags } : {}),
          ...(args.documentIds?.length ? { documentIds: args.documentIds } : {}),
          ...(args.groupId ? { groupId: args.groupId } : {}),
        };
        const found = await platform.search(
          token,
          {
            query: args.query,
            k: args.k,
            mode: args.mode,
            ...(Object.keys(filters).length ? { filters } : {}),
          },
          { signal: extra.signal },
        );
        const results = presentResults(found);
        return success({ query: args.query, results }, resultsText(args.query, results));
      }),
  );

  server.registerTool(
    'get_chunk_context',
    {
      title: 'Read around a passage',
      description:
        'Returns a passage of a document (by document id and chunk ordinal, as given by search) with up to `window` neighbouring chunks on each side, in order.',
      annotations,
      inputSchema: {
        documentId: z.uuid().describe('The document id from a search result'),
        ordinal: z.number().int().min(0).describe('The chunk ordinal from a search result'),
        window: z.number().int().min(0).max(5).default(1).describe('Chunks on each side (0-5), default 1'),
      },
    },
    (args, extra) =>
      runAsCaller(extra, identity, async ({ token }) => {
        const found = await platform.chunkContext(
          token,
          { documentId: args.documentId, ordinal: args.ordinal, window: args.window },
          { signal: extra.signal },
        );
        const chunks = found.chunks.map((chunk) => ({
          ...chunk,
          citation: citationOf(found.document.title, chunk),
        }));
        return success(
          { document: found.document, ordinal: args.ordinal, chunks },
          chunksText(found.document.title, found.document.id, args.ordinal, found.chunks),
        );
      }),
  );

  server.registerTool(
    'list_documents',
    {
      title: 'List my documents',
      description:
        'Lists the documents the user can access, newest first, with id, title, status, type, pages, chunks and tags. Filter by title words or tags.',
      annotations,
      inputSchema: {
        search: z.string().max(200).optional().describe('Words the title contains (case-insensitive)'),
        tags: tags.optional().describe('Only documents carrying all of these tags'),
        limit: z.number().int().min(1).max(50).default(20).describe('At most this many (1-50), default 20'),
      },
    },
    (args, extra) =>
      runAsCaller(extra, identity, async ({ token }) => {
        const documents = await platform.listDocuments(
          token,
          {
            ...(args.search?.trim() ? { search: args.search.trim() } : {}),
            ...(args.tags?.length ? { tags: args.tags } : {}),
            limit: args.limit,
          },
          { signal: extra.signal },
        );
        const lines = documents.map((document, index) => {
          const facts = [
            document.status,
            document.mimeType ?? 'type unknown',
            ...(document.pageCount === null ? [] : [`${document.pageCount} pages`]),
            `${document.chunkCount} chunks`,
            ...(document.tags.length ? [`tags: ${document.tags.join(', ')}`] : []),
          ];
          return `${index + 1}. ${document.title} (id ${document.id}; ${facts.join('; ')})`;
        });
        return success(
          { documents },
          documents.length === 0
            ? 'No documents match.'
            : `${documents.length} document${documents.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
        );
      }),
  );
}
