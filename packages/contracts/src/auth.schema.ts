import { z } from 'zod';

/** Roles and statuses of platform users. */
export const UserRoleSchema = z.enum(['admin', 'user']);
export const UserStatusSchema = z.enum(['active', 'disabled']);

/** `POST /v1/auth/login`: the API key may come in the body or in the usual headers. */
export const LoginBodySchema = z
  .object({ apiKey: z.string().min(1).max(256).optional() })
  .describe('Omit the body (or `apiKey`) to log in with the key in `Authorization: Bearer` / `X-API-Key`.');

/** Who is logged in. */
export const MeSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    role: UserRoleSchema,
    authenticatedBy: z.enum(['api-key', 'session', 'forward-auth']),
  })
  .meta({ id: 'Me' });

export const LoginResponseSchema = z
  .object({
    user: MeSchema,
    csrfToken: z
      .string()
      .describe('Send it as `X-CSRF-Token` on unsafe requests made with the session cookie.'),
    expiresAt: z.iso.datetime().describe('The session slides: each use extends it.'),
  })
  .meta({ id: 'LoginResponse' });

export const CsrfTokenSchema = z.object({ csrfToken: z.string() }).meta({ id: 'CsrfToken' });
