import { useState } from 'react';
import { describeError } from '../api/errors';
import { useMyGroups } from '../groups/queries';
import { followLink } from '../shell/Nav';
import { LoadMore } from '../ui/LoadMore';
import { formatBytes, useDocuments, type DocumentFilters } from './queries';

const statuses = ['queued', 'processing', 'ready', 'failed', 'unsupported_until_stt'] as const;
const types = [
  ['pdf', 'PDF'],
  ['office', 'Office'],
  ['text', 'Text'],
  ['web', 'Web page'],
  ['image', 'Image'],
] as const;

/** The documents table with search, status, type, group and tag filters. */
export function DocumentList() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<DocumentFilters['status']>(undefined);
  const [type, setType] = useState<DocumentFilters['type']>(undefined);
  const [tags, setTags] = useState('');
  const [groupId, setGroupId] = useState('');
  const groups = useMyGroups();
  const filtered = Boolean(search.trim() || status || type || tags.trim() || groupId);
  const documents = useDocuments({
    ...(groupId ? { groupId } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(status ? { status } : {}),
    ...(type ? { type } : {}),
    ...(tags.trim() ? { tags: tags.trim() } : {}),
  });
  return (
    <section aria-labelledby="documents-title" className="card">
      <h2 id="documents-title">Your documents</h2>
      <div className="filters" role="search">
        <label>
          Search{' '}
          <input
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
        </label>
        <label>
          Status{' '}
          <select
            value={status ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              setStatus(statuses.find((candidate) => candidate === value));
            }}
          >
            <option value="">Any</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {value.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type{' '}
          <select
            value={type ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              setType(types.find(([candidate]) => candidate === value)?.[0]);
            }}
          >
            <option value="">Any</option>
            {types.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Group{' '}
          <select
            value={groupId}
            onChange={(event) => {
              setGroupId(event.target.value);
            }}
          >
            <option value="">Any</option>
            {groups.data?.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tags{' '}
          <input
            value={tags}
            placeholder="a,b"
            onChange={(event) => {
              setTags(event.target.value);
            }}
          />
        </label>
      </div>
      {documents.isPending && (
        <p className="muted" role="status">
          Loading documents…
        </p>
      )}
      {documents.isError && (
        <p className="error" role="alert">
          {describeError(documents.error)}
        </p>
      )}
      {documents.data?.length === 0 && (
        <p className="muted">
          {filtered
            ? 'No documents match these filters.'
            : 'No documents yet. Upload files or ingest a URL above; answers will cite them.'}
        </p>
      )}
      {documents.data && documents.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Size</th>
                <th scope="col">Chunks</th>
                <th scope="col">Tags</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {documents.data.map((document) => {
                const href = `/documents/${document.id}`;
                return (
                  <tr key={document.id}>
                    <td>
                      <a
                        href={href}
                        onClick={(event) => {
                          followLink(event, href);
                        }}
                      >
                        {document.title}
                      </a>
                    </td>
                    <td>
                      <span className={`badge badge-${document.status}`}>
                        {document.status.replace(/_/g, ' ')}
                      </span>
                    </td>
                    <td>{formatBytes(document.sizeBytes)}</td>
                    <td>{document.chunkCount}</td>
                    <td>{document.tags.join(', ')}</td>
                    <td>{new Date(document.createdAt).toLocaleDateString()}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <LoadMore query={documents} what="documents" />
        </div>
      )}
    </section>
  );
}
