import type { Kysely, Selectable } from 'kysely';
import type { AuditEventsTable, Database } from '../schema/database.ts';
import { isUuid } from './uuid.ts';

/** One audit event. */
export interface AuditEventRecord {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** What is written for a new event. */
export type NewAuditEvent = Omit<AuditEventRecord, 'id' | 'occurredAt'>;

/** Filters of an audit listing; `beforeId` is the cursor (newest first). */
export interface AuditEventFilter {
  actorUserId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  beforeId?: string;
  limit: number;
}

function toRecord(row: Selectable<AuditEventsTable>): AuditEventRecord {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    details: row.details,
  };
}

/** `audit_events` table access (append-only). */
export class AuditEventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(event: NewAuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        actor_user_id: event.actorUserId,
        actor_label: event.actorLabel,
        action: event.action,
        target_type: event.targetType,
        target_id: event.targetId,
        outcome: event.outcome,
        ip: event.ip,
        user_agent: event.userAgent,
        request_id: event.requestId,
        details: JSON.stringify(event.details),
      })
      .execute();
  }

  /** Newest first. */
  async list(filter: AuditEventFilter): Promise<AuditEventRecord[]> {
    let query = this.db.selectFrom('audit_events').selectAll();
    if (filter.actorUserId !== undefined) {
      if (!isUuid(filter.actorUserId)) {
        return [];
      }
      query = query.where('actor_user_id', '=', filter.actorUserId);
    }
    if (filter.action !== undefined) {
      query = query.where('action', '=', filter.action);
    }
    if (filter.from !== undefined) {
      query = query.where('occurred_at', '>=', filter.from);
    }
    if (filter.to !== undefined) {
      query = query.where('occurred_at', '<', filter.to);
    }
    if (filter.beforeId !== undefined) {
      query = query.where('id', '<', filter.beforeId);
    }
    const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map(toRecord);
  }

  /** Events after `afterId`, oldest first (for `youworker audit tail`). */
  async listAfter(afterId: string | undefined, limit: number): Promise<AuditEventRecord[]> {
    let query = this.db.selectFrom('audit_events').selectAll();
    if (afterId !== undefined) {
      query = query.where('id', '>', afterId);
    }
    const rows = await query.orderBy('id', 'asc').limit(limit).execute();
    return rows.map(toRecord);
  }
}
