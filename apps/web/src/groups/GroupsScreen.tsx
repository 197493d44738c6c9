import { useState } from 'react';
import { describeError } from '../api/errors';
import type { Me } from '../auth/session';
import { followLink } from '../shell/Nav';
import type { Route } from '../shell/router';
import { GroupDetail } from './GroupDetail';
import { useGroupMutations, useMyGroups } from './queries';

function GroupList() {
  const groups = useMyGroups();
  const { create } = useGroupMutations();
  const [name, setName] = useState('');
  return (
    <>
      <form
        className="card inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { name: name.trim() },
            {
              onSuccess: () => {
                setName('');
              },
            },
          );
        }}
      >
        <label htmlFor="group-name">New group’s name</label>
        <input
          id="group-name"
          required
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <button type="submit" disabled={create.isPending}>
          Create group
        </button>
        {create.isError && (
          <p className="error" role="alert">
            {describeError(create.error)}
          </p>
        )}
      </form>
      <section className="card" aria-labelledby="groups-title">
        <h2 id="groups-title">My groups</h2>
        {groups.isPending && (
          <p className="muted" role="status">
            Loading groups…
          </p>
        )}
        {groups.isError && (
          <p className="error" role="alert">
            {describeError(groups.error)}
          </p>
        )}
        {groups.data?.length === 0 && (
          <p className="muted">You are in no group yet. Create one to share documents.</p>
        )}
        <ul className="plain-list">
          {groups.data?.map((group) => {
            const href = `/groups/${group.id}`;
            return (
              <li key={group.id}>
                <a
                  href={href}
                  onClick={(event) => {
                    followLink(event, href);
                  }}
                >
                  {group.name}
                </a>{' '}
                <span className="muted">
                  {group.memberCount} members · {group.myRole ?? 'not a member'}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

/** Groups: mine with my role, create; one group's members and documents at /groups/:id. */
export default function GroupsScreen({ route, me }: { route: Route; me: Me }) {
  const id = /^\/groups\/([0-9a-f-]{36})$/i.exec(route.path)?.[1];
  return (
    <main className="page" id="main">
      <h1>Groups</h1>
      {id ? <GroupDetail id={id} me={me} /> : <GroupList />}
    </main>
  );
}
