import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of every API key, so leaked keys are recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = 'yw_';
const apiKeyPattern = /^yw_[A-Za-z0-9_-]{43}$/;

/**
 * Generates secrets and their keyed hashes (HMAC-SHA256 with the server's `SESSION_SECRET`): the
 * database holds only hashes, so a stolen copy of it yields no usable key or session.
 */
export class TokenHasher {
  constructor(private readonly secret: string) {}

  hash(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('base64url');
  }

  /** A new API key: `yw_` + 32 random bytes (base64url). */
  generateApiKey(): string {
    return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  }

  /** A new session token (32 random bytes). */
  generateSessionToken(): string {
    return randomBytes(32).toString('base64url');
  }

  /** The CSRF token of a session: derived from its id, so it rotates whenever the session does. */
  csrfTokenFor(sessionId: string): string {
    return createHmac('sha256', this.secret).update(`csrf:${sessionId}`).digest('base64url');
  }

  /** Constant-time comparison of two tokens. */
  static equals(a: string, b: string): boolean {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
  }

  static looksLikeApiKey(value: string): boolean {
    return apiKeyPattern.test(value);
  }
}
