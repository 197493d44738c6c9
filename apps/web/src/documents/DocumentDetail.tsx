import { useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import { useMyGroups } from '../groups/queries';
import { followLink } from '../shell/Nav';
import { navigate } from '../shell/router';
import { ConfirmDelete } from '../ui/ConfirmDelete';
import { formatBytes, useDocument, useDocumentMutations } from './queries';

/** One document: metadata, status or error, chunk preview (the cited chunk highlighted), tags, actions. */
export function DocumentDetail({
  id,
  chunkId,
  page,
}: {
  id: string;
  chunkId: string | null;
  page: string | null;
}) {
  const detail = useDocument(id);
  const { update, reindex, remove } = useDocumentMutations();
  const groups = useMyGroups();
  const [tags, setTags] = useState<string | null>(null);

  useEffect(() => {
    if (chunkId && detail.data) {
      document.getElementById(`chunk-${chunkId}`)?.scrollIntoView({ block: 'center' });
    }
  }, [chunkId, detail.data]);

  if (detail.isPending) {
    return (
      <p className="muted" role="status">
        Loading document…
      </p>
    );
  }
  if (detail.isError) {
    return (
      <p className="error" role="alert">
        {describeError(detail.error)}
      </p>
    );
  }
  const { document: doc, chunks } = detail.data;
  const tagText = tags ?? doc.tags.join(', ');
  return (
    <article className="card document-detail" aria-labelledby="document-title">
      <p>
        <a
          href="/documents"
          onClick={(event) => {
            followLink(event, '/documents');
          }}
        >
          ← All documents
        </a>
      </p>
      <h2 id="document-title">{doc.title}</h2>
      <dl className="meta">
        <dt>Status</dt>
        <dd>
          <span className={`badge badge-${doc.status}`}>{doc.status.replace(/_/g, ' ')}</span>
        </dd>
        <dt>Type</dt>
        <dd>{doc.mimeType ?? 'unknown'}</dd>
        <dt>Size</dt>
        <dd>
          {formatBytes(doc.sizeBytes)}
          {doc.pageCount !== null ? `, ${doc.pageCount} pages` : ''}
        </dd>
        <dt>Source</dt>
        <dd>{doc.sourceUri ?? doc.sourceType}</dd>
        <dt>Visibility</dt>
        <dd>
          {doc.groupId === null
            ? 'Only you'
            : doc.isPrivate
              ? 'Only you (in a group)'
              : 'Shared with its group'}
        </dd>
      </dl>
      {doc.error && <p className="error">{doc.error}</p>}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const list = tagText
            .split(',')
            .map((tag) => tag.trim())
            .filter((tag) => tag !== '');
          update.mutate(
            { id, tags: list },
            {
              onSuccess: () => {
                setTags(null);
              },
            },
          );
        }}
      >
        <label htmlFor="document-tags">Tags (comma-separated)</label>
        <input
          id="document-tags"
          value={tagText}
          onChange={(event) => {
            setTags(event.target.value);
          }}
        />
        <button type="submit" disabled={update.isPending}>
          Save tags
        </button>
      </form>
      <div className="inline-form">
        <label htmlFor="document-group">Group</label>
        <select
          id="document-group"
          value={doc.groupId ?? ''}
          onChange={(event) => {
            update.mutate({ id, groupId: event.target.value === '' ? null : event.target.value });
          }}
        >
          <option value="">None (only me)</option>
          {groups.data?.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
        {doc.groupId !== null && (
          <label className="toggle">
            <input
              type="checkbox"
              checked={doc.isPrivate}
              onChange={(event) => {
                update.mutate({ id, isPrivate: event.target.checked });
              }}
            />{' '}
            Private inside the group
          </label>
        )}
      </div>
      {update.isError && (
        <p className="error" role="alert">
          {describeError(update.error)}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            reindex.mutate(id);
          }}
          disabled={reindex.isPending}
        >
          {reindex.isPending ? 'Re-indexing…' : 'Re-index'}
        </button>
        <ConfirmDelete
          label="Delete…"
          question={`Delete “${doc.title}” and its chunks?`}
          confirmLabel="Delete permanently"
          groupLabel="Confirm deletion"
          onConfirm={() => {
            remove.mutate(id, {
              onSuccess: () => {
                navigate('/documents');
              },
            });
          }}
        />
      </div>
      {reindex.isSuccess && (
        <p role="status" className="muted">
          Re-indexing started.
        </p>
      )}
      {(reindex.isError || remove.isError) && (
        <p className="error" role="alert">
          {describeError(reindex.error ?? remove.error)}
        </p>
      )}
      <h3>Chunks{page ? ` (cited page ${page})` : ''}</h3>
      {chunks.length === 0 && <p className="muted">No chunks yet.</p>}
      <ol className="chunks">
        {chunks.map((chunk) => (
          <li key={chunk.id} id={`chunk-${chunk.id}`} className={chunk.id === chunkId ? 'cited' : undefined}>
            <p className="muted">
              #{chunk.ordinal + 1}
              {chunk.page !== null ? ` · page ${chunk.page}` : ''}
              {chunk.headingPath.length > 0 ? ` · ${chunk.headingPath.join(' › ')}` : ''}
            </p>
            <p className="chunk-text">{chunk.text}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
