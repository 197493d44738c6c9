import type { AuditEventRepository } from '@youworker/db';
import { getRequestContext } from '../context/request-context.ts';
import type { Actor } from '../identity/actor.ts';

/** Every audited action. New features add theirs here (`<noun>.<verb>`). */
export type AuditAction =
  | 'auth.login'
  | 'auth.login-failed'
  | 'auth.logout'
  | 'auth.forward-auth-spoofed'
  | 'auth.forward-auth-provisioned'
  | 'api-key.create'
  | 'api-key.revoke'
  | 'user.create'
  | 'user.update'
  | 'user.role-change'
  | 'user.disable'
  | 'user.enable'
  | 'account.update'
  | 'account.export'
  | 'account.delete'
  | 'chat.session-delete'
  | 'chat.history-clear'
  | 'documents.ingest'
  | 'document.update'
  | 'document.delete'
  | 'document.reindex'
  | 'document.share'
  | 'group.create'
  | 'group.update'
  | 'group.delete'
  | 'group.member-add'
  | 'group.member-role-change'
  | 'group.member-remove'
  | 'group.leave';

/** One event to record; request id, IP and user agent come from the request context. */
export interface AuditEntry {
  action: AuditAction;
  /** Who did it; anonymous for failed logins and spoofing attempts. */
  actor: Actor | { kind: 'system'; label: string };
  target?: { type: string; id: string };
  outcome?: 'success' | 'failure' | 'denied';
  /** Client-safe facts; never secrets. */
  details?: Record<string, unknown>;
}

/** Writes the audit log. `await audit.record({ action, actor, target })` is all a feature needs. */
export class AuditService {
  constructor(private readonly deps: { events: AuditEventRepository }) {}

  async record(entry: AuditEntry): Promise<void> {
    const context = getRequestContext();
    const actor = entry.actor;
    await this.deps.events.insert({
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel:
        actor.kind === 'user' ? actor.username : actor.kind === 'system' ? actor.label : 'anonymous',
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      outcome: entry.outcome ?? 'success',
      ip: context?.ip ?? null,
      userAgent: context?.userAgent ?? null,
      requestId: context?.requestId ?? null,
      details: entry.details ?? {},
    });
  }

  list(filter: Parameters<AuditEventRepository['list']>[0]) {
    return this.deps.events.list(filter);
  }

  listAfter(afterId: string | undefined, limit: number) {
    return this.deps.events.listAfter(afterId, limit);
  }
}
