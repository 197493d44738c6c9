import { useState } from 'react';
import { describeError } from '../api/errors';
import { followLink } from '../shell/Nav';
import { useSessionMutations, useSessions, type ChatSession } from './sessions';

function SessionRow({
  session,
  current,
  onDeleted,
}: {
  session: ChatSession;
  current: boolean;
  onDeleted: () => void;
}) {
  const { update, remove } = useSessionMutations();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(session.title);
  const [confirming, setConfirming] = useState(false);
  const href = `/chat/${session.id}`;

  if (editing) {
    return (
      <li className="session-row">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ id: session.id, title: title.trim() || session.title });
            setEditing(false);
          }}
        >
          <label className="visually-hidden" htmlFor={`rename-${session.id}`}>
            New title
          </label>
          <input
            id={`rename-${session.id}`}
            value={title}
            autoFocus
            onChange={(event) => {
              setTitle(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setEditing(false);
              }
            }}
          />
          <button type="submit">Save</button>
        </form>
      </li>
    );
  }
  return (
    <li className="session-row">
      <a
        href={href}
        aria-current={current ? 'page' : undefined}
        onClick={(event) => {
          followLink(event, href);
        }}
      >
        {session.pinned && <span aria-label="Pinned">📌 </span>}
        {session.title || 'New chat'}
      </a>
      {confirming ? (
        <span className="row-actions" role="group" aria-label={`Delete ${session.title}?`}>
          <button
            type="button"
            className="danger"
            onClick={() => {
              remove.mutate(session.id, { onSuccess: onDeleted });
            }}
          >
            Delete
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
            }}
          >
            Keep
          </button>
        </span>
      ) : (
        <span className="row-actions">
          <button
            type="button"
            aria-label={`${session.pinned ? 'Unpin' : 'Pin'} ${session.title}`}
            onClick={() => {
              update.mutate({ id: session.id, pinned: !session.pinned });
            }}
          >
            {session.pinned ? 'Unpin' : 'Pin'}
          </button>
          <button
            type="button"
            aria-label={`Rename ${session.title}`}
            onClick={() => {
              setEditing(true);
            }}
          >
            Rename
          </button>
          <button
            type="button"
            aria-label={`Delete ${session.title}`}
            onClick={() => {
              setConfirming(true);
            }}
          >
            Delete
          </button>
        </span>
      )}
    </li>
  );
}

/** Chat sessions: search, new chat, and per session open, pin, rename and delete (confirmed). */
export function SessionSidebar({
  currentId,
  onNewChat,
  onDeleted,
}: {
  currentId: string | undefined;
  onNewChat: () => void;
  onDeleted: (id: string) => void;
}) {
  const [search, setSearch] = useState('');
  const sessions = useSessions(search.trim());
  return (
    <aside className="sessions" aria-label="Chats">
      <button type="button" className="primary" onClick={onNewChat} title="Ctrl/⌘+K">
        New chat
      </button>
      <label htmlFor="session-search" className="visually-hidden">
        Search chats
      </label>
      <input
        id="session-search"
        type="search"
        placeholder="Search chats"
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
        }}
      />
      {sessions.isPending && <p className="muted">Loading chats…</p>}
      {sessions.isError && <p className="error">{describeError(sessions.error)}</p>}
      {sessions.data?.length === 0 && (
        <p className="muted">{search ? 'No chat matches.' : 'No chats yet.'}</p>
      )}
      <ul>
        {sessions.data?.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            current={session.id === currentId}
            onDeleted={() => {
              onDeleted(session.id);
            }}
          />
        ))}
      </ul>
    </aside>
  );
}
