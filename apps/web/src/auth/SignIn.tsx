import { useState, type SyntheticEvent } from 'react';
import { describeError } from '../api/errors';
import { useSignIn } from './session';

/** API-key sign-in: the key is exchanged for an HttpOnly session cookie and never stored. */
export function SignIn() {
  const [apiKey, setApiKey] = useState('');
  const signIn = useSignIn();

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (apiKey.trim() !== '') {
      signIn.mutate(apiKey.trim());
    }
  }

  return (
    <main className="sign-in" id="main">
      <form className="card sign-in-card" onSubmit={submit} aria-describedby="sign-in-help">
        <h1>
          <span className="logo" aria-hidden="true">
            Y
          </span>{' '}
          YouWorker
        </h1>
        <p id="sign-in-help" className="muted">
          Sign in with your API key. An administrator creates one with{' '}
          <code>npx youworker users create &lt;name&gt;</code>, or you use <code>ROOT_API_KEY</code>.
        </p>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="apiKey"
          type="password"
          autoComplete="current-password"
          value={apiKey}
          onChange={(event) => {
            setApiKey(event.target.value);
          }}
          required
          autoFocus
        />
        {signIn.isError && (
          <p role="alert" className="error">
            {describeError(signIn.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending || apiKey.trim() === ''}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
