import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiKeys } from './ApiKeys';

const key = {
  id: '00000000-0000-4000-8000-0000000000aa',
  name: 'laptop',
  prefix: 'yw_abcd',
  createdAt: '2026-11-26T08:00:00.000Z',
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
};

describe('API keys form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('should create a key, show its secret once with the CSRF header sent, then list it', async () => {
    const keys: (typeof key)[] = [];
    const seen: Request[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      seen.push(request);
      const path = new URL(request.url).pathname;
      if (request.method === 'POST' && path === '/v1/account/api-keys') {
        keys.push(key);
        return Response.json({ apiKey: key, secret: 'yw_secret-shown-once' }, { status: 201 });
      }
      return Response.json({ items: keys });
    });
    document.cookie = 'yw_csrf=csrf-42';
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ApiKeys />
      </QueryClientProvider>,
    );
    const create = screen.getByRole('button', { name: 'Create key' });
    expect((create as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(screen.getByLabelText('Name of a new key'), 'laptop');
    await userEvent.click(create);

    expect(await screen.findByText('yw_secret-shown-once')).toBeTruthy();
    const post = seen.find((request) => request.method === 'POST');
    expect(post?.headers.get('x-csrf-token')).toBe('csrf-42');
    expect(await post?.json()).toEqual({ name: 'laptop' });
    expect(await screen.findByText('yw_abcd…')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('yw_secret-shown-once')).toBeNull();
    expect(screen.getByRole('button', { name: 'Revoke' })).toBeTruthy();
  });
});
