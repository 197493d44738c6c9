import type { DocumentRepository } from '@youworker/db';
import type { AccessService } from '../access/access-scope.ts';
import type { UserActor } from '../identity/actor.ts';

/** Which cited documents a reader may still see, checked when a session is read. */
export interface CitedDocumentAccess {
  /** The current title of each document of `documentIds` the actor may see now (others are absent). */
  visibleTitles(actor: UserActor, documentIds: readonly string[]): Promise<Map<string, string>>;
}

/**
 * {@link CitedDocumentAccess} through the access service: the reader's live scope, then one
 * visibility-checked lookup per distinct document (a deleted document, a revoked membership or a
 * document made private all hide it).
 */
export function citedDocumentAccess(deps: {
  access: Pick<AccessService, 'scopeFor'>;
  documents: Pick<DocumentRepository, 'findVisible'>;
}): CitedDocumentAccess {
  return {
    async visibleTitles(actor, documentIds) {
      const titles = new Map<string, string>();
      if (documentIds.length === 0) {
        return titles;
      }
      const scope = await deps.access.scopeFor(actor);
      for (const documentId of new Set(documentIds)) {
        const document = await deps.documents.findVisible(documentId, scope);
        if (document) {
          titles.set(documentId, document.title);
        }
      }
      return titles;
    },
  };
}
