import type {
  DocumentListOptions,
  DocumentRecord,
  DocumentRepository,
  IngestionRunRecord,
} from '@youworker/db';
import type { ChunkHit, VectorStore } from '@youworker/vector';
import type { AccessScope, AccessService } from '../access/access-scope.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import type { UserActor } from '../identity/actor.ts';
import type { FileStore } from './file-store.ts';
import type { IngestionService } from './ingestion.service.ts';

function documentNotFound(): NotFoundError {
  return new NotFoundError({ code: 'DOCUMENT_NOT_FOUND', message: 'Document not found' });
}

/** A document with its first chunks (for `GET /v1/documents/:id`). */
export interface DocumentDetail {
  document: DocumentRecord;
  chunks: ChunkHit[];
}

/**
 * The catalog: list, read, edit, delete and reindex documents. Every read goes through the caller's
 * {@link AccessScope}; a document the caller may not see answers exactly like a missing one. Only
 * the owner may change or delete a document.
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

  async update(
    actor: UserActor,
    id: string,
    patch: { title?: string; tags?: string[] },
  ): Promise<DocumentRecord> {
    const document = await this.owned(actor, id);
    const updated = (await this.deps.documents.update(document.id, patch)) ?? document;
    if (patch.tags !== undefined && updated.chunkCount > 0) {
      await this.deps.store.updateDocumentAccess(updated.id, {
        ownerId: updated.ownerId,
        groupId: updated.groupId,
        visibility: updated.visibility,
        tags: updated.tags,
        mimeType: updated.mimeType,
        createdAt: updated.createdAt,
      });
    }
    await this.deps.audit.record({
      action: 'document.update',
      actor,
      target: { type: 'document', id: document.id },
      details: { fields: Object.keys(patch) },
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

  /** The document if the actor owns it; otherwise not found (no hint that it exists). */
  private async owned(actor: UserActor, id: string): Promise<DocumentRecord> {
    const document = await this.deps.documents.findVisible(id, { userId: actor.userId, groupIds: [] });
    if (!document) {
      throw documentNotFound();
    }
    return document;
  }
}
