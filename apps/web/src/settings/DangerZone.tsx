import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { forgetUserData, meQueryKey, type Me } from '../auth/session';

/** Export my data, delete my chat history, delete my account (typed confirmation). */
export function DangerZone({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [historyConfirm, setHistoryConfirm] = useState(false);
  const deleteHistory = useMutation({
    mutationFn: async () => {
      const result = await api.DELETE('/v1/account/history');
      if (!result.response.ok) {
        unwrap(result);
      }
    },
    onSuccess: () => {
      setHistoryConfirm(false);
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const deleteAccount = useMutation({
    mutationFn: async () => {
      const result = await api.DELETE('/v1/account', { body: { confirm: typed } });
      if (!result.response.ok) {
        unwrap(result);
      }
    },
    onSuccess: () => {
      forgetUserData(queryClient);
      queryClient.setQueryData(meQueryKey, null);
    },
  });
  return (
    <section className="card" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p>
        <a className="button" href="/v1/account/export" download>
          Export my data (JSON)
        </a>
      </p>
      <p>
        {historyConfirm ? (
          <>
            Delete every chat session and message?{' '}
            <button
              type="button"
              className="danger"
              onClick={() => {
                deleteHistory.mutate();
              }}
            >
              Delete history
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                setHistoryConfirm(false);
              }}
            >
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => {
              setHistoryConfirm(true);
            }}
          >
            Delete my chat history…
          </button>
        )}
      </p>
      {deleteHistory.isSuccess && (
        <p role="status" className="muted">
          Chat history deleted.
        </p>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          deleteAccount.mutate();
        }}
      >
        <label htmlFor="delete-confirm">
          Delete my account and everything I own: type <strong>{me.username}</strong> to confirm
        </label>
        <input
          id="delete-confirm"
          value={typed}
          autoComplete="off"
          onChange={(event) => {
            setTyped(event.target.value);
          }}
        />
        <button type="submit" className="danger" disabled={typed !== me.username || deleteAccount.isPending}>
          Delete account
        </button>
      </form>
      {(deleteHistory.isError || deleteAccount.isError) && (
        <p className="error" role="alert">
          {describeError(deleteHistory.error ?? deleteAccount.error)}
        </p>
      )}
    </section>
  );
}
