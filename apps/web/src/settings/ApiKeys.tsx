import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { describeError } from '../api/errors';

/** API keys: create (the secret is shown once, with copy), list, revoke. */
export function ApiKeys() {
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: async () => unwrap(await api.GET('/v1/account/api-keys')).items,
  });
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['api-keys'] });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/account/api-keys', { body: { name: name.trim() } })),
    onSuccess: (created) => {
      setSecret(created.secret);
      setName('');
      void invalidate();
    },
  });
  const revoke = useMutation({
    mutationFn: async (id: string) => {
      const result = await api.DELETE('/v1/account/api-keys/{id}', { params: { path: { id } } });
      if (!result.response.ok) {
        unwrap(result);
      }
    },
    onSuccess: invalidate,
  });
  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <label htmlFor="key-name">Name of a new key</label>
        <input
          id="key-name"
          required
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <button type="submit" disabled={create.isPending || name.trim() === ''}>
          Create key
        </button>
      </form>
      {secret && (
        <div className="secret" role="status">
          <p>Copy this key now; it is not shown again:</p>
          <code>{secret}</code>{' '}
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard.writeText(secret);
            }}
          >
            Copy
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setSecret(null);
            }}
          >
            Done
          </button>
        </div>
      )}
      {(create.isError || revoke.isError) && (
        <p className="error" role="alert">
          {describeError(create.error ?? revoke.error)}
        </p>
      )}
      {keys.isError && <p className="error">{describeError(keys.error)}</p>}
      <ul className="plain-list">
        {keys.data?.map((key) => (
          <li key={key.id}>
            <strong>{key.name}</strong> <code>{key.prefix}…</code>{' '}
            <span className="muted">
              created {new Date(key.createdAt).toLocaleDateString()}
              {key.lastUsedAt ? `, last used ${new Date(key.lastUsedAt).toLocaleString()}` : ', never used'}
              {key.revokedAt ? ', revoked' : ''}
            </span>{' '}
            {!key.revokedAt && (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  revoke.mutate(key.id);
                }}
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
