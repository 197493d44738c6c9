import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentList } from './DocumentList';

const pdf = {
  id: '00000000-0000-4000-8000-0000000000d1',
  title: 'report.pdf',
  status: 'ready',
  sizeBytes: 2048,
  chunkCount: 3,
  tags: [],
  createdAt: '2026-11-26T08:00:00.000Z',
};

function renderList() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <DocumentList />
    </QueryClientProvider>,
  );
}

describe('documents list: filters and paging', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('should ask the API for the chosen format family and say when nothing matches', async () => {
    const seen: URL[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/v1/documents') {
        seen.push(url);
        const type = url.searchParams.get('type');
        return Response.json({ items: type === 'image' ? [] : [pdf], nextCursor: null });
      }
      return Response.json({ items: [], nextCursor: null });
    });
    renderList();
    expect(await screen.findByRole('link', { name: 'report.pdf' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'PDF');
    await screen.findByRole('link', { name: 'report.pdf' });
    expect(seen.at(-1)?.searchParams.get('type')).toBe('pdf');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'Image');
    expect(await screen.findByText('No documents match these filters.')).toBeTruthy();
    expect(seen.at(-1)?.searchParams.get('type')).toBe('image');
  });

  it('should load the next page with the cursor, keep the first one, then hide "Load more"', async () => {
    const second = { ...pdf, id: '00000000-0000-4000-8000-0000000000d2', title: 'older.pdf' };
    const seen: URL[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/v1/documents') {
        seen.push(url);
        return url.searchParams.get('cursor') === 'page-2'
          ? Response.json({ items: [second], nextCursor: null })
          : Response.json({ items: [pdf], nextCursor: 'page-2' });
      }
      return Response.json({ items: [], nextCursor: null });
    });
    renderList();
    expect(await screen.findByRole('link', { name: 'report.pdf' })).toBeTruthy();
    expect(seen[0]?.searchParams.get('limit')).toBe('100');
    await userEvent.click(screen.getByRole('button', { name: 'Load more documents' }));
    expect(await screen.findByRole('link', { name: 'older.pdf' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'report.pdf' })).toBeTruthy();
    expect(seen.at(-1)?.searchParams.get('cursor')).toBe('page-2');
    expect(screen.queryByRole('button', { name: 'Load more documents' })).toBeNull();
  });
});
