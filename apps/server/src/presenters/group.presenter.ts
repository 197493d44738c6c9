import type { GroupMemberRecord, GroupSummary } from '@youworker/db';

/** A group with its member count and the caller's role. */
export function presentGroup(group: GroupSummary) {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    memberCount: group.memberCount,
    myRole: group.myRole,
    source: group.source,
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
  };
}

/** A member: public facts of the user (never their email) and their role. */
export function presentMember(member: GroupMemberRecord) {
  return {
    userId: member.userId,
    username: member.username,
    displayName: member.displayName,
    role: member.role,
    joinedAt: member.joinedAt.toISOString(),
  };
}
