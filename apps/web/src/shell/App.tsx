import { lazy, Suspense } from 'react';
import { describeError } from '../api/errors';
import { SignIn } from '../auth/SignIn';
import { useMe, useSignOut } from '../auth/session';
import { ChatScreen } from '../chat/ChatScreen';
import { Nav } from './Nav';
import { useRoute } from './router';

const DocumentsScreen = lazy(() => import('../documents/DocumentsScreen'));
const SettingsScreen = lazy(() => import('../settings/SettingsScreen'));
const AdminScreen = lazy(() => import('../admin/AdminScreen'));
const GroupsScreen = lazy(() => import('../groups/GroupsScreen'));

/** Signs the user in, then shows the screen of the current path. */
export function App() {
  const me = useMe();
  const route = useRoute();
  const signOut = useSignOut();

  if (me.isPending) {
    return (
      <p className="center muted" role="status">
        Loading…
      </p>
    );
  }
  if (me.isError) {
    return (
      <main className="center">
        <p role="alert" className="error">
          {describeError(me.error)}
        </p>
        <button type="button" onClick={() => void me.refetch()}>
          Retry
        </button>
      </main>
    );
  }
  if (me.data === null) {
    return <SignIn />;
  }
  const user = me.data;
  let screen;
  if (route.path.startsWith('/documents')) {
    screen = <DocumentsScreen route={route} />;
  } else if (route.path.startsWith('/groups')) {
    screen = <GroupsScreen route={route} me={user} />;
  } else if (route.path.startsWith('/settings')) {
    screen = <SettingsScreen me={user} />;
  } else if (route.path.startsWith('/admin') && user.role === 'admin') {
    screen = <AdminScreen />;
  } else {
    screen = <ChatScreen route={route} />;
  }
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Nav
        me={user}
        path={route.path}
        onSignOut={() => {
          signOut.mutate();
        }}
      />
      <Suspense
        fallback={
          <p className="center muted" role="status">
            Loading…
          </p>
        }
      >
        {screen}
      </Suspense>
    </div>
  );
}
