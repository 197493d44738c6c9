import { z } from 'zod';
import { cleanText } from './text.schema.ts';

export const TagSchema = cleanText({ min: 1, max: 64 }).describe('A tag (1-64 characters).');
export const TagListSchema = z.array(TagSchema).max(32);

export const DocumentStatusSchema = z
  .enum(['queued', 'processing', 'ready', 'failed', 'unsupported_until_stt'])
  .describe('`unsupported_until_stt`: audio/video kept until speech-to-text is available.');

/** A catalog entry. */
export const DocumentSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    ownerId: z.uuid(),
    groupId: z.uuid().nullable().describe('The group it belongs to, if any.'),
    isPrivate: z
      .boolean()
      .describe('Readable by the owner only, even inside its group. Group members read it when false.'),
    sourceType: z.enum(['upload', 'url', 'path']),
    sourceUri: z.string().nullable(),
    mimeType: z.string().nullable().describe('Detected from the content, never from the client.'),
    sizeBytes: z.number().int(),
    contentSha256: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    chunkCount: z.number().int(),
    status: DocumentStatusSchema,
    error: z.string().nullable(),
    tags: z.array(z.string()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    indexedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Document' });

/** Families of document formats the list filters by (`GET /v1/documents?type=`). */
export const DocumentTypeSchema = z
  .enum(['pdf', 'office', 'text', 'web', 'image'])
  .describe(
    '`pdf`; `office` (Word, Excel, PowerPoint, OpenDocument, RTF); `text` (plain, Markdown, CSV/TSV, JSON, XML); `web` (HTML); `image`.',
  );

export const DocumentListQuerySchema = z.object({
  search: cleanText({ max: 200 }).optional().describe('Matches the title, case-insensitively.'),
  tags: z
    .string()
    .max(2000)
    .optional()
    .transform((value) =>
      value
        ?.split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    )
    .describe('Comma-separated; documents must carry all of them.'),
  status: DocumentStatusSchema.optional(),
  type: DocumentTypeSchema.optional(),
  groupId: z.uuid().optional().describe('Only documents of this group (that you may read).'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page.'),
});

export const DocumentListSchema = z.object({
  items: z.array(DocumentSchema),
  nextCursor: z.string().nullable(),
});

/** A stored chunk as previews and search show it. */
export const ChunkSchema = z
  .object({
    id: z.uuid(),
    ordinal: z.number().int(),
    text: z.string(),
    page: z.number().int().nullable(),
    sheet: z.string().nullable(),
    headingPath: z.array(z.string()),
  })
  .meta({ id: 'Chunk' });

export const DocumentDetailSchema = z
  .object({ document: DocumentSchema, chunks: z.array(ChunkSchema).describe('The first chunks, in order.') })
  .meta({ id: 'DocumentDetail' });

export const DocumentPatchSchema = z
  .object({
    title: cleanText({ min: 1, max: 500 }).optional(),
    tags: TagListSchema.optional(),
    groupId: z
      .uuid()
      .nullable()
      .optional()
      .describe(
        'Move it into a group you are in (owner), or out of its group with null (owner or group admin).',
      ),
    isPrivate: z.boolean().optional().describe('Owner only.'),
  })
  .refine(
    (patch) =>
      patch.title !== undefined ||
      patch.tags !== undefined ||
      patch.groupId !== undefined ||
      patch.isPrivate !== undefined,
    {
      message: 'Give a title, tags, groupId or isPrivate',
    },
  );

/** Where new documents go (upload and ingest). */
export const DocumentSharingSchema = z.object({
  groupId: z.uuid().nullable().optional().describe('A group you are in (403 `NOT_A_MEMBER` otherwise).'),
  isPrivate: z.boolean().default(false).describe('Keep it readable by you only, even inside the group.'),
});

export const IngestBodySchema = z.union([
  z.strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .max(4000)
      .describe('An http(s) URL: an HTML page or a direct file link.'),
    tags: TagListSchema.default([]),
    ...DocumentSharingSchema.shape,
  }),
  z.strictObject({
    path: z.string().min(1).max(4096).describe('An absolute server path under `INGEST_ALLOWED_ROOTS`.'),
    recursive: z.boolean().default(false),
    tags: TagListSchema.default([]),
    ...DocumentSharingSchema.shape,
  }),
]);

export const IngestionRunSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['queued', 'running', 'succeeded', 'partial', 'failed']),
    sourceType: z.enum(['upload', 'url', 'path', 'reindex']),
    sourceLabel: z.string(),
    stage: z.string().nullable().describe('fetch, parse, embed, index, done.'),
    filesTotal: z.number().int(),
    filesDone: z.number().int(),
    filesFailed: z.number().int(),
    chunksEmbedded: z.number().int(),
    errors: z.array(z.object({ file: z.string(), message: z.string() })),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'IngestionRun' });

export const IngestionRunListSchema = z.object({
  items: z.array(IngestionRunSchema),
  nextCursor: z.string().nullable(),
});

export const IngestionStartedSchema = z
  .object({
    run: IngestionRunSchema,
    documents: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        status: DocumentStatusSchema,
        duplicate: z
          .boolean()
          .describe('The owner already had this exact content: the existing document is returned.'),
      }),
    ),
  })
  .meta({ id: 'IngestionStarted' });

export const SearchFiltersSchema = z.strictObject({
  tags: TagListSchema.optional().describe('Chunks of documents carrying any of these tags.'),
  documentIds: z.array(z.uuid()).max(100).optional(),
  mimeTypes: z.array(z.string().max(200)).max(20).optional(),
  groupId: z.uuid().optional(),
  createdAfter: z.iso.datetime().optional(),
  createdBefore: z.iso.datetime().optional(),
});

export const SearchBodySchema = z.strictObject({
  query: cleanText({ min: 1, max: 1000 }),
  k: z.number().int().min(1).max(100).default(10),
  mode: z.enum(['hybrid', 'dense', 'lexical']).default('hybrid'),
  filters: SearchFiltersSchema.optional(),
  mmr: z.boolean().default(false).describe('Diversify the results (maximal marginal relevance).'),
  perDocument: z.number().int().min(1).max(100).optional().describe('At most this many chunks per document.'),
});

export const SearchResultSchema = z
  .object({
    chunkId: z.uuid(),
    documentId: z.uuid(),
    documentTitle: z.string(),
    ordinal: z.number().int(),
    page: z.number().int().nullable(),
    sheet: z.string().nullable(),
    headingPath: z.array(z.string()),
    score: z.number(),
    denseRank: z.number().int().nullable(),
    lexicalRank: z.number().int().nullable(),
    text: z.string(),
    snippet: z.string(),
    highlights: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .describe('[start, end) ranges of query words in `snippet`.'),
  })
  .meta({ id: 'SearchResult' });

export const SearchResponseSchema = z
  .object({ results: z.array(SearchResultSchema) })
  .meta({ id: 'SearchResponse' });
