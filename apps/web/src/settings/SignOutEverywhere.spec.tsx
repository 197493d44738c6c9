import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meQueryKey } from '../auth/session';
import { SignOutEverywhere } from './SignOutEverywhere';

describe('sign out everywhere', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('should POST /v1/auth/logout-all with the CSRF header and forget who was signed in', async () => {
    const seen: Request[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      seen.push(request);
      return new Response(null, { status: 204 });
    });
    document.cookie = 'yw_csrf=csrf-7';
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(meQueryKey, { id: 'x', username: 'alice' });
    render(
      <QueryClientProvider client={client}>
        <SignOutEverywhere />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => {
      expect(client.getQueryData(meQueryKey)).toBeNull();
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(new URL(seen[0]?.url ?? '').pathname).toBe('/v1/auth/logout-all');
    expect(seen[0]?.headers.get('x-csrf-token')).toBe('csrf-7');
  });

  it('should name the failure and keep the user signed in when the server refuses', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json(
        { error: { code: 'CSRF_TOKEN_INVALID', message: 'Missing or wrong CSRF token' }, requestId: 'r' },
        { status: 403 },
      ),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(meQueryKey, { id: 'x', username: 'alice' });
    render(
      <QueryClientProvider client={client}>
        <SignOutEverywhere />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(client.getQueryData(meQueryKey)).toEqual({ id: 'x', username: 'alice' });
  });
});
