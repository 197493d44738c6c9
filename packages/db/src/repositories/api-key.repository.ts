import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database } from '../schema/database.ts';
import { toUserRecordFromAliased, userColumnsAliased, type UserRecord } from './user.repository.ts';
import { isUuid } from './uuid.ts';

/** An API key's metadata (never its secret). */
export interface ApiKeyRecord {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

function toApiKeyRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** `api_keys` table access. */
export class ApiKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(key: {
    userId: string;
    name: string;
    prefix: string;
    keyHash: string;
    expiresAt: Date | null;
  }): Promise<ApiKeyRecord> {
    const row = await this.db
      .insertInto('api_keys')
      .values({
        user_id: key.userId,
        name: key.name,
        prefix: key.prefix,
        key_hash: key.keyHash,
        expires_at: key.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApiKeyRecord(row);
  }

  /** The key with this hash and its owner, whatever their state (one query: it runs on every request). */
  async findByHash(keyHash: string): Promise<{ key: ApiKeyRecord; user: UserRecord } | undefined> {
    const row = await this.db
      .selectFrom('api_keys')
      .innerJoin('users', 'users.id', 'api_keys.user_id')
      .selectAll('api_keys')
      .select(userColumnsAliased)
      .where('api_keys.key_hash', '=', keyHash)
      .executeTakeFirst();
    return row && { key: toApiKeyRecord(row), user: toUserRecordFromAliased(row) };
  }

  async listForUser(userId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toApiKeyRecord);
  }

  async findForUser(userId: string, id: string): Promise<ApiKeyRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toApiKeyRecord(row);
  }

  /** Marks the key revoked (idempotent); returns it, or undefined when it is not the user's. */
  async revoke(userId: string, id: string): Promise<ApiKeyRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const now = new Date();
    await this.db
      .updateTable('api_keys')
      .set({ revoked_at: now, updated_at: now })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    return this.findForUser(userId, id);
  }

  /** Records use at most once a minute per key, so authentication does not write on every request. */
  async touchLastUsed(id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(now.getTime() - 60_000))]),
      )
      .execute();
  }
}
