import type {
  DocumentListOptions,
  DocumentPatch,
  DocumentRecord,
  DocumentRepository,
  GroupRepository,
  IngestionRunRecord,
} from '@youworker/db';
import type { ChunkHit, VectorStore } from '@youworker/vector';
import type { AccessScope, AccessService } from '../access/access-scope.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { requireMembership } from '../groups/group-membership-source.ts';
import type { UserActor } from '../identity/actor.ts';
import type { FileStore } from './file-store.ts';
import type { IngestionService } from './ingestion.service.ts';

function documentNotFound(): NotFoundError {
  return new NotFoundError({ code: 'DOCUMENT_NOT_FOUND', message: 'Document not found' });
}

function ownerOnly(): ForbiddenError {
  return new ForbiddenError({
    code: 'DOCUMENT_OWNER_ONLY',
    message: 'Only the owner of this document may do this',
  });
}

/** What `PATCH /v1/documents/:id` may change. `groupId: null` takes the document out of its group. */
export interface DocumentUpdate {
  title?: string;
  tags?: string[];
  groupId?: string | null;
  isPrivate?: boolean;
}

/** A document with its first chunks (for `GET /v1/documents/:id`). */
export interface DocumentDetail {
  document: DocumentRecord;
  chunks: ChunkHit[];
}

/**
 * The catalog: list, read, edit, delete and reindex documents. Every read goes through the caller's
 * {@link AccessScope}; a document the caller may not see answers exactly like a missing one (404).
 * Only the owner may change, move, reprivatise or delete a document (others who can read it get 403);
 * an admin of its group may also take it out of the group.
 */
export class DocumentService {
  constructor(
    private readonly deps: {
      documents: DocumentRepository;
      store: VectorStore;
      files: FileStore;
      access: AccessService;
      audit: AuditService;
      ingestion: IngestionService;
      groups: GroupRepository;
    },
  ) {}

  async list(actor: UserActor, options: DocumentListOptions): Promise<DocumentRecord[]> {
    const scope = await this.deps.access.scopeFor(actor);
    return this.deps.documents.listVisible(scope, options);
  }

  async get(
    actor: UserActor,
    id: string,
    options: { chunks: number } = { chunks: 3 },
  ): Promise<DocumentDetail> {
    const scope = await this.deps.access.scopeFor(actor);
    const document = await this.visible(scope, id);
    const chunks =
      options.chunks > 0 && document.chunkCount > 0
        ? await this.deps.store.getChunks(document.id, 0, options.chunks - 1, scope)
        : [];
    return { document, chunks };
  }

  async update(actor: UserActor, id: string, patch: DocumentUpdate): Promise<DocumentRecord> {
    const document = await this.editable(actor, id, patch);
    if (patch.groupId !== undefined && patch.groupId !== null && patch.groupId !== document.groupId) {
      await requireMembership(this.deps.groups, actor.userId, patch.groupId);
    }
    const change: DocumentPatch = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.tags !== undefined ? { tags: patch.tags } : {}),
      ...(patch.groupId !== undefined ? { groupId: patch.groupId } : {}),
      ...(patch.isPrivate !== undefined ? { isPrivate: patch.isPrivate } : {}),
    };
    const updated = (await this.deps.documents.update(document.id, change)) ?? document;
    const sharingChanged = updated.groupId !== document.groupId || updated.isPrivate !== document.isPrivate;
    if ((patch.tags !== undefined || sharingChanged) && updated.chunkCount > 0) {
      // Qdrant keeps access in each point's payload: rewrite it (no re-embedding). pgvector: a no-op.
      await this.deps.store.updateDocumentAccess(updated.id, {
        ownerId: updated.ownerId,
        groupId: updated.groupId,
        isPrivate: updated.isPrivate,
        tags: updated.tags,
        mimeType: updated.mimeType,
        createdAt: updated.createdAt,
      });
    }
    await this.deps.audit.record({
      action: sharingChanged ? 'document.share' : 'document.update',
      actor,
      target: { type: 'document', id: document.id },
      details: {
        fields: Object.keys(change),
        ...(sharingChanged
          ? {
              from: { groupId: document.groupId, isPrivate: document.isPrivate },
              to: { groupId: updated.groupId, isPrivate: updated.isPrivate },
            }
          : {}),
      },
    });
    return updated;
  }

  /** Removes the document, its chunks and vectors, and its stored file, together. */
  async delete(actor: UserActor, id: string): Promise<void> {
    const document = await this.owned(actor, id);
    await this.deps.store.deleteDocument(document.id);
    await this.deps.documents.delete(document.id);
    await this.deps.files.remove(document.storagePath);
    await this.deps.audit.record({
      action: 'document.delete',
      actor,
      target: { type: 'document', id: document.id },
      details: { title: document.title },
    });
  }

  async reindex(actor: UserActor, id: string): Promise<IngestionRunRecord> {
    const document = await this.owned(actor, id);
    const run = await this.deps.ingestion.reindex(actor, document);
    await this.deps.audit.record({
      action: 'document.reindex',
      actor,
      target: { type: 'document', id: document.id },
    });
    return run;
  }

  private async visible(scope: AccessScope, id: string): Promise<DocumentRecord> {
    const document = await this.deps.documents.findVisible(id, scope);
    if (!document) {
      throw documentNotFound();
    }
    return document;
  }

  /**
   * The document if the actor owns it. Someone who may read it but not own it gets 403; anyone else
   * 404 (no hint that it exists).
   */
  private async owned(actor: UserActor, id: string): Promise<DocumentRecord> {
    const scope = await this.deps.access.scopeFor(actor);
    const document = await this.visible(scope, id);
    if (document.ownerId !== actor.userId) {
      throw ownerOnly();
    }
    return document;
  }

  /** The owner may change anything; an admin of the document's group may only take it out of the group. */
  private async editable(actor: UserActor, id: string, patch: DocumentUpdate): Promise<DocumentRecord> {
    const document = await this.deps.documents.findById(id);
    if (document && document.ownerId === actor.userId) {
      return document;
    }
    const removalOnly =
      Object.keys(patch).every((key) => key === 'groupId') && patch.groupId === null && document?.groupId;
    if (
      document?.groupId &&
      removalOnly &&
      (await this.deps.groups.roleOf(document.groupId, actor.userId)) === 'admin'
    ) {
      return document;
    }
    return this.owned(actor, id);
  }
}
