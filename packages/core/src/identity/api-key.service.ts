import type { ApiKeyRecord, ApiKeyRepository, AuthSessionRepository, UserRepository } from '@youworker/db';
import type { AuditService } from '../audit/audit.service.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import type { Actor, UserActor } from './actor.ts';
import type { TokenHasher } from './token-hasher.ts';

/** A key just created, with its secret: the only time the secret is ever available. */
export interface CreatedApiKey {
  key: ApiKeyRecord;
  secret: string;
}

const ROOT_KEY_NAME = 'ROOT_API_KEY';

/** API keys: create (secret shown once), list, revoke (ends the sessions it opened). */
export class ApiKeyService {
  constructor(
    private readonly deps: {
      apiKeys: ApiKeyRepository;
      sessions: AuthSessionRepository;
      users: UserRepository;
      hasher: TokenHasher;
      audit: AuditService;
    },
  ) {}

  async create(
    actor: Actor | { kind: 'system'; label: string },
    userId: string,
    options: { name: string; expiresAt?: Date | null },
  ): Promise<CreatedApiKey> {
    const secret = this.deps.hasher.generateApiKey();
    const key = await this.deps.apiKeys.create({
      userId,
      name: options.name,
      prefix: secret.slice(0, 10),
      keyHash: this.deps.hasher.hash(secret),
      expiresAt: options.expiresAt ?? null,
    });
    await this.deps.audit.record({
      action: 'api-key.create',
      actor,
      target: { type: 'api_key', id: key.id },
      details: { userId, name: key.name, expiresAt: key.expiresAt?.toISOString() ?? null },
    });
    return { key, secret };
  }

  list(userId: string): Promise<ApiKeyRecord[]> {
    return this.deps.apiKeys.listForUser(userId);
  }

  /** Revokes one of `userId`'s keys; the sessions opened with it end too. Another user's key is "not found". */
  async revoke(
    actor: UserActor | { kind: 'system'; label: string },
    userId: string,
    keyId: string,
  ): Promise<ApiKeyRecord> {
    const key = await this.deps.apiKeys.revoke(userId, keyId);
    if (!key) {
      throw new NotFoundError({ code: 'API_KEY_NOT_FOUND', message: 'API key not found' });
    }
    const sessionsEnded = await this.deps.sessions.revokeForApiKey(key.id);
    await this.deps.audit.record({
      action: 'api-key.revoke',
      actor,
      target: { type: 'api_key', id: key.id },
      details: { userId, sessionsEnded },
    });
    return key;
  }

  /**
   * Makes `ROOT_API_KEY` from the environment the key of the `root` admin: creates the user if needed,
   * and replaces an earlier root key whose secret changed.
   */
  async bootstrapRootKey(secret: string): Promise<void> {
    const system = { kind: 'system' as const, label: 'ROOT_API_KEY bootstrap' };
    let root = await this.deps.users.findByUsername('root');
    if (!root) {
      root = await this.deps.users.create({
        username: 'root',
        displayName: 'Root administrator',
        role: 'admin',
      });
      await this.deps.audit.record({
        action: 'user.create',
        actor: system,
        target: { type: 'user', id: root.id },
      });
    } else if (root.role !== 'admin' || root.status !== 'active') {
      await this.deps.users.update(root.id, { role: 'admin', status: 'active' });
    }
    const keyHash = this.deps.hasher.hash(secret);
    const existing = await this.deps.apiKeys.findByHash(keyHash);
    if (existing && existing.user.id === root.id && existing.key.revokedAt === null) {
      return;
    }
    for (const key of await this.deps.apiKeys.listForUser(root.id)) {
      if (key.name === ROOT_KEY_NAME && key.revokedAt === null) {
        await this.revoke(system, root.id, key.id);
      }
    }
    if (existing) {
      // The same secret is registered to a revoked key or another user: never reuse it silently.
      throw new Error(
        'ROOT_API_KEY matches an existing key that is revoked or belongs to another user; choose a new value',
      );
    }
    const key = await this.deps.apiKeys.create({
      userId: root.id,
      name: ROOT_KEY_NAME,
      prefix: secret.slice(0, 6),
      keyHash,
      expiresAt: null,
    });
    await this.deps.audit.record({
      action: 'api-key.create',
      actor: system,
      target: { type: 'api_key', id: key.id },
    });
  }
}
