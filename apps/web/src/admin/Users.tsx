import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { LoadMore } from '../ui/LoadMore';
import { useAdminUsers } from './queries';

/** Users: search, create (with a first key shown once), change role, disable or enable; paged. */
export function Users() {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const users = useAdminUsers(search);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/v1/admin/users', { body: { username: username.trim(), createApiKey: true } })),
    onSuccess: (created) => {
      setSecret(created.apiKey?.secret ?? null);
      setUsername('');
      void invalidate();
    },
  });
  const update = useMutation({
    mutationFn: async (input: { id: string; role?: 'admin' | 'user'; status?: 'active' | 'disabled' }) =>
      unwrap(
        await api.PATCH('/v1/admin/users/{id}', {
          params: { path: { id: input.id } },
          body: { role: input.role, status: input.status },
        }),
      ),
    onSuccess: invalidate,
  });
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <label htmlFor="new-username">New user’s username</label>
        <input
          id="new-username"
          required
          value={username}
          onChange={(event) => {
            setUsername(event.target.value);
          }}
        />
        <button type="submit" disabled={create.isPending}>
          Create user
        </button>
      </form>
      {secret && (
        <p className="secret" role="status">
          Their first API key (shown once): <code>{secret}</code>
        </p>
      )}
      {(create.isError || update.isError) && (
        <p className="error" role="alert">
          {describeError(create.error ?? update.error)}
        </p>
      )}
      <label>
        Search users{' '}
        <input
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
          }}
        />
      </label>
      {users.isError && <p className="error">{describeError(users.error)}</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <tr key={user.id}>
                <td>{user.username}</td>
                <td>{user.displayName}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                    Role of {user.username}
                  </label>
                  <select
                    id={`role-${user.id}`}
                    value={user.role}
                    onChange={(event) => {
                      update.mutate({ id: user.id, role: event.target.value === 'admin' ? 'admin' : 'user' });
                    }}
                  >
                    <option value="user">user</option>
                    <option value="admin">admin</option>
                  </select>
                </td>
                <td>{user.status}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      update.mutate({
                        id: user.id,
                        status: user.status === 'active' ? 'disabled' : 'active',
                      });
                    }}
                  >
                    {user.status === 'active' ? 'Disable' : 'Enable'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore query={users} what="users" />
    </section>
  );
}
