import type { ApiKeyRecord, AuditEventRecord, UserRecord } from '@youworker/db';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The API view of a user. */
export function presentUser(user: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    status: user.status,
    authSource: user.authSource,
    externalGroups: user.externalGroups,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: iso(user.lastLoginAt),
  };
}

/** The API view of an API key (never its secret or hash). */
export function presentApiKey(key: ApiKeyRecord) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: iso(key.lastUsedAt),
    expiresAt: iso(key.expiresAt),
    revokedAt: iso(key.revokedAt),
  };
}

export function presentAuditEvent(event: AuditEventRecord) {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}

/** `GET /v1/auth/me`: who the caller is and how they authenticated. */
export function presentMe(user: UserRecord, authenticatedBy: 'api-key' | 'session' | 'forward-auth') {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    authenticatedBy,
  };
}
