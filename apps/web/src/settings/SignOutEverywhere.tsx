import { describeError } from '../api/errors';
import { useSignOutEverywhere } from '../auth/session';

/** "Sign out everywhere": ends every browser session of the user, on every device. */
export function SignOutEverywhere() {
  const signOut = useSignOutEverywhere();
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      <p className="muted">
        Signs you out on every device and browser, this one included. Your API keys keep working; revoke them
        above if one was exposed.
      </p>
      <button
        type="button"
        disabled={signOut.isPending}
        onClick={() => {
          signOut.mutate();
        }}
      >
        Sign out everywhere
      </button>
      {signOut.isError && (
        <p className="error" role="alert">
          {describeError(signOut.error)}
        </p>
      )}
    </section>
  );
}
