import type { DocumentRepository, GroupRepository } from '@youworker/db';
import type { VectorStore } from '@youworker/vector';
import type { AuditService } from '../audit/audit.service.ts';

/** What `youworker migrate-groups` did (or, with `dryRun`, would do). */
export interface PersonalSpacesSummary {
  users: number;
  spacesCreated: number;
  spacesExisting: number;
  documentsMoved: number;
  /** Users whose space name is held by a group they are not in (left alone). */
  conflicts: string[];
}

/** The name of a user's personal group. */
export function personalSpaceName(username: string): string {
  return `${username}'s Personal Space`;
}

const system = { kind: 'system' as const, label: 'migrate-groups' };

/**
 * Gives every user a "<username>'s Personal Space" group (they are its admin) and moves their
 * ungrouped documents into it, keeping each document's privacy, and rewriting the access payloads
 * of indexed documents (Qdrant; pgvector reads the rows). Idempotent and resumable: each user and
 * each document is one small step, and a second run finds nothing left to do.
 */
export async function migrateToPersonalSpaces(
  deps: { groups: GroupRepository; documents: DocumentRepository; store: VectorStore; audit: AuditService },
  options: { dryRun: boolean; onProgress?: (done: number, total: number) => void },
): Promise<PersonalSpacesSummary> {
  const users = await deps.groups.listAllUsers();
  const summary: PersonalSpacesSummary = {
    users: users.length,
    spacesCreated: 0,
    spacesExisting: 0,
    documentsMoved: 0,
    conflicts: [],
  };
  for (const [index, user] of users.entries()) {
    const name = personalSpaceName(user.username);
    let space = await deps.groups.findByName(name);
    if (space && (await deps.groups.roleOf(space.id, user.id)) === undefined) {
      summary.conflicts.push(user.username);
      options.onProgress?.(index + 1, users.length);
      continue;
    }
    if (space) {
      summary.spacesExisting += 1;
    } else {
      summary.spacesCreated += 1;
      if (!options.dryRun) {
        space = await deps.groups.create({ name, description: `Documents of ${user.username}` }, user.id);
        await deps.audit.record({
          action: 'group.create',
          actor: system,
          target: { type: 'group', id: space.id },
          details: { name, adminUserId: user.id },
        });
      }
    }
    const documents = await deps.documents.listUngroupedOf(user.id);
    summary.documentsMoved += documents.length;
    if (space && !options.dryRun) {
      for (const document of documents) {
        const moved = await deps.documents.update(document.id, { groupId: space.id });
        if (moved && moved.chunkCount > 0) {
          await deps.store.updateDocumentAccess(moved.id, {
            ownerId: moved.ownerId,
            groupId: moved.groupId,
            isPrivate: moved.isPrivate,
            tags: moved.tags,
            mimeType: moved.mimeType,
            createdAt: moved.createdAt,
          });
        }
      }
      if (documents.length > 0) {
        await deps.audit.record({
          action: 'document.share',
          actor: system,
          target: { type: 'group', id: space.id },
          details: { documents: documents.length, ownerId: user.id },
        });
      }
    }
    options.onProgress?.(index + 1, users.length);
  }
  return summary;
}
