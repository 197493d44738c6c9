import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type SqlBool,
} from 'kysely';
import type { Database, DocumentStatus, DocumentsTable } from '../schema/database.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { isUuid } from './uuid.ts';

/** A catalog entry. */
export interface DocumentRecord {
  id: string;
  ownerId: string;
  groupId: string | null;
  /** Readable by the owner only, even inside its group. */
  isPrivate: boolean;
  title: string;
  sourceType: 'upload' | 'url' | 'path';
  sourceUri: string | null;
  mimeType: string | null;
  sizeBytes: number;
  contentSha256: string | null;
  pageCount: number | null;
  chunkCount: number;
  status: DocumentStatus;
  error: string | null;
  tags: string[];
  storagePath: string | null;
  createdAt: Date;
  updatedAt: Date;
  indexedAt: Date | null;
}

export interface NewDocument {
  ownerId: string;
  title: string;
  sourceType: DocumentRecord['sourceType'];
  sourceUri?: string | null;
  mimeType?: string | null;
  sizeBytes: number;
  contentSha256?: string | null;
  tags?: string[];
  storagePath?: string | null;
  status?: DocumentStatus;
  groupId?: string | null;
  isPrivate?: boolean;
}

export type DocumentPatch = Partial<
  Pick<
    DocumentRecord,
    | 'title'
    | 'tags'
    | 'status'
    | 'error'
    | 'mimeType'
    | 'pageCount'
    | 'storagePath'
    | 'groupId'
    | 'isPrivate'
    | 'sizeBytes'
    | 'contentSha256'
  >
>;

/** Who may see documents: the owner, and members of the group a document is shared into. */
export interface DocumentAccessFilter {
  userId: string;
  groupIds: readonly string[];
}

export interface DocumentListOptions {
  search?: string;
  tags?: readonly string[];
  status?: DocumentStatus;
  /** SQL `LIKE` patterns (`%` wildcard); the MIME type must match one of them. */
  mimeTypePatterns?: readonly string[];
  /** Only documents of this group (access still applies). */
  groupId?: string;
  limit: number;
  before?: { createdAt: Date; id: string };
}

function toDocument(row: Selectable<DocumentsTable>): DocumentRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    groupId: row.group_id,
    isPrivate: row.is_private,
    title: row.title,
    sourceType: row.source_type,
    sourceUri: row.source_uri,
    mimeType: row.mime_type,
    sizeBytes: Number(row.size_bytes),
    contentSha256: row.content_sha256,
    pageCount: row.page_count,
    chunkCount: row.chunk_count,
    status: row.status,
    error: row.error,
    tags: row.tags,
    storagePath: row.storage_path,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    indexedAt: row.indexed_at,
  };
}

/** The access rule as SQL: the same rule the vector store applies inside its queries. */
export function visibleTo(
  access: DocumentAccessFilter,
): (eb: ExpressionBuilder<Database, 'documents'>) => Expression<SqlBool> {
  return (eb) => {
    const owned = eb('documents.owner_id', '=', access.userId);
    if (access.groupIds.length === 0) {
      return owned;
    }
    return eb.or([
      owned,
      eb.and([eb('documents.is_private', '=', false), eb('documents.group_id', 'in', [...access.groupIds])]),
    ]);
  };
}

/**
 * {@link visibleTo} with the user's group memberships read inside the same statement (one round trip
 * instead of reading the scope first): owned, or shared into a group the user belongs to right now and
 * not private.
 */
function visibleToMember(
  userId: string,
): (eb: ExpressionBuilder<Database, 'documents'>) => Expression<SqlBool> {
  return (eb) =>
    eb.or([
      eb('documents.owner_id', '=', userId),
      eb.and([
        eb('documents.is_private', '=', false),
        eb(
          'documents.group_id',
          'in',
          eb
            .selectFrom('group_memberships')
            .select('group_memberships.group_id')
            .where('group_memberships.user_id', '=', userId),
        ),
      ]),
    ]);
}

/** The document catalog (`documents`). Chunks and vectors belong to the vector store. */
export class DocumentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts a document, or returns the owner's existing one with the same content hash
   * (`created: false`): re-uploading never duplicates.
   */
  async createOrGetExisting(document: NewDocument): Promise<{ document: DocumentRecord; created: boolean }> {
    try {
      const row = await this.db
        .insertInto('documents')
        .values({
          owner_id: document.ownerId,
          title: document.title,
          source_type: document.sourceType,
          source_uri: document.sourceUri ?? null,
          mime_type: document.mimeType ?? null,
          size_bytes: document.sizeBytes,
          content_sha256: document.contentSha256 ?? null,
          tags: document.tags ?? [],
          storage_path: document.storagePath ?? null,
          group_id: document.groupId ?? null,
          ...(document.status ? { status: document.status } : {}),
          ...(document.isPrivate !== undefined ? { is_private: document.isPrivate } : {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { document: toDocument(row), created: true };
    } catch (error) {
      if (isUniqueViolation(error) && document.contentSha256) {
        const existing = await this.findByOwnerAndHash(document.ownerId, document.contentSha256);
        if (existing) {
          return { document: existing, created: false };
        }
      }
      throw error;
    }
  }

  async findByOwnerAndHash(ownerId: string, sha256: string): Promise<DocumentRecord | undefined> {
    const row = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('content_sha256', '=', sha256)
      .executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  /** Any document by id, without an access check (pipeline internals only). */
  async findById(id: string): Promise<DocumentRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  /** A document the caller may see, or undefined (no difference between missing and forbidden). */
  async findVisible(id: string, access: DocumentAccessFilter): Promise<DocumentRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', id)
      .where(visibleTo(access))
      .executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  /** Newest first; `search` matches the title case-insensitively; `tags` must all be present. */
  /**
   * Whether the user can see at least one ready document (chat retrieval skips the search, and the
   * query embedding, when not). Memberships are read in the same statement, live.
   */
  async anyReadyVisibleTo(userId: string): Promise<boolean> {
    if (!isUuid(userId)) {
      return false;
    }
    const row = await this.db
      .selectNoFrom((eb) =>
        eb
          .exists(
            eb
              .selectFrom('documents')
              .select(sql`1`.as('one'))
              .where('documents.status', '=', 'ready')
              .where(visibleToMember(userId)),
          )
          .as('found'),
      )
      .executeTakeFirst();
    return row?.found === true;
  }

  async listVisible(access: DocumentAccessFilter, options: DocumentListOptions): Promise<DocumentRecord[]> {
    let query = this.db.selectFrom('documents').selectAll().where(visibleTo(access));
    if (options.search) {
      const pattern = `%${options.search.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
      query = query.where(sql<SqlBool>`lower(title) like ${pattern}`);
    }
    if (options.tags && options.tags.length > 0) {
      query = query.where(sql<SqlBool>`tags @> ${sql.val([...options.tags])}::text[]`);
    }
    if (options.status) {
      query = query.where('status', '=', options.status);
    }
    const patterns = options.mimeTypePatterns;
    if (patterns !== undefined) {
      query = query.where((eb) => eb.or(patterns.map((pattern) => eb('mime_type', 'like', pattern))));
    }
    if (options.groupId !== undefined) {
      query = isUuid(options.groupId)
        ? query.where('group_id', '=', options.groupId)
        : query.where(sql<SqlBool>`false`);
    }
    if (options.before) {
      const { createdAt, id } = options.before;
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '<', createdAt),
          eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute();
    return rows.map(toDocument);
  }

  async update(id: string, patch: DocumentPatch): Promise<DocumentRecord | undefined> {
    const row = await this.db
      .updateTable('documents')
      .set({
        updated_at: new Date(),
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.tags !== undefined ? { tags: patch.tags } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.error !== undefined ? { error: patch.error } : {}),
        ...(patch.mimeType !== undefined ? { mime_type: patch.mimeType } : {}),
        ...(patch.pageCount !== undefined ? { page_count: patch.pageCount } : {}),
        ...(patch.storagePath !== undefined ? { storage_path: patch.storagePath } : {}),
        ...(patch.groupId !== undefined ? { group_id: patch.groupId } : {}),
        ...(patch.isPrivate !== undefined ? { is_private: patch.isPrivate } : {}),
        ...(patch.sizeBytes !== undefined ? { size_bytes: patch.sizeBytes } : {}),
        ...(patch.contentSha256 !== undefined ? { content_sha256: patch.contentSha256 } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  /** Marks a document searchable with `chunkCount` chunks. */
  async markIndexed(id: string, chunkCount: number): Promise<void> {
    const now = new Date();
    await this.db
      .updateTable('documents')
      .set({ status: 'ready', error: null, chunk_count: chunkCount, indexed_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes the row (its chunks go with it, by cascade). Returns the deleted record. */
  async delete(id: string): Promise<DocumentRecord | undefined> {
    const row = await this.db.deleteFrom('documents').where('id', '=', id).returningAll().executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  /** Ids of the documents in a group (to refresh their index payloads when the group goes). */
  async listIdsInGroup(groupId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('documents').select('id').where('group_id', '=', groupId).execute();
    return rows.map((row) => row.id);
  }

  /** Ungrouped documents of one owner, oldest first (`youworker migrate-groups`). */
  async listUngroupedOf(ownerId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('group_id', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toDocument);
  }

  /** Every document id with a stored source, for `youworker reindex`. */
  async listAllIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('documents').select('id').orderBy('created_at').execute();
    return rows.map((row) => row.id);
  }
}
