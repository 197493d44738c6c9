import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { describeError } from '../api/errors';
import { useMyGroups } from '../groups/queries';
import { runFinished, uploadFile, watchIngestionRun, type IngestionRun, type XhrFactory } from './upload';

/** One file's journey: upload, then ingestion stages, then ready or failed. */
interface FileProgress {
  key: string;
  name: string;
  uploaded: number;
  run?: IngestionRun;
  error?: string;
}

const stageLabels: Record<string, string> = {
  fetch: 'Fetching',
  parse: 'Parsing',
  embed: 'Embedding',
  index: 'Indexing',
  done: 'Done',
};

function statusText(item: FileProgress): string {
  if (item.error) {
    return item.error;
  }
  if (!item.run) {
    return item.uploaded < 1 ? `Uploading ${Math.round(item.uploaded * 100)} %` : 'Uploaded, queued…';
  }
  if (item.run.status === 'failed') {
    return `Failed: ${item.run.errors[0]?.message ?? 'see the document for details'}`;
  }
  if (runFinished(item.run)) {
    return item.run.status === 'partial' ? 'Partly ingested' : 'Ready';
  }
  return `${stageLabels[item.run.stage ?? ''] ?? 'Queued'}… (${item.run.chunksEmbedded} chunks)`;
}

function ingestionFraction(run: IngestionRun | undefined): number {
  if (!run) {
    return 0;
  }
  if (runFinished(run)) {
    return 1;
  }
  const order = ['fetch', 'parse', 'embed', 'index', 'done'];
  return Math.max(0.05, order.indexOf(run.stage ?? 'fetch') / order.length);
}

/** Drag-and-drop (or chosen) files, uploaded one request each with per-file progress bars. */
export function UploadZone({ createXhr }: { createXhr?: XhrFactory }) {
  const [items, setItems] = useState<FileProgress[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const groups = useMyGroups();
  const [groupId, setGroupId] = useState('');
  const [isPrivate, setIsPrivate] = useState(false);

  const patch = (key: string, change: Partial<FileProgress>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  };

  function start(files: readonly File[]) {
    const added = files.map((file, index) => ({
      key: `${Date.now()}-${index}-${file.name}`,
      name: file.name,
      uploaded: 0,
    }));
    setItems((current) => [...added, ...current]);
    files.forEach((file, index) => {
      const key = added[index]?.key ?? '';
      const target = groupId === '' ? {} : { groupId, isPrivate };
      uploadFile(
        file,
        {
          ...target,
          onProgress: (fraction) => {
            patch(key, { uploaded: fraction });
          },
        },
        createXhr,
      )
        .then((started) => {
          patch(key, { run: started.run });
          void queryClient.invalidateQueries({ queryKey: ['documents'] });
          if (!runFinished(started.run)) {
            watchIngestionRun(
              started.run.id,
              (run) => {
                patch(key, { run });
                if (runFinished(run)) {
                  void queryClient.invalidateQueries({ queryKey: ['documents'] });
                }
              },
              (message) => {
                patch(key, { error: message });
              },
            );
          }
        })
        .catch((error: unknown) => {
          patch(key, { error: describeError(error) });
        });
    });
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    start([...event.dataTransfer.files]);
  }

  return (
    <section aria-labelledby="upload-title" className="card">
      <h2 id="upload-title">Add documents</h2>
      <div className="filters">
        <label>
          Share with{' '}
          <select
            value={groupId}
            onChange={(event) => {
              setGroupId(event.target.value);
            }}
          >
            <option value="">Nobody (only me)</option>
            {groups.data?.map((group) => (
              <option key={group.id} value={group.id}>
                Group: {group.name}
              </option>
            ))}
          </select>
        </label>
        {groupId !== '' && (
          <label className="toggle">
            <input
              type="checkbox"
              checked={isPrivate}
              onChange={(event) => {
                setIsPrivate(event.target.checked);
              }}
            />{' '}
            Private inside the group (only me)
          </label>
        )}
      </div>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={onDrop}
      >
        <p>Drop files here (PDF, Office, text, HTML, images…) or</p>
        <label className="button" htmlFor="upload-input">
          Choose files
        </label>
        <input
          ref={input}
          id="upload-input"
          className="visually-hidden"
          type="file"
          multiple
          onChange={(event) => {
            start([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </div>
      {items.length > 0 && (
        <ul className="uploads" aria-label="Uploads">
          {items.map((item) => (
            <li key={item.key}>
              <span className="upload-name">{item.name}</span>
              <progress aria-label={`Upload of ${item.name}`} max={1} value={item.uploaded} />
              <progress
                aria-label={`Ingestion of ${item.name}`}
                max={1}
                value={item.error ? 0 : ingestionFraction(item.run)}
              />
              <span role="status" className={item.error || item.run?.status === 'failed' ? 'error' : 'muted'}>
                {statusText(item)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
