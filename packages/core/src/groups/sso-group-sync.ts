import type { GroupRepository } from '@youworker/db';
import type { AuditService } from '../audit/audit.service.ts';

const system = { kind: 'system' as const, label: 'sso-group-sync' };

/** Group names are 1–100 characters (the `groups` check constraint). */
const MAX_GROUP_NAME = 100;

/**
 * The header groups to map, keyed by lower-cased name (names match case-insensitively; the first
 * spelling seen names a new group). Only names starting with `prefix` (case-insensitive) count.
 */
export function mappedSsoGroups(headerGroups: readonly string[], prefix: string): Map<string, string> {
  const wanted = new Map<string, string>();
  const lowerPrefix = prefix.toLowerCase();
  for (const name of headerGroups) {
    const key = name.toLowerCase();
    if (name.length <= MAX_GROUP_NAME && key.startsWith(lowerPrefix) && !wanted.has(key)) {
      wanted.set(key, name);
    }
  }
  return wanted;
}

/**
 * Brings a forward-auth user's memberships of SSO-managed groups in line with the groups header:
 * a mapped header group seen for the first time becomes an SSO-managed group (no admins: platform
 * admins manage it), the user joins the listed ones as `member` and leaves the SSO-managed groups no
 * longer listed. Platform groups (even one named like a header group) are never touched. When
 * nothing changed it costs one query. Every change is audited (actor `system:sso-group-sync`).
 */
export async function syncSsoGroups(
  deps: { groups: GroupRepository; audit: AuditService },
  user: { id: string; username: string },
  headerGroups: readonly string[],
  prefix: string,
): Promise<void> {
  const wanted = mappedSsoGroups(headerGroups, prefix);
  const current = await deps.groups.ssoGroupsOf(user.id);
  const currentKeys = new Set(current.map((group) => group.name.toLowerCase()));
  for (const group of current) {
    if (!wanted.has(group.name.toLowerCase()) && (await deps.groups.removeSsoMember(group.id, user.id))) {
      await record(deps.audit, 'group.member-remove', group.id, { userId: user.id, source: 'sso' });
    }
  }
  for (const [key, name] of wanted) {
    if (currentKeys.has(key)) {
      continue;
    }
    const found = await deps.groups.findOrCreateSso(name);
    if (!found) {
      continue;
    }
    if (found.created) {
      await record(deps.audit, 'group.create', found.group.id, { name: found.group.name, source: 'sso' });
    }
    if (await deps.groups.addMember(found.group.id, user.id, 'member')) {
      await record(deps.audit, 'group.member-add', found.group.id, {
        userId: user.id,
        username: user.username,
        role: 'member',
        source: 'sso',
      });
    }
  }
}

function record(
  audit: AuditService,
  action: 'group.create' | 'group.member-add' | 'group.member-remove',
  groupId: string,
  details: Record<string, unknown>,
): Promise<void> {
  return audit.record({ action, actor: system, target: { type: 'group', id: groupId }, details });
}
