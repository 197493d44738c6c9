import { z } from 'zod';
import { UserRoleSchema, UserStatusSchema } from './auth.schema.ts';
import { cleanText, EmailSchema, UsernameSchema } from './text.schema.ts';

/** A user as the API shows it. */
export const UserSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    role: UserRoleSchema,
    status: UserStatusSchema,
    authSource: z.enum(['local', 'forward-auth']),
    externalGroups: z
      .array(z.string())
      .describe('Groups forwarded by the SSO proxy, mapped by the groups feature.'),
    createdAt: z.iso.datetime(),
    lastLoginAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'User' });

export const ProfilePatchSchema = z
  .object({
    displayName: cleanText({ min: 1, max: 128 }).optional(),
    email: EmailSchema.optional(),
  })
  .strict();

/** An API key's metadata; the secret is never shown again after creation. */
export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it.'),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const ApiKeyCreateSchema = z
  .object({
    name: cleanText({ min: 1, max: 100 }),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .optional()
      .describe('Omit for a key that does not expire.'),
  })
  .strict();

export const CreatedApiKeySchema = z
  .object({ apiKey: ApiKeySchema, secret: z.string().describe('Shown once; store it now.') })
  .meta({ id: 'CreatedApiKey' });

export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema) });

export const IdParamsSchema = z.object({ id: z.uuid() });

export const AccountDeleteSchema = z
  .object({ confirm: z.string().max(64).describe('Your username, typed exactly.') })
  .strict();

export const AdminUserCreateSchema = z
  .object({
    username: UsernameSchema,
    displayName: cleanText({ min: 1, max: 128 }).optional(),
    email: EmailSchema.optional(),
    role: UserRoleSchema.default('user'),
    createApiKey: z.boolean().default(false).describe('Also create a first API key and return its secret.'),
  })
  .strict();

export const AdminUserCreatedSchema = z.object({
  user: UserSchema,
  apiKey: CreatedApiKeySchema.optional(),
});

export const AdminUserPatchSchema = z
  .object({
    displayName: cleanText({ min: 1, max: 128 }).optional(),
    email: EmailSchema.optional(),
    role: UserRoleSchema.optional(),
    status: UserStatusSchema.optional(),
  })
  .strict();

export const UserListQuerySchema = z.object({
  search: cleanText({ max: 100 }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page.'),
});

export const UserListSchema = z.object({ items: z.array(UserSchema), nextCursor: z.string().nullable() });

export const AuditEventSchema = z
  .object({
    id: z.string(),
    occurredAt: z.iso.datetime(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    outcome: z.enum(['success', 'failure', 'denied']),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

export const AuditQuerySchema = z.object({
  actorUserId: z.uuid().optional(),
  action: z.string().max(64).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .describe('`nextCursor` of the previous page.'),
});

export const AuditListSchema = z.object({
  items: z.array(AuditEventSchema),
  nextCursor: z.string().nullable(),
});
