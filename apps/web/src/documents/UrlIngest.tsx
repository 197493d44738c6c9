import { useState } from 'react';
import { describeError } from '../api/errors';
import { useDocumentMutations } from './queries';

/** Ingest one web page or file link. */
export function UrlIngest() {
  const [url, setUrl] = useState('');
  const { ingestUrl } = useDocumentMutations();
  return (
    <form
      className="card inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        ingestUrl.mutate(url.trim(), {
          onSuccess: () => {
            setUrl('');
          },
        });
      }}
    >
      <label htmlFor="ingest-url">Add a web page (URL)</label>
      <input
        id="ingest-url"
        type="url"
        required
        placeholder="https://example.org/page"
        value={url}
        onChange={(event) => {
          setUrl(event.target.value);
        }}
      />
      <button type="submit" disabled={ingestUrl.isPending}>
        {ingestUrl.isPending ? 'Ingesting…' : 'Ingest URL'}
      </button>
      {ingestUrl.isError && (
        <p className="error" role="alert">
          {describeError(ingestUrl.error)}
        </p>
      )}
      {ingestUrl.isSuccess && (
        <p role="status" className="muted">
          Started: {ingestUrl.data.run.sourceLabel}
        </p>
      )}
    </form>
  );
}
