import {
  DocumentDetailSchema,
  DocumentSharingSchema,
  DocumentListQuerySchema,
  DocumentListSchema,
  DocumentPatchSchema,
  DocumentSchema,
  IdParamsSchema,
  IngestBodySchema,
  IngestionRunSchema,
  IngestionStartedSchema,
  TagListSchema,
} from '@youworker/contracts';
import {
  ValidationError,
  type DocumentService,
  type IngestionRunStarted,
  type IngestionService,
  type UploadedFile,
} from '@youworker/core';
import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/require-user.ts';
import { presentChunk, presentDocument, presentRun } from '../presenters/document.presenter.ts';
import { cursorPosition, encodeCursor, pageOf } from '../presenters/pagination.ts';
import { errorResponses } from './error-responses.ts';

type DocumentType = NonNullable<z.infer<typeof DocumentListQuerySchema>['type']>;

/** The MIME types (SQL `LIKE` patterns) of each format family `GET /v1/documents?type=` accepts. */
const mimeTypePatterns: Record<DocumentType, readonly string[]> = {
  pdf: ['application/pdf'],
  office: [
    'application/vnd.openxmlformats-officedocument.%',
    'application/vnd.ms-%',
    'application/msword',
    'application/vnd.oasis.opendocument.%',
    'application/rtf',
    'application/x-cfb',
  ],
  text: [
    'text/plain%',
    'text/markdown%',
    'text/csv%',
    'text/tab-separated-values%',
    'application/json%',
    'text/xml%',
    'application/xml%',
  ],
  web: ['text/html%', 'application/xhtml+xml%'],
  image: ['image/%'],
};

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

function parseTags(value: string): string[] {
  const parsed = TagListSchema.safeParse(
    value
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  );
  if (!parsed.success) {
    throw new ValidationError({ code: 'INVALID_TAGS', message: 'Tags: at most 32, each 1-64 characters' });
  }
  return parsed.data;
}

/** The `groupId` / `isPrivate` fields of a multipart upload (also accepted as `group_id` / `is_private`). */
function parseSharing(fields: Record<string, string>) {
  const groupId = fields.groupId ?? fields.group_id;
  const isPrivate = fields.isPrivate ?? fields.is_private;
  const parsed = DocumentSharingSchema.safeParse({
    ...(groupId ? { groupId } : {}),
    ...(isPrivate !== undefined ? { isPrivate: isPrivate === 'true' || isPrivate === '1' } : {}),
  });
  if (!parsed.success || (isPrivate !== undefined && !['true', 'false', '1', '0'].includes(isPrivate))) {
    throw new ValidationError({
      code: 'INVALID_SHARING',
      message: 'groupId must be a group id and isPrivate true or false',
    });
  }
  return parsed.data;
}

const sharingFields = new Set(['groupId', 'group_id', 'isPrivate', 'is_private']);

/** `/v1/documents`: upload, ingest, the catalog. */
export const documentsRoutes: FastifyPluginAsyncZod<{
  documents: DocumentService;
  ingestion: IngestionService;
}> = async (app, { documents, ingestion }) => {
  const config = { policy: 'authenticated' as const };
  const tags = ['documents'];

  app.post(
    '/documents/upload',
    {
      config,
      schema: {
        tags,
        summary: 'Upload files',
        description:
          'multipart/form-data with one or more `file` parts, an optional `tags` field (comma-separated), and optional `groupId` (a group you are in; 403 `NOT_A_MEMBER` otherwise) and `isPrivate` (`true`: readable by you only, even inside the group) fields. Each file is streamed to disk with the size limit enforced while streaming; its type is detected from its content. Returns at once with the ingestion run; progress at `/v1/ingestion-runs/{id}`. Re-uploading content you already have returns the existing document (`duplicate: true`).',
        consumes: ['multipart/form-data'],
        response: { 202: IngestionStartedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new ValidationError({
          code: 'MULTIPART_REQUIRED',
          message: 'Send the files as multipart/form-data',
        });
      }
      const actor = requireUser(request);
      const files: UploadedFile[] = [];
      let tagList: string[] = [];
      const sharing: Record<string, string> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const staged = await ingestion.stageUpload(part.file);
            files.push({ filename: part.filename || 'upload', staged });
          } else if (part.fieldname === 'tags' && typeof part.value === 'string') {
            tagList = parseTags(part.value);
          } else if (sharingFields.has(part.fieldname) && typeof part.value === 'string') {
            sharing[part.fieldname] = part.value.trim();
          }
        }
        const started = await ingestion.upload(actor, files, { tags: tagList, ...parseSharing(sharing) });
        return await reply.code(202).send(presentStarted(started));
      } catch (error) {
        await ingestion.discardStaged(files);
        throw error;
      }
    },
  );

  app.post(
    '/documents/ingest',
    {
      config,
      schema: {
        tags,
        summary: 'Ingest a URL or a server path',
        description:
          '`{url}`: an HTML page or a direct file link, fetched with SSRF protection (private, loopback and metadata addresses refused on every redirect hop). `{path, recursive}`: a file or folder under `INGEST_ALLOWED_ROOTS` (traversal and symlink escapes refused). Returns at once with the run. `groupId` puts the new documents into a group you are in (403 `NOT_A_MEMBER` otherwise); `isPrivate` keeps them readable by you only.',
        body: IngestBodySchema,
        response: { 202: IngestionStartedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const body = request.body;
      const sharing = { groupId: body.groupId ?? null, isPrivate: body.isPrivate };
      const started =
        'url' in body
          ? await ingestion.ingestUrl(actor, body.url, { tags: body.tags, ...sharing })
          : await ingestion.ingestPath(actor, body.path, {
              recursive: body.recursive,
              tags: body.tags,
              ...sharing,
            });
      return reply.code(202).send(presentStarted(started));
    },
  );

  app.get(
    '/documents',
    {
      config,
      schema: {
        tags,
        summary: 'List documents I can see',
        description:
          'Yours and those shared with you through your groups (not private), newest first; filters by title search, tags (all required), status, format family (`type`) and group. Cursor pagination.',
        querystring: DocumentListQuerySchema,
        response: { 200: DocumentListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { cursor, limit, search, tags: tagFilter, status, type, groupId } = request.query;
      const position = cursorPosition(cursor);
      const found = await documents.list(requireUser(request), {
        limit: limit + 1,
        ...(search ? { search } : {}),
        ...(tagFilter?.length ? { tags: tagFilter } : {}),
        ...(status ? { status } : {}),
        ...(type ? { mimeTypePatterns: mimeTypePatterns[type] } : {}),
        ...(groupId ? { groupId } : {}),
        ...(position ? { before: { createdAt: position.at, id: position.id } } : {}),
      });
      return pageOf(found, limit, {
        present: presentDocument,
        cursorOf: (document) => encodeCursor(document.createdAt, document.id),
      });
    },
  );

  app.get(
    '/documents/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A document with its first chunks',
        description:
          'Metadata and the first three chunks, for a document you own or that is shared with you; 404 otherwise.',
        params: IdParamsSchema,
        response: { 200: DocumentDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const detail = await documents.get(requireUser(request), request.params.id);
      return { document: presentDocument(detail.document), chunks: detail.chunks.map(presentChunk) };
    },
  );

  app.patch(
    '/documents/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename, retag, move or reprivatise a document',
        description:
          'Owner only (403 `DOCUMENT_OWNER_ONLY` for others who can read it, 404 for the rest), except that an admin of its group may take it out of the group (`{"groupId": null}`). Moving into a group needs membership (403 `NOT_A_MEMBER`). Tags, group and privacy take effect in search at once, without re-embedding.',
        params: IdParamsSchema,
        body: DocumentPatchSchema,
        response: { 200: DocumentSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentDocument(await documents.update(requireUser(request), request.params.id, request.body)),
  );

  app.delete(
    '/documents/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a document',
        description:
          'Owner only (403 `DOCUMENT_OWNER_ONLY` for group members who can read it). Removes the document, its chunks and vectors, and its stored file, together. Audited.',
        params: IdParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await documents.delete(requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/documents/:id/reindex',
    {
      config,
      schema: {
        tags,
        summary: 'Parse, chunk and embed a document again',
        description: 'Owner only. The old chunks stay searchable until the new ones replace them atomically.',
        params: IdParamsSchema,
        response: { 202: IngestionRunSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send(presentRun(await documents.reindex(requireUser(request), request.params.id))),
  );
};
