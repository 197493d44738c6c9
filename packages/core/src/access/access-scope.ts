import type { UserActor } from '../identity/actor.ts';

/**
 * What a user may see: their own documents, and documents shared into one of their live groups.
 * Every path that touches documents takes one (never a bare user id), and the stores apply it
 * inside their queries.
 */
export interface AccessScope {
  userId: string;
  groupIds: readonly string[];
  role: UserActor['role'];
}

/**
 * Where group memberships come from: the `group_memberships` table, read at every call
 * (`databaseMembershipSource`). Never put a cache in front of it: a removed member must lose access
 * at their very next query.
 */
export interface GroupMembershipSource {
  liveGroupIds(userId: string): Promise<readonly string[]>;
}

/**
 * The one place that turns an actor into an {@link AccessScope}. A platform admin's scope is built
 * exactly like anyone's: the role grants no document reading. Without a source (tools, benchmarks)
 * nobody is in any group.
 */
export class AccessService {
  constructor(private readonly groups: GroupMembershipSource = { liveGroupIds: async () => [] }) {}

  async scopeFor(actor: Pick<UserActor, 'userId' | 'role'>): Promise<AccessScope> {
    return { userId: actor.userId, groupIds: await this.groups.liveGroupIds(actor.userId), role: actor.role };
  }
}
