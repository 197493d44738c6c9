import type { GroupRepository } from '@youworker/db';
import type { GroupMembershipSource } from '../access/access-scope.ts';
import { groupNotFound, notAMember } from './group-errors.ts';

/** The live memberships from the database: read on every call, never cached (revocation is immediate). */
export function databaseMembershipSource(groups: GroupRepository): GroupMembershipSource {
  return { liveGroupIds: (userId) => groups.groupIdsOf(userId) };
}

/**
 * Throws unless `userId` may put documents into `groupId`: 404 `GROUP_NOT_FOUND` for a group that
 * does not exist, 403 `NOT_A_MEMBER` for one they are not in.
 */
export async function requireMembership(
  groups: GroupRepository,
  userId: string,
  groupId: string,
): Promise<void> {
  if ((await groups.roleOf(groupId, userId)) !== undefined) {
    return;
  }
  if ((await groups.findById(groupId)) === undefined) {
    throw groupNotFound();
  }
  throw notAMember();
}
