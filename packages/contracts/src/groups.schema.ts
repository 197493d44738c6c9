import { z } from 'zod';
import { cleanText } from './text.schema.ts';

export const GroupRoleSchema = z
  .enum(['member', 'admin'])
  .describe('`admin`: manages the group and its members; `member`: reads what is shared into it.');

/** A group as its members (and platform admins) see it. */
export const GroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    memberCount: z.number().int(),
    myRole: GroupRoleSchema.nullable().describe('Your role in the group; null when you are not a member.'),
    source: z
      .enum(['platform', 'sso'])
      .describe(
        '`sso`: created and kept in sync from the SSO groups header (`SSO_GROUP_SYNC`); its memberships cannot be changed through the API (409 `GROUP_MANAGED_BY_SSO`).',
      ),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Group' });

export const GroupListSchema = z.object({ items: z.array(GroupSchema) });

export const GroupCreateSchema = z.strictObject({
  name: cleanText({ min: 1, max: 100 }).describe('Unique, case-insensitively.'),
  description: cleanText({ max: 1000, multiline: true }).optional(),
});

export const GroupPatchSchema = z
  .strictObject({
    name: cleanText({ min: 1, max: 100 }).optional(),
    description: cleanText({ max: 1000, multiline: true }).optional(),
  })
  .refine((patch) => patch.name !== undefined || patch.description !== undefined, {
    message: 'Give a name or a description',
  });

export const GroupAdminListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const GroupMemberSchema = z
  .object({
    userId: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: GroupRoleSchema,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'GroupMember' });

export const GroupMemberListSchema = z.object({ items: z.array(GroupMemberSchema) });

export const GroupMemberAddSchema = z.strictObject({
  userId: z.uuid().describe('Find it with `GET /v1/users/lookup`.'),
  role: GroupRoleSchema.default('member'),
});

export const GroupMemberPatchSchema = z.strictObject({ role: GroupRoleSchema });

export const GroupMemberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

export const UserLookupQuerySchema = z.object({
  q: cleanText({ min: 1, max: 320 }).describe('An exact username or email (case-insensitive).'),
});

/** The public facts of a user, for adding them to a group. */
export const UserLookupSchema = z
  .object({ id: z.uuid(), username: z.string(), displayName: z.string() })
  .meta({ id: 'UserLookup' });
