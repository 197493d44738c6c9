/** What {@link LoadMore} needs from a TanStack infinite query. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under a cursor-paged list; nothing when the last page is shown. */
export function LoadMore({ query, what }: { query: PagedQuery; what: string }) {
  if (!query.hasNextPage) {
    return null;
  }
  return (
    <p className="load-more">
      <button
        type="button"
        disabled={query.isFetchingNextPage}
        aria-label={`Load more ${what}`}
        onClick={() => {
          void query.fetchNextPage();
        }}
      >
        {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
      </button>
    </p>
  );
}
