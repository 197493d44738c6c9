import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { meQueryKey, type Me } from '../auth/session';
import { applyTheme, storedTheme, type ThemeChoice } from '../shell/theme';
import { ApiKeys } from './ApiKeys';
import { DangerZone } from './DangerZone';
import { SignOutEverywhere } from './SignOutEverywhere';

function Profile({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [email, setEmail] = useState(me.email ?? '');
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/v1/account', {
          body: { displayName, email: email.trim() === '' ? null : email.trim() },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  return (
    <form
      className="card stacked-form"
      aria-labelledby="profile-title"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="profile-title">Profile</h2>
      <p className="muted">
        Signed in as <strong>{me.username}</strong> ({me.role}, via {me.authenticatedBy}).
      </p>
      <label htmlFor="display-name">Display name</label>
      <input
        id="display-name"
        value={displayName}
        onChange={(event) => {
          setDisplayName(event.target.value);
        }}
      />
      <label htmlFor="email">Email</label>
      <input
        id="email"
        type="email"
        value={email}
        onChange={(event) => {
          setEmail(event.target.value);
        }}
      />
      <button type="submit" disabled={save.isPending}>
        Save profile
      </button>
      {save.isSuccess && (
        <p role="status" className="muted">
          Saved.
        </p>
      )}
      {save.isError && (
        <p className="error" role="alert">
          {describeError(save.error)}
        </p>
      )}
    </form>
  );
}

function Theme() {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme());
  const options: ThemeChoice[] = ['light', 'dark', 'system'];
  return (
    <fieldset className="card">
      <legend>Theme</legend>
      {options.map((option) => (
        <label key={option} className="toggle">
          <input
            type="radio"
            name="theme"
            value={option}
            checked={choice === option}
            onChange={() => {
              setChoice(option);
              applyTheme(option);
            }}
          />{' '}
          {option[0]?.toUpperCase()}
          {option.slice(1)}
        </label>
      ))}
    </fieldset>
  );
}

/** Profile, theme, API keys, and the user's data. */
export default function SettingsScreen({ me }: { me: Me }) {
  return (
    <main className="page" id="main">
      <h1>Settings</h1>
      <Profile me={me} />
      <Theme />
      <ApiKeys />
      <SignOutEverywhere />
      <DangerZone me={me} />
    </main>
  );
}
