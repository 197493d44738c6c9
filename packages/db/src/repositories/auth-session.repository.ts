import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';
import { toUserRecordFromAliased, userColumnsAliased, type UserRecord } from './user.repository.ts';

/** A browser session (never its token). */
export interface AuthSessionRecord {
  id: string;
  userId: string;
  apiKeyId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** A session found by its token, with what decides whether it is still valid. */
export interface SessionLookup {
  session: AuthSessionRecord;
  user: UserRecord;
  /** The key the session was created with: revoked or expired, the session is over too. */
  apiKey: { revokedAt: Date | null; expiresAt: Date | null } | null;
}

function toSessionRecord(row: {
  id: string;
  user_id: string;
  api_key_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}): AuthSessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    apiKeyId: row.api_key_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** `auth_sessions` table access. */
export class AuthSessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(session: {
    userId: string;
    apiKeyId: string | null;
    tokenHash: string;
    ip: string | null;
    userAgent: string | null;
    expiresAt: Date;
  }): Promise<AuthSessionRecord> {
    const row = await this.db
      .insertInto('auth_sessions')
      .values({
        user_id: session.userId,
        api_key_id: session.apiKeyId,
        token_hash: session.tokenHash,
        ip: session.ip,
        user_agent: session.userAgent,
        expires_at: session.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSessionRecord(row);
  }

  async findByTokenHash(tokenHash: string): Promise<SessionLookup | undefined> {
    const row = await this.db
      .selectFrom('auth_sessions')
      .leftJoin('api_keys', 'api_keys.id', 'auth_sessions.api_key_id')
      .innerJoin('users', 'users.id', 'auth_sessions.user_id')
      .select(userColumnsAliased)
      .select([
        'auth_sessions.id',
        'auth_sessions.api_key_id',
        'auth_sessions.created_at',
        'auth_sessions.last_seen_at',
        'auth_sessions.expires_at',
        'auth_sessions.revoked_at',
        'api_keys.revoked_at as key_revoked_at',
        'api_keys.expires_at as key_expires_at',
      ])
      .where('auth_sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) {
      return undefined;
    }
    return {
      session: toSessionRecord(row),
      user: toUserRecordFromAliased(row),
      apiKey: row.api_key_id ? { revokedAt: row.key_revoked_at, expiresAt: row.key_expires_at } : null,
    };
  }

  /** Slides the expiry forward (sliding sessions). */
  async touch(id: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('auth_sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }

  async revoke(id: string): Promise<void> {
    const now = new Date();
    await this.db
      .updateTable('auth_sessions')
      .set({ revoked_at: now, updated_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Ends every open session of a user (disabled user); returns how many. */
  revokeForUser(userId: string): Promise<number> {
    return this.revokeWhere('user_id', userId);
  }

  /** Ends every open session created with a key (revoked key); returns how many. */
  revokeForApiKey(apiKeyId: string): Promise<number> {
    return this.revokeWhere('api_key_id', apiKeyId);
  }

  private async revokeWhere(column: 'user_id' | 'api_key_id', value: string): Promise<number> {
    const now = new Date();
    const result = await this.db
      .updateTable('auth_sessions')
      .set({ revoked_at: now, updated_at: now })
      .where(column, '=', value)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
