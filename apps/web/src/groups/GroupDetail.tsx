import { useState } from 'react';
import { describeError } from '../api/errors';
import type { Me } from '../auth/session';
import { followLink } from '../shell/Nav';
import { navigate } from '../shell/router';
import { ConfirmDelete } from '../ui/ConfirmDelete';
import { useGroup, useGroupMutations, type GroupRole } from './queries';

/** One group: members (add by username or email, change role, remove, leave) and its documents. */
export function GroupDetail({ id, me }: { id: string; me: Me }) {
  const { group, members, documents } = useGroup(id);
  const { addMember, setRole, removeMember, remove } = useGroupMutations();
  const [who, setWho] = useState('');
  const [role, setNewRole] = useState<GroupRole>('member');
  if (group.isPending) {
    return (
      <p className="muted" role="status">
        Loading group…
      </p>
    );
  }
  if (group.isError) {
    return (
      <p className="error" role="alert">
        {describeError(group.error)}
      </p>
    );
  }
  const isAdmin = group.data.myRole === 'admin';
  // SSO groups follow the sign-in provider's groups: memberships cannot be changed here.
  const managedBySso = group.data.source === 'sso';
  const failure = addMember.error ?? setRole.error ?? removeMember.error ?? remove.error;
  return (
    <article className="card" aria-labelledby="group-title">
      <p>
        <a
          href="/groups"
          onClick={(event) => {
            followLink(event, '/groups');
          }}
        >
          ← All groups
        </a>
      </p>
      <h2 id="group-title">{group.data.name}</h2>
      {group.data.description && <p>{group.data.description}</p>}
      <p className="muted">
        {group.data.memberCount} members · your role: {group.data.myRole ?? 'none'}
      </p>
      {managedBySso && (
        <p className="muted">
          Managed by your sign-in provider: membership follows your groups there and cannot be changed here.
        </p>
      )}
      {failure && (
        <p className="error" role="alert">
          {describeError(failure)}
        </p>
      )}
      <h3>Members</h3>
      {isAdmin && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            addMember.mutate(
              { groupId: id, who: who.trim(), role },
              {
                onSuccess: () => {
                  setWho('');
                },
              },
            );
          }}
        >
          <label htmlFor="member-who">Add by username or email</label>
          <input
            id="member-who"
            required
            value={who}
            onChange={(event) => {
              setWho(event.target.value);
            }}
          />
          <label className="visually-hidden" htmlFor="member-role">
            Role
          </label>
          <select
            id="member-role"
            value={role}
            onChange={(event) => {
              setNewRole(event.target.value === 'admin' ? 'admin' : 'member');
            }}
          >
            <option value="member">member</option>
            <option value="admin">admin</option>
          </select>
          <button type="submit" disabled={addMember.isPending}>
            Add member
          </button>
        </form>
      )}
      <ul className="plain-list">
        {members.data?.map((member) => (
          <li key={member.userId}>
            <strong>{member.displayName || member.username}</strong>{' '}
            <span className="muted">@{member.username}</span>{' '}
            {isAdmin && member.userId !== me.id ? (
              <>
                <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                  Role of {member.username}
                </label>
                <select
                  id={`role-${member.userId}`}
                  value={member.role}
                  onChange={(event) => {
                    setRole.mutate({
                      groupId: id,
                      userId: member.userId,
                      role: event.target.value === 'admin' ? 'admin' : 'member',
                    });
                  }}
                >
                  <option value="member">member</option>
                  <option value="admin">admin</option>
                </select>{' '}
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    removeMember.mutate({ groupId: id, userId: member.userId });
                  }}
                >
                  Remove
                </button>
              </>
            ) : (
              <span className="badge">{member.role}</span>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        {group.data.myRole !== null && !managedBySso && (
          <button
            type="button"
            onClick={() => {
              removeMember.mutate(
                { groupId: id, userId: me.id },
                {
                  onSuccess: () => {
                    navigate('/groups');
                  },
                },
              );
            }}
          >
            Leave group
          </button>
        )}
        {isAdmin && (
          <ConfirmDelete
            label="Delete group…"
            question="Delete the group? Its documents go back to their owners."
            confirmLabel="Delete group"
            groupLabel="Confirm group deletion"
            onConfirm={() => {
              remove.mutate(id, {
                onSuccess: () => {
                  navigate('/groups');
                },
              });
            }}
          />
        )}
      </div>
      <h3>Documents shared with this group</h3>
      {documents.data?.length === 0 && (
        <p className="muted">None yet. Upload into this group from Documents.</p>
      )}
      <ul className="plain-list">
        {documents.data?.map((document) => {
          const href = `/documents/${document.id}`;
          return (
            <li key={document.id}>
              <a
                href={href}
                onClick={(event) => {
                  followLink(event, href);
                }}
              >
                {document.title}
              </a>{' '}
              <span className={`badge badge-${document.status}`}>{document.status}</span>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
