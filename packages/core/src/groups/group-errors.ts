import { ConflictError } from '../errors/conflict-error.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';

/** Missing, or the caller is not a member (no difference: a group's existence does not leak). */
export function groupNotFound(): NotFoundError {
  return new NotFoundError({ code: 'GROUP_NOT_FOUND', message: 'Group not found' });
}

export function memberNotFound(): NotFoundError {
  return new NotFoundError({ code: 'MEMBER_NOT_FOUND', message: 'This user is not a member of the group' });
}

export function userNotFound(): NotFoundError {
  return new NotFoundError({ code: 'USER_NOT_FOUND', message: 'User not found' });
}

/** A member who is not an admin of the group tried an admin action. */
export function groupAdminRequired(): ForbiddenError {
  return new ForbiddenError({
    code: 'GROUP_ADMIN_REQUIRED',
    message: 'Only an admin of this group may do this',
  });
}

/** The caller tried to put a document into a group they are not in. */
export function notAMember(): ForbiddenError {
  return new ForbiddenError({ code: 'NOT_A_MEMBER', message: 'You are not a member of this group' });
}

export function lastAdmin(): ConflictError {
  return new ConflictError({
    code: 'LAST_ADMIN',
    message: 'A group needs at least one admin: promote another member first (or delete the group)',
  });
}

export function alreadyMember(): ConflictError {
  return new ConflictError({ code: 'ALREADY_MEMBER', message: 'This user is already a member of the group' });
}

export function groupNameTaken(): ConflictError {
  return new ConflictError({ code: 'GROUP_NAME_TAKEN', message: 'A group with this name already exists' });
}

/** Membership of an SSO-managed group follows the SSO groups header; the API does not change it. */
export function managedBySso(): ConflictError {
  return new ConflictError({
    code: 'GROUP_MANAGED_BY_SSO',
    message: 'This group’s members come from the SSO groups header: change them in the identity provider',
  });
}

/** Account deletion would leave groups with members but no admin. */
export function lastAdminOfGroups(groups: { id: string; name: string }[]): ConflictError {
  return new ConflictError({
    code: 'LAST_ADMIN',
    message:
      'You are the last admin of groups that have other members: promote another member (or delete the group) first',
    details: { groups },
  });
}
