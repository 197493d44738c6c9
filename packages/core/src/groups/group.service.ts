import {
  GroupNameTakenError,
  type DocumentListOptions,
  type DocumentRecord,
  type DocumentRepository,
  type GroupMemberRecord,
  type GroupRecord,
  type GroupRepository,
  type GroupRole,
  type GroupSummary,
} from '@youworker/db';
import type { VectorStore } from '@youworker/vector';
import type { AccessService } from '../access/access-scope.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { UserActor } from '../identity/actor.ts';
import {
  alreadyMember,
  groupAdminRequired,
  groupNameTaken,
  groupNotFound,
  lastAdmin,
  lastAdminOfGroups,
  managedBySso,
  memberNotFound,
  userNotFound,
} from './group-errors.ts';
import { syncSsoGroups } from './sso-group-sync.ts';

/** Public facts of a user found by exact username or email. */
export interface UserLookupResult {
  id: string;
  username: string;
  displayName: string;
}

/**
 * Groups and their members. Creating a group makes the creator its admin; group admins (and platform
 * admins) rename, delete and manage members; any member may leave; a group never loses its last
 * admin (409 `LAST_ADMIN`). Someone who is not a member (nor a platform admin) gets 404 for the
 * group, exactly as for a missing one. Managing a group never grants reading its documents: those
 * always go through the document access rule.
 */
export class GroupService {
  constructor(
    private readonly deps: {
      groups: GroupRepository;
      documents: DocumentRepository;
      store: VectorStore;
      access: AccessService;
      audit: AuditService;
    },
  ) {}

  async create(actor: UserActor, input: { name: string; description?: string }): Promise<GroupSummary> {
    const group = await this.renameGuard(() => this.deps.groups.create(input, actor.userId));
    await this.audit(actor, 'group.create', group.id, { name: group.name });
    return { ...group, memberCount: 1, myRole: 'admin' };
  }

  /** The caller's groups, with member counts and their role. */
  listMine(actor: UserActor): Promise<GroupSummary[]> {
    return this.deps.groups.list({ userId: actor.userId, limit: 1000 });
  }

  /** Every group (platform admins; the route policy enforces it). */
  listAll(actor: UserActor, options: { limit: number; offset: number }): Promise<GroupSummary[]> {
    return this.deps.groups.list({ forRoleOf: actor.userId, ...options });
  }

  async get(actor: UserActor, groupId: string): Promise<GroupSummary> {
    await this.readable(actor, groupId);
    return this.summaryOf(actor, groupId);
  }

  async update(
    actor: UserActor,
    groupId: string,
    patch: { name?: string; description?: string },
  ): Promise<GroupSummary> {
    await this.manageable(actor, groupId);
    await this.renameGuard(() => this.deps.groups.update(groupId, patch));
    await this.audit(actor, 'group.update', groupId, { fields: Object.keys(patch) });
    return this.summaryOf(actor, groupId);
  }

  /** Deletes the group; its documents stay with their owners, ungrouped (index payloads updated). */
  async delete(actor: UserActor, groupId: string): Promise<void> {
    const group = await this.manageable(actor, groupId);
    const documentIds = await this.deps.documents.listIdsInGroup(groupId);
    await this.deps.groups.delete(groupId);
    for (const documentId of documentIds) {
      const document = await this.deps.documents.findById(documentId);
      if (document) {
        await this.refreshIndex(document);
      }
    }
    await this.audit(actor, 'group.delete', groupId, { name: group.name, documents: documentIds.length });
  }

  async listMembers(actor: UserActor, groupId: string): Promise<GroupMemberRecord[]> {
    await this.readable(actor, groupId);
    return this.deps.groups.listMembers(groupId);
  }

  async addMember(
    actor: UserActor,
    groupId: string,
    input: { userId: string; role: GroupRole },
  ): Promise<GroupMemberRecord> {
    this.platformManaged(await this.manageable(actor, groupId));
    if (!(await this.deps.groups.userExists(input.userId))) {
      throw userNotFound();
    }
    if (!(await this.deps.groups.addMember(groupId, input.userId, input.role))) {
      throw alreadyMember();
    }
    await this.audit(actor, 'group.member-add', groupId, { userId: input.userId, role: input.role });
    return this.member(groupId, input.userId);
  }

  async changeRole(
    actor: UserActor,
    groupId: string,
    userId: string,
    role: GroupRole,
  ): Promise<GroupMemberRecord> {
    this.platformManaged(await this.manageable(actor, groupId));
    this.settle(await this.deps.groups.changeMembership(groupId, userId, role));
    await this.audit(actor, 'group.member-role-change', groupId, { userId, role });
    return this.member(groupId, userId);
  }

  /** Removes a member (admins), or leaves the group (any member removing themselves). */
  async removeMember(actor: UserActor, groupId: string, userId: string): Promise<void> {
    const leaving = userId === actor.userId;
    this.platformManaged(
      leaving ? await this.readable(actor, groupId) : await this.manageable(actor, groupId),
    );
    this.settle(await this.deps.groups.changeMembership(groupId, userId, null));
    await this.audit(actor, leaving ? 'group.leave' : 'group.member-remove', groupId, { userId });
  }

  /**
   * Documents of the group the caller may read (the document rule applies: a platform admin who is
   * not a member sees only their own).
   */
  async listDocuments(
    actor: UserActor,
    groupId: string,
    options: Omit<DocumentListOptions, 'groupId'>,
  ): Promise<DocumentRecord[]> {
    await this.readable(actor, groupId);
    const scope = await this.deps.access.scopeFor(actor);
    return this.deps.documents.listVisible(scope, { ...options, groupId });
  }

  /** A user by exact username or email, for adding members (no partial matches: no enumeration). */
  async lookupUser(query: string): Promise<UserLookupResult> {
    const found = await this.deps.groups.lookupUser(query);
    if (!found) {
      throw userNotFound();
    }
    return found;
  }

  /**
   * Syncs a forward-auth user's memberships of SSO-managed groups with the groups header
   * (`SSO_GROUP_SYNC`; see {@link syncSsoGroups}).
   */
  syncSso(
    user: { id: string; username: string },
    headerGroups: readonly string[],
    prefix: string,
  ): Promise<void> {
    return syncSsoGroups(this.deps, user, headerGroups, prefix);
  }

  /**
   * Before an account is deleted (its memberships go with it): refuses with 409 `LAST_ADMIN`,
   * listing the groups, while the user is the only admin of a group with other members; deletes
   * the groups where the user is the only member (audited; any documents left there by former
   * members go back to their owners, ungrouped).
   */
  async prepareAccountDeletion(actor: UserActor): Promise<void> {
    const administered = await this.deps.groups.administeredBy(actor.userId);
    const orphaned = administered.filter((group) => group.admins <= 1 && group.members > 1);
    if (orphaned.length > 0) {
      throw lastAdminOfGroups(orphaned.map(({ id, name }) => ({ id, name })));
    }
    for (const group of administered.filter((entry) => entry.members <= 1)) {
      await this.delete(actor, group.id);
    }
  }

  /** Throws 409 `GROUP_MANAGED_BY_SSO` for a group whose membership the SSO header manages. */
  private platformManaged(group: GroupRecord): void {
    if (group.source === 'sso') {
      throw managedBySso();
    }
  }

  /** The group if the caller is a member or a platform admin; otherwise 404. */
  private async readable(actor: UserActor, groupId: string): Promise<GroupRecord> {
    const group = await this.deps.groups.findById(groupId);
    if (!group) {
      throw groupNotFound();
    }
    if (actor.role !== 'admin' && (await this.deps.groups.roleOf(groupId, actor.userId)) === undefined) {
      throw groupNotFound();
    }
    return group;
  }

  /** The group if the caller is its admin or a platform admin; 403 for other members, 404 for the rest. */
  private async manageable(actor: UserActor, groupId: string): Promise<GroupRecord> {
    const group = await this.readable(actor, groupId);
    if (actor.role !== 'admin' && (await this.deps.groups.roleOf(groupId, actor.userId)) !== 'admin') {
      throw groupAdminRequired();
    }
    return group;
  }

  private settle(outcome: 'done' | 'not-member' | 'last-admin'): void {
    if (outcome === 'not-member') {
      throw memberNotFound();
    }
    if (outcome === 'last-admin') {
      throw lastAdmin();
    }
  }

  private async member(groupId: string, userId: string): Promise<GroupMemberRecord> {
    const member = (await this.deps.groups.listMembers(groupId)).find((entry) => entry.userId === userId);
    if (!member) {
      throw memberNotFound();
    }
    return member;
  }

  private async summaryOf(actor: UserActor, groupId: string): Promise<GroupSummary> {
    const group = await this.deps.groups.findById(groupId);
    if (!group) {
      throw groupNotFound();
    }
    const members = await this.deps.groups.listMembers(groupId);
    const mine = members.find((member) => member.userId === actor.userId);
    return { ...group, memberCount: members.length, myRole: mine?.role ?? null };
  }

  private async renameGuard<T>(write: () => Promise<T | undefined>): Promise<T> {
    try {
      const result = await write();
      if (result === undefined) {
        throw groupNotFound();
      }
      return result;
    } catch (error) {
      if (error instanceof GroupNameTakenError) {
        throw groupNameTaken();
      }
      throw error;
    }
  }

  private async refreshIndex(document: DocumentRecord): Promise<void> {
    if (document.chunkCount > 0) {
      await this.deps.store.updateDocumentAccess(document.id, {
        ownerId: document.ownerId,
        groupId: document.groupId,
        isPrivate: document.isPrivate,
        tags: document.tags,
        mimeType: document.mimeType,
        createdAt: document.createdAt,
      });
    }
  }

  private audit(
    actor: UserActor,
    action:
      | 'group.create'
      | 'group.update'
      | 'group.delete'
      | 'group.member-add'
      | 'group.member-role-change'
      | 'group.member-remove'
      | 'group.leave',
    groupId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.deps.audit.record({ action, actor, target: { type: 'group', id: groupId }, details });
  }
}
