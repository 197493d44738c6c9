import { csrfHeaders } from '../api/csrf';
import { toApiError } from '../api/errors';
import type { components } from '../api/schema';

export type IngestionStarted = components['schemas']['IngestionStarted'];
export type IngestionRun = components['schemas']['IngestionRun'];

/** The part of XMLHttpRequest an upload uses (a test double replaces it). */
export type XhrFactory = () => XMLHttpRequest;

/**
 * Uploads one file to `POST /v1/documents/upload` (multipart, field `file`) and reports upload
 * progress as a fraction 0..1 (XMLHttpRequest: fetch cannot report upload progress).
 */
export function uploadFile(
  file: File,
  options: {
    tags?: string[];
    groupId?: string;
    isPrivate?: boolean;
    onProgress: (fraction: number) => void;
    signal?: AbortSignal;
  },
  createXhr: XhrFactory = () => new XMLHttpRequest(),
): Promise<IngestionStarted> {
  return new Promise((resolve, reject) => {
    const xhr = createXhr();
    xhr.open('POST', '/v1/documents/upload');
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    for (const [name, value] of Object.entries(csrfHeaders('POST'))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress(event.loaded / event.total);
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress(1);
        resolve(xhr.response as IngestionStarted);
      } else {
        reject(toApiError(xhr.status, xhr.response));
      }
    };
    xhr.onerror = () => {
      reject(new TypeError('network error'));
    };
    xhr.onabort = () => {
      reject(new DOMException('Upload cancelled', 'AbortError'));
    };
    options.signal?.addEventListener('abort', () => {
      xhr.abort();
    });
    // Fields first: the server reads them before the files that follow.
    const form = new FormData();
    if (options.groupId) {
      form.append('groupId', options.groupId);
      form.append('isPrivate', String(options.isPrivate ?? false));
    }
    if (options.tags && options.tags.length > 0) {
      form.append('tags', options.tags.join(','));
    }
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Whether an ingestion run has finished. */
export function runFinished(run: IngestionRun): boolean {
  return run.status === 'succeeded' || run.status === 'partial' || run.status === 'failed';
}

/**
 * Follows `GET /v1/ingestion-runs/:id/events` (SSE, one IngestionRun per frame) until the run ends.
 * Returns a function that stops following.
 */
export function watchIngestionRun(
  runId: string,
  onRun: (run: IngestionRun) => void,
  onError: (message: string) => void,
): () => void {
  const source = new EventSource(`/v1/ingestion-runs/${encodeURIComponent(runId)}/events`, {
    withCredentials: true,
  });
  source.onmessage = (message: MessageEvent<string>) => {
    const run = JSON.parse(message.data) as IngestionRun;
    onRun(run);
    if (runFinished(run)) {
      source.close();
    }
  };
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      onError('Lost the progress stream; the list below still shows the final status.');
    }
  };
  return () => {
    source.close();
  };
}
