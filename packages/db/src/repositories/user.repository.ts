import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, UsersTable } from '../schema/database.ts';
import { isUuid } from './uuid.ts';

/** A user as the rest of the platform sees it. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: 'admin' | 'user';
  status: 'active' | 'disabled';
  authSource: 'local' | 'forward-auth';
  externalGroups: string[];
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}

/** Fields a new user is created with. */
export interface NewUser {
  username: string;
  displayName?: string;
  email?: string | null;
  role?: 'admin' | 'user';
  authSource?: 'local' | 'forward-auth';
  externalGroups?: string[];
}

/** Fields that may change on a user. */
export interface UserPatch {
  displayName?: string;
  email?: string | null;
  role?: 'admin' | 'user';
  status?: 'active' | 'disabled';
  externalGroups?: string[];
}

/** The `users` columns, aliased `user_<column>`, for queries that join users to another table. */
export const userColumnsAliased = [
  'users.id as user_id',
  'users.username as user_username',
  'users.display_name as user_display_name',
  'users.email as user_email',
  'users.role as user_role',
  'users.status as user_status',
  'users.auth_source as user_auth_source',
  'users.external_groups as user_external_groups',
  'users.created_at as user_created_at',
  'users.updated_at as user_updated_at',
  'users.last_login_at as user_last_login_at',
] as const;

/** Maps the aliased user columns of a joined row. */
export function toUserRecordFromAliased(row: {
  user_id: string;
  user_username: string;
  user_display_name: string;
  user_email: string | null;
  user_role: 'admin' | 'user';
  user_status: 'active' | 'disabled';
  user_auth_source: 'local' | 'forward-auth';
  user_external_groups: string[];
  user_created_at: Date;
  user_updated_at: Date;
  user_last_login_at: Date | null;
}): UserRecord {
  return {
    id: row.user_id,
    username: row.user_username,
    displayName: row.user_display_name,
    email: row.user_email,
    role: row.user_role,
    status: row.user_status,
    authSource: row.user_auth_source,
    externalGroups: row.user_external_groups,
    createdAt: row.user_created_at,
    updatedAt: row.user_updated_at,
    lastLoginAt: row.user_last_login_at,
  };
}

/** Maps a `users` row. */
export function toUserRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    status: row.status,
    authSource: row.auth_source,
    externalGroups: row.external_groups,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

/** `users` table access. */
export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(user: NewUser): Promise<UserRecord> {
    const row = await this.db
      .insertInto('users')
      .values({
        username: user.username,
        display_name: user.displayName ?? user.username,
        email: user.email ?? null,
        role: user.role ?? 'user',
        auth_source: user.authSource ?? 'local',
        external_groups: JSON.stringify(user.externalGroups ?? []),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUserRecord(row);
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUserRecord(row);
  }

  /** Case-insensitive lookup. */
  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where(sql<string>`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst();
    return row && toUserRecord(row);
  }

  /** Users by creation time; `search` matches username, display name or email (case-insensitive). */
  async list(options: {
    search?: string;
    limit: number;
    after?: { createdAt: Date; id: string };
  }): Promise<UserRecord[]> {
    let query = this.db.selectFrom('users').selectAll();
    if (options.search) {
      const pattern = `%${options.search.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql<string>`lower(username)`, 'like', pattern),
          eb(sql<string>`lower(display_name)`, 'like', pattern),
          eb(sql<string>`lower(coalesce(email, ''))`, 'like', pattern),
        ]),
      );
    }
    if (options.after) {
      const { createdAt, id } = options.after;
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '>', createdAt),
          eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)]),
        ]),
      );
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(options.limit).execute();
    return rows.map(toUserRecord);
  }

  async update(id: string, patch: UserPatch): Promise<UserRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db
      .updateTable('users')
      .set({
        ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
        ...(patch.email === undefined ? {} : { email: patch.email }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.status === undefined ? {} : { status: patch.status }),
        ...(patch.externalGroups === undefined
          ? {}
          : { external_groups: JSON.stringify(patch.externalGroups) }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toUserRecord(row);
  }

  async recordLogin(id: string): Promise<void> {
    await this.db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', id).execute();
  }

  /** Number of active admins, optionally not counting one user. */
  async countActiveAdmins(exceptUserId?: string): Promise<number> {
    let query = this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('role', '=', 'admin')
      .where('status', '=', 'active');
    if (exceptUserId) {
      query = query.where('id', '<>', exceptUserId);
    }
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Deletes the user; keys and sessions go with it (foreign keys cascade). */
  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
