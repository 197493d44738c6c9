import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UploadZone } from './UploadZone';

/** A controllable stand-in for XMLHttpRequest: the test drives upload progress and the answer. */
class FakeXhr {
  static instances: FakeXhr[] = [];
  upload: {
    onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  response: unknown = null;
  withCredentials = false;
  responseType = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;

  constructor() {
    FakeXhr.instances.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  answer(status: number, response: unknown) {
    this.status = status;
    this.response = response;
    this.onload?.();
  }
}

const finishedRun = {
  id: '00000000-0000-4000-8000-000000000001',
  status: 'succeeded',
  sourceType: 'upload',
  sourceLabel: 'a.txt',
  stage: 'done',
  filesTotal: 1,
  filesDone: 1,
  filesFailed: 0,
  chunksEmbedded: 3,
  errors: [],
  createdAt: '2026-11-26T08:00:00.000Z',
  updatedAt: '2026-11-26T08:00:01.000Z',
  finishedAt: '2026-11-26T08:00:01.000Z',
};

/** A query client that already knows the user's groups, so the test makes no request. */
function quietClient(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(['groups', 'mine'], []);
  return client;
}

describe('UploadZone', () => {
  it('should upload each chosen file in its own request and show its progress, then the outcome', async () => {
    FakeXhr.instances = [];
    document.cookie = 'yw_csrf=token-1';
    render(
      <QueryClientProvider client={quietClient()}>
        <UploadZone createXhr={() => new FakeXhr() as unknown as XMLHttpRequest} />
      </QueryClientProvider>,
    );
    const files = [new File(['alpha'], 'a.txt', { type: 'text/plain' }), new File(['beta'], 'b.md')];
    await userEvent.upload(screen.getByLabelText('Choose files'), files);

    expect(FakeXhr.instances).toHaveLength(2);
    const [first, second] = FakeXhr.instances;
    expect(first?.method).toBe('POST');
    expect(first?.url).toBe('/v1/documents/upload');
    expect(first?.headers['x-csrf-token']).toBe('token-1');
    expect((first?.body?.get('file') as File).name).toBe('a.txt');

    act(() => {
      first?.progress(50, 200);
      second?.progress(100, 100);
    });
    const bar = screen.getByLabelText<HTMLProgressElement>('Upload of a.txt');
    expect(bar.value).toBeCloseTo(0.25);
    expect(screen.getByText('Uploading 25 %')).toBeTruthy();
    expect(screen.getByLabelText<HTMLProgressElement>('Upload of b.md').value).toBe(1);

    await act(async () => {
      first?.answer(202, { run: finishedRun, documents: [] });
      second?.answer(413, {
        error: { code: 'FILE_TOO_LARGE', message: 'b.md is larger than 1 MB' },
        requestId: 'r',
      });
      await Promise.resolve();
    });
    expect(screen.getByText('Ready')).toBeTruthy();
    expect(screen.getByLabelText<HTMLProgressElement>('Ingestion of a.txt').value).toBe(1);
    expect(screen.getByText('b.md is larger than 1 MB (request r)')).toBeTruthy();
  });
});
