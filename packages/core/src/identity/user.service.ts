import {
  isUniqueViolation,
  type ApiKeyRepository,
  type AuthSessionRepository,
  type UserRecord,
  type UserRepository,
} from '@youworker/db';
import type { AuditService } from '../audit/audit.service.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import type { Actor, UserActor, UserRole } from './actor.ts';
import { userDisabled } from './identity-errors.ts';

type SystemActor = { kind: 'system'; label: string };

/** What an admin may change on a user. */
export interface AdminUserPatch {
  displayName?: string;
  email?: string | null;
  role?: UserRole;
  status?: 'active' | 'disabled';
}

/** Identity as forwarded by a trusted SSO proxy. */
export interface ForwardedIdentity {
  username: string;
  email?: string;
  displayName?: string;
  groups: string[];
}

/** What groups need from the identity side (wired by the server; absent in tools and the CLI). */
export interface UserGroupHooks {
  /** After a forward-auth login: sync SSO-managed group memberships (only with `SSO_GROUP_SYNC`). */
  syncForwarded?: (user: UserRecord, headerGroups: readonly string[]) => Promise<void>;
  /** Before an account is deleted: refuse or tidy up (the last admin of a group). */
  beforeAccountDelete?: (actor: UserActor) => Promise<void>;
}

function userNotFound(): NotFoundError {
  return new NotFoundError({ code: 'USER_NOT_FOUND', message: 'User not found' });
}

/** Users: creation, SSO provisioning, profile, administration, account deletion and export. */
export class UserService {
  constructor(
    private readonly deps: {
      users: UserRepository;
      apiKeys: ApiKeyRepository;
      sessions: AuthSessionRepository;
      audit: AuditService;
      groups?: UserGroupHooks;
    },
  ) {}

  /** The same service with group hooks (SSO group sync, the last-admin rule on account deletion). */
  withGroups(groups: UserGroupHooks): UserService {
    return new UserService({ ...this.deps, groups });
  }

  /** Finds or creates the user a trusted proxy vouches for, then syncs their SSO groups when wired. */
  async provisionForwarded(identity: ForwardedIdentity): Promise<UserRecord> {
    const user = await this.provisionForwardedUser(identity);
    await this.deps.groups?.syncForwarded?.(user, identity.groups);
    return user;
  }

  async create(
    actor: Actor | SystemActor,
    user: { username: string; displayName?: string; email?: string | null; role?: UserRole },
  ): Promise<UserRecord> {
    if (await this.deps.users.findByUsername(user.username)) {
      throw new ConflictError({ code: 'USERNAME_TAKEN', message: 'That username is taken' });
    }
    let created: UserRecord;
    try {
      created = await this.deps.users.create(user);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError({ code: 'USERNAME_TAKEN', message: 'That username is taken' });
      }
      throw error;
    }
    await this.deps.audit.record({
      action: 'user.create',
      actor,
      target: { type: 'user', id: created.id },
      details: { username: created.username, role: created.role },
    });
    return created;
  }

  /** Finds or creates the user a trusted proxy vouches for, and refreshes their profile and groups. */
  private async provisionForwardedUser(identity: ForwardedIdentity): Promise<UserRecord> {
    const existing = await this.deps.users.findByUsername(identity.username);
    if (!existing) {
      try {
        const created = await this.deps.users.create({
          username: identity.username,
          displayName: identity.displayName ?? identity.username,
          email: identity.email ?? null,
          authSource: 'forward-auth',
          externalGroups: identity.groups,
        });
        await this.deps.audit.record({
          action: 'auth.forward-auth-provisioned',
          actor: { kind: 'system', label: 'forward-auth' },
          target: { type: 'user', id: created.id },
          details: { username: created.username, groups: identity.groups },
        });
        return created;
      } catch (error) {
        if (!isUniqueViolation(error)) {
          throw error;
        }
        // Two first requests raced: the other one created the user.
        return this.provisionForwardedUser(identity);
      }
    }
    if (existing.status !== 'active') {
      throw userDisabled();
    }
    const changed =
      (identity.email !== undefined && identity.email !== existing.email) ||
      (identity.displayName !== undefined && identity.displayName !== existing.displayName) ||
      JSON.stringify(identity.groups) !== JSON.stringify(existing.externalGroups);
    if (!changed) {
      return existing;
    }
    return (
      (await this.deps.users.update(existing.id, {
        ...(identity.email === undefined ? {} : { email: identity.email }),
        ...(identity.displayName === undefined ? {} : { displayName: identity.displayName }),
        externalGroups: identity.groups,
      })) ?? existing
    );
  }

  async get(id: string): Promise<UserRecord> {
    const user = await this.deps.users.findById(id);
    if (!user) {
      throw userNotFound();
    }
    return user;
  }

  /** Case-insensitive lookup by username. */
  async getByUsername(username: string): Promise<UserRecord> {
    const user = await this.deps.users.findByUsername(username);
    if (!user) {
      throw userNotFound();
    }
    return user;
  }

  list(options: {
    search?: string;
    limit: number;
    after?: { createdAt: Date; id: string };
  }): Promise<UserRecord[]> {
    return this.deps.users.list(options);
  }

  /** The caller edits their own profile. */
  async updateProfile(
    actor: UserActor,
    patch: { displayName?: string; email?: string | null },
  ): Promise<UserRecord> {
    const updated = await this.deps.users.update(actor.userId, patch);
    if (!updated) {
      throw userNotFound();
    }
    await this.deps.audit.record({
      action: 'account.update',
      actor,
      target: { type: 'user', id: actor.userId },
    });
    return updated;
  }

  /** An admin changes a user's role, status or profile. The last active admin cannot be demoted or disabled. */
  async updateByAdmin(
    actor: UserActor | SystemActor,
    id: string,
    patch: AdminUserPatch,
  ): Promise<UserRecord> {
    const user = await this.get(id);
    const losesAdmin =
      user.role === 'admin' &&
      user.status === 'active' &&
      ((patch.role !== undefined && patch.role !== 'admin') || patch.status === 'disabled');
    if (losesAdmin && (await this.deps.users.countActiveAdmins(user.id)) === 0) {
      throw new ConflictError({
        code: 'LAST_ADMIN',
        message: 'The last active admin cannot be demoted or disabled',
      });
    }
    const updated = await this.deps.users.update(id, patch);
    if (!updated) {
      throw userNotFound();
    }
    const target = { type: 'user', id };
    if (patch.role !== undefined && patch.role !== user.role) {
      await this.deps.audit.record({
        action: 'user.role-change',
        actor,
        target,
        details: { from: user.role, to: patch.role },
      });
    }
    if (patch.status !== undefined && patch.status !== user.status) {
      const sessionsEnded = patch.status === 'disabled' ? await this.deps.sessions.revokeForUser(id) : 0;
      await this.deps.audit.record({
        action: patch.status === 'disabled' ? 'user.disable' : 'user.enable',
        actor,
        target,
        details: { sessionsEnded },
      });
    }
    if (patch.displayName !== undefined || patch.email !== undefined) {
      await this.deps.audit.record({ action: 'user.update', actor, target });
    }
    return updated;
  }

  /**
   * Ends every browser session of the caller ("sign out everywhere"); API keys stay valid.
   * Audited as `auth.logout` with `scope: 'all'`. Returns how many sessions were ended.
   */
  async endAllSessions(actor: UserActor): Promise<number> {
    const sessionsEnded = await this.deps.sessions.revokeForUser(actor.userId);
    await this.deps.audit.record({
      action: 'auth.logout',
      actor,
      target: { type: 'user', id: actor.userId },
      details: { scope: 'all', sessionsEnded },
    });
    return sessionsEnded;
  }

  /** Deletes the caller and everything they own; `confirmation` must be their username. */
  async deleteAccount(actor: UserActor, confirmation: string): Promise<void> {
    if (confirmation !== actor.username) {
      throw new ValidationError({
        code: 'CONFIRMATION_MISMATCH',
        message: 'Type your username exactly to confirm the deletion',
      });
    }
    if (actor.role === 'admin' && (await this.deps.users.countActiveAdmins(actor.userId)) === 0) {
      throw new ConflictError({
        code: 'LAST_ADMIN',
        message: 'The last active admin cannot delete their account',
      });
    }
    await this.deps.groups?.beforeAccountDelete?.(actor);
    await this.deps.audit.record({
      action: 'account.delete',
      actor,
      target: { type: 'user', id: actor.userId },
    });
    await this.deps.users.delete(actor.userId);
  }

  /**
   * Everything the caller owns, as a stream of JSON text chunks (one valid JSON document in all).
   * Later features add their sections here.
   */
  async *exportAccount(actor: UserActor): AsyncGenerator<string> {
    const user = await this.get(actor.userId);
    const keys = await this.deps.apiKeys.listForUser(actor.userId);
    await this.deps.audit.record({
      action: 'account.export',
      actor,
      target: { type: 'user', id: actor.userId },
    });
    yield `{\n  "exportedAt": ${JSON.stringify(new Date().toISOString())},\n`;
    yield `  "user": ${JSON.stringify({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      externalGroups: user.externalGroups,
    })},\n`;
    yield `  "apiKeys": [`;
    let first = true;
    for (const key of keys) {
      yield `${first ? '\n' : ',\n'}    ${JSON.stringify({
        id: key.id,
        name: key.name,
        prefix: key.prefix,
        createdAt: key.createdAt.toISOString(),
        lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
        expiresAt: key.expiresAt?.toISOString() ?? null,
        revokedAt: key.revokedAt?.toISOString() ?? null,
      })}`;
      first = false;
    }
    yield `${first ? '' : '\n  '}]\n}\n`;
  }
}
