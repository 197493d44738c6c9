import { z } from 'zod';
import { envBoolean } from './env-helpers.ts';

/** Mapping the SSO forward-auth groups header to platform groups. */
export const groupSyncEnv = {
  SSO_GROUP_SYNC: envBoolean(false).describe(
    'Map the forward-auth groups header (`AUTH_FORWARD_GROUPS_HEADER`, from `TRUSTED_PROXIES` only) to platform groups: a header group seen for the first time becomes an SSO-managed group, and each forward-auth login syncs the user’s memberships of SSO-managed groups (added to those listed, removed from the others). Groups created in the platform are never touched. See docs/access-control.md.',
  ),
  SSO_GROUP_PREFIX: z
    .string()
    .max(64)
    .optional()
    .describe(
      'With `SSO_GROUP_SYNC`, only header groups whose name starts with this prefix (case-insensitive) are mapped; the group keeps its full name. Unset: every header group.',
    ),
};
