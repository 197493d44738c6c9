import { useSyncExternalStore } from 'react';

/** A location inside the app: the path and its query. */
export interface Route {
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** Goes to `href` inside the app (history API; the server answers every app path with index.html). */
export function navigate(href: string): void {
  if (href === snapshot()) {
    return;
  }
  window.history.pushState(null, '', href);
  for (const listener of listeners) {
    listener();
  }
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, query: url.searchParams };
}
