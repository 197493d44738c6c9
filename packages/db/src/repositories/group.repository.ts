import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, GroupRole, GroupSource, GroupsTable } from '../schema/database.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { isUuid } from './uuid.ts';

export type { GroupRole, GroupSource } from '../schema/database.ts';

/** A group. */
export interface GroupRecord {
  id: string;
  name: string;
  description: string;
  /** Who manages the membership: its admins (`platform`) or the SSO groups header (`sso`). */
  source: GroupSource;
  createdAt: Date;
  updatedAt: Date;
}

/** A group the user administers, with its head counts (account deletion checks these). */
export interface AdministeredGroup {
  id: string;
  name: string;
  members: number;
  admins: number;
}

/** A group with its member count and, when asked for a user, that user's role there. */
export interface GroupSummary extends GroupRecord {
  memberCount: number;
  myRole: GroupRole | null;
}

/** One member of a group, with the public facts of the user. */
export interface GroupMemberRecord {
  userId: string;
  username: string;
  displayName: string;
  role: GroupRole;
  joinedAt: Date;
}

/** What a change of membership that might strip the last admin found. */
export type AdminGuardedOutcome = 'done' | 'not-member' | 'last-admin';

function toGroup(row: Selectable<GroupsTable>): GroupRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The name is taken (case-insensitively). */
export class GroupNameTakenError extends Error {
  readonly code = 'GROUP_NAME_TAKEN';
  constructor() {
    super('A group with this name already exists');
    this.name = 'GroupNameTakenError';
  }
}

/** `groups` and `group_memberships`. Memberships are always read live (no cache). */
export class GroupRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates the group with `adminUserId` as its first admin, in one transaction. */
  async create(group: { name: string; description?: string }, adminUserId: string): Promise<GroupRecord> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('groups')
          .values({ name: group.name, description: group.description ?? '' })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('group_memberships')
          .values({ group_id: row.id, user_id: adminUserId, role: 'admin' })
          .execute();
        return toGroup(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new GroupNameTakenError();
      }
      throw error;
    }
  }

  async findById(id: string): Promise<GroupRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toGroup(row) : undefined;
  }

  /** Case-insensitive. */
  async findByName(name: string): Promise<GroupRecord | undefined> {
    const row = await this.db
      .selectFrom('groups')
      .selectAll()
      .where(sql<string>`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst();
    return row ? toGroup(row) : undefined;
  }

  async update(id: string, patch: { name?: string; description?: string }): Promise<GroupRecord | undefined> {
    try {
      const row = await this.db
        .updateTable('groups')
        .set({
          updated_at: new Date(),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toGroup(row) : undefined;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new GroupNameTakenError();
      }
      throw error;
    }
  }

  /** Deletes the group; memberships go by cascade, its documents become ungrouped. */
  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('groups').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Groups with their member counts; `userId` limits them to that user's groups and adds their role. */
  async list(options: { userId?: string; forRoleOf?: string; limit: number; offset?: number }) {
    const roleOf = options.userId ?? options.forRoleOf;
    let query = this.db
      .selectFrom('groups as g')
      .selectAll('g')
      .select((eb) => [
        eb
          .selectFrom('group_memberships as c')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('c.group_id', '=', 'g.id')
          .as('member_count'),
        roleOf === undefined
          ? sql<GroupRole | null>`null`.as('my_role')
          : eb
              .selectFrom('group_memberships as r')
              .select('r.role')
              .whereRef('r.group_id', '=', 'g.id')
              .where('r.user_id', '=', roleOf)
              .as('my_role'),
      ]);
    if (options.userId !== undefined) {
      const userId = options.userId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('group_memberships as m')
            .select('m.user_id')
            .whereRef('m.group_id', '=', 'g.id')
            .where('m.user_id', '=', userId),
        ),
      );
    }
    const rows = await query
      .orderBy(sql`lower(g.name)`)
      .orderBy('g.id')
      .limit(options.limit)
      .offset(options.offset ?? 0)
      .execute();
    return rows.map((row): GroupSummary => ({
      ...toGroup(row),
      memberCount: Number(row.member_count ?? 0),
      myRole: row.my_role ?? null,
    }));
  }

  /** The user's role in the group, or undefined when they are not a member. */
  async roleOf(groupId: string, userId: string): Promise<GroupRole | undefined> {
    if (!isUuid(groupId) || !isUuid(userId)) {
      return undefined;
    }
    const row = await this.db
      .selectFrom('group_memberships')
      .select('role')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role;
  }

  /** The groups a user is in right now (read at every call: a revocation applies at once). */
  async groupIdsOf(userId: string): Promise<string[]> {
    if (!isUuid(userId)) {
      return [];
    }
    const rows = await this.db
      .selectFrom('group_memberships')
      .select('group_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((row) => row.group_id);
  }

  async listMembers(groupId: string): Promise<GroupMemberRecord[]> {
    const rows = await this.db
      .selectFrom('group_memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.username', 'u.display_name', 'm.role', 'm.joined_at'])
      .where('m.group_id', '=', groupId)
      .orderBy('m.joined_at')
      .orderBy('m.user_id')
      .execute();
    return rows.map((row) => ({
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      joinedAt: row.joined_at,
    }));
  }

  /**
   * An active user by exact username or email (case-insensitive), with public facts only: for adding
   * members without listing everyone.
   */
  async lookupUser(
    query: string,
  ): Promise<{ id: string; username: string; displayName: string } | undefined> {
    const needle = query.trim().toLowerCase();
    if (needle === '') {
      return undefined;
    }
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('status', '=', 'active')
      .where((eb) =>
        eb.or([eb(sql<string>`lower(username)`, '=', needle), eb(sql<string>`lower(email)`, '=', needle)]),
      )
      .orderBy(sql`lower(username) = ${needle}`, 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { id: row.id, username: row.username, displayName: row.display_name } : undefined;
  }

  async userExists(userId: string): Promise<boolean> {
    if (!isUuid(userId)) {
      return false;
    }
    const row = await this.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    return row !== undefined;
  }

  /** Users with their ids and usernames, oldest first (`youworker migrate-groups`). */
  async listAllUsers(): Promise<{ id: string; username: string }[]> {
    return this.db
      .selectFrom('users')
      .select(['id', 'username'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Adds a member; false when they already are one. */
  async addMember(groupId: string, userId: string, role: GroupRole): Promise<boolean> {
    const row = await this.db
      .insertInto('group_memberships')
      .values({ group_id: groupId, user_id: userId, role })
      .onConflict((conflict) => conflict.columns(['user_id', 'group_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Changes a member's role, or removes them (`role: null`), unless that would leave the group
   * without an admin. The group row is locked for the check, so two concurrent demotions cannot
   * both pass it.
   */
  async changeMembership(
    groupId: string,
    userId: string,
    role: GroupRole | null,
  ): Promise<AdminGuardedOutcome> {
    return this.db.transaction().execute(async (trx) => {
      await trx.selectFrom('groups').select('id').where('id', '=', groupId).forUpdate().execute();
      const current = await trx
        .selectFrom('group_memberships')
        .select('role')
        .where('group_id', '=', groupId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!current) {
        return 'not-member';
      }
      if (current.role === 'admin' && role !== 'admin' && (await countAdmins(trx, groupId)) <= 1) {
        return 'last-admin';
      }
      if (role === null) {
        await trx
          .deleteFrom('group_memberships')
          .where('group_id', '=', groupId)
          .where('user_id', '=', userId)
          .execute();
      } else {
        await trx
          .updateTable('group_memberships')
          .set({ role, updated_at: new Date() })
          .where('group_id', '=', groupId)
          .where('user_id', '=', userId)
          .execute();
      }
      return 'done';
    });
  }

  /** The SSO-managed groups the user is in (`groups.source = 'sso'`). */
  async ssoGroupsOf(userId: string): Promise<{ id: string; name: string }[]> {
    return this.db
      .selectFrom('group_memberships as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select(['g.id', 'g.name'])
      .where('m.user_id', '=', userId)
      .where('g.source', '=', 'sso')
      .execute();
  }

  /**
   * The SSO-managed group of that name (case-insensitive), created without members when there is
   * none; undefined when a platform group holds the name (SSO sync never touches those).
   */
  async findOrCreateSso(name: string): Promise<{ group: GroupRecord; created: boolean } | undefined> {
    const existing = await this.findByName(name);
    if (existing) {
      return existing.source === 'sso' ? { group: existing, created: false } : undefined;
    }
    try {
      const row = await this.db
        .insertInto('groups')
        .values({ name, source: 'sso' })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { group: toGroup(row), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      // Another login created it first.
      const raced = await this.findByName(name);
      return raced?.source === 'sso' ? { group: raced, created: false } : undefined;
    }
  }

  /** Removes a membership of an SSO-managed group (no admin rule: those groups have no admins). */
  async removeSsoMember(groupId: string, userId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('group_memberships')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .where('group_id', 'in', (eb) => eb.selectFrom('groups').select('id').where('source', '=', 'sso'))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** The groups where the user is an admin, with their member and admin counts. */
  async administeredBy(userId: string): Promise<AdministeredGroup[]> {
    const rows = await this.db
      .selectFrom('group_memberships as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select((eb) => [
        'g.id',
        'g.name',
        eb
          .selectFrom('group_memberships as c')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('c.group_id', '=', 'g.id')
          .as('members'),
        eb
          .selectFrom('group_memberships as a')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('a.group_id', '=', 'g.id')
          .where('a.role', '=', 'admin')
          .as('admins'),
      ])
      .where('m.user_id', '=', userId)
      .where('m.role', '=', 'admin')
      .orderBy(sql`lower(g.name)`)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      members: Number(row.members ?? 0),
      admins: Number(row.admins ?? 0),
    }));
  }
}

async function countAdmins(trx: Transaction<Database>, groupId: string): Promise<number> {
  const row = await trx
    .selectFrom('group_memberships')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('group_id', '=', groupId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
