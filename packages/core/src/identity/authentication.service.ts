import type { ApiKeyRepository, AuthSessionRepository, UserRecord, UserRepository } from '@youworker/db';
import type { AuditService } from '../audit/audit.service.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import type { Actor, AuthenticationMethod, UserActor } from './actor.ts';
import { authenticationFailure, userDisabled } from './identity-errors.ts';
import { TokenHasher } from './token-hasher.ts';

/** A session just opened: the cookie value and its CSRF token. */
export interface OpenedSession {
  actor: UserActor;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

function toActor(
  user: UserRecord,
  via: AuthenticationMethod,
  ids: { apiKeyId?: string | null; sessionId?: string },
): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    role: user.role,
    via,
    ...(ids.apiKeyId ? { apiKeyId: ids.apiKeyId } : {}),
    ...(ids.sessionId ? { sessionId: ids.sessionId } : {}),
  };
}

/**
 * Turns credentials into an {@link Actor}: API keys, browser sessions (opened with a key, revocable,
 * sliding expiry) and their CSRF tokens. Every check reads the database, so revocation, expiry and
 * disabling take effect on the next request.
 */
export class AuthenticationService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      users: UserRepository;
      apiKeys: ApiKeyRepository;
      sessions: AuthSessionRepository;
      hasher: TokenHasher;
      audit: AuditService;
      sessionTtlMs: number;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async authenticateApiKey(secret: string): Promise<UserActor> {
    if (!secret || secret.length > 256) {
      throw authenticationFailure('API_KEY_INVALID');
    }
    const found = await this.deps.apiKeys.findByHash(this.deps.hasher.hash(secret));
    if (!found) {
      throw authenticationFailure('API_KEY_INVALID');
    }
    const now = this.now();
    if (found.key.revokedAt) {
      throw authenticationFailure('API_KEY_REVOKED');
    }
    if (found.key.expiresAt && found.key.expiresAt <= now) {
      throw authenticationFailure('API_KEY_EXPIRED');
    }
    if (found.user.status !== 'active') {
      throw userDisabled();
    }
    if (!found.key.lastUsedAt || now.getTime() - found.key.lastUsedAt.getTime() > 60_000) {
      await this.deps.apiKeys.touchLastUsed(found.key.id, now);
    }
    return toActor(found.user, 'api-key', { apiKeyId: found.key.id });
  }

  async authenticateSession(token: string): Promise<UserActor> {
    if (!token || token.length > 128) {
      throw authenticationFailure('SESSION_INVALID');
    }
    const found = await this.deps.sessions.findByTokenHash(this.deps.hasher.hash(token));
    if (!found) {
      throw authenticationFailure('SESSION_INVALID');
    }
    const now = this.now();
    const { session, user, apiKey } = found;
    if (session.revokedAt || apiKey?.revokedAt) {
      throw authenticationFailure('SESSION_REVOKED');
    }
    if (session.expiresAt <= now || (apiKey?.expiresAt && apiKey.expiresAt <= now)) {
      throw authenticationFailure('SESSION_EXPIRED');
    }
    if (user.status !== 'active') {
      throw userDisabled();
    }
    // Slide the expiry, writing at most once a minute per session.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await this.deps.sessions.touch(session.id, now, new Date(now.getTime() + this.deps.sessionTtlMs));
    }
    return toActor(user, 'session', { apiKeyId: session.apiKeyId, sessionId: session.id });
  }

  /** `POST /v1/auth/login`: an API key opens a browser session. */
  async login(
    secret: string,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<OpenedSession> {
    let actor: UserActor;
    try {
      actor = await this.authenticateApiKey(secret);
    } catch (error) {
      await this.deps.audit.record({
        action: 'auth.login-failed',
        actor: { kind: 'anonymous' },
        outcome: 'failure',
        details: { reason: (error as { code?: string }).code ?? 'UNKNOWN' },
      });
      throw error;
    }
    const sessionToken = this.deps.hasher.generateSessionToken();
    const expiresAt = new Date(this.now().getTime() + this.deps.sessionTtlMs);
    const session = await this.deps.sessions.create({
      userId: actor.userId,
      apiKeyId: actor.apiKeyId ?? null,
      tokenHash: this.deps.hasher.hash(sessionToken),
      ip: client.ip,
      userAgent: client.userAgent,
      expiresAt,
    });
    await this.deps.users.recordLogin(actor.userId);
    const sessionActor: UserActor = { ...actor, via: 'session', sessionId: session.id };
    await this.deps.audit.record({
      action: 'auth.login',
      actor: sessionActor,
      target: { type: 'session', id: session.id },
    });
    return {
      actor: sessionActor,
      sessionToken,
      csrfToken: this.deps.hasher.csrfTokenFor(session.id),
      expiresAt,
    };
  }

  /** Ends the caller's browser session server-side. */
  async logout(actor: UserActor): Promise<void> {
    if (actor.sessionId) {
      await this.deps.sessions.revoke(actor.sessionId);
    }
    await this.deps.audit.record({
      action: 'auth.logout',
      actor,
      ...(actor.sessionId ? { target: { type: 'session', id: actor.sessionId } } : {}),
    });
  }

  /** The CSRF token of the caller's session. */
  csrfTokenFor(actor: Actor): string {
    if (actor.kind !== 'user' || !actor.sessionId) {
      throw new ValidationError({
        code: 'SESSION_REQUIRED',
        message: 'CSRF tokens exist only for browser sessions',
      });
    }
    return this.deps.hasher.csrfTokenFor(actor.sessionId);
  }

  /**
   * Double-submit check for a cookie-authenticated unsafe request: the header must equal the cookie,
   * and both must be the token of this very session.
   */
  verifyCsrf(actor: UserActor, headerToken: string | undefined, cookieToken: string | undefined): void {
    if (!actor.sessionId) {
      return;
    }
    const expected = this.deps.hasher.csrfTokenFor(actor.sessionId);
    if (
      !headerToken ||
      !cookieToken ||
      !TokenHasher.equals(headerToken, cookieToken) ||
      !TokenHasher.equals(headerToken, expected)
    ) {
      throw new ForbiddenError({
        code: 'CSRF_FAILED',
        message: 'Missing or invalid CSRF token: send the X-CSRF-Token header from GET /v1/auth/csrf-token',
      });
    }
  }
}
