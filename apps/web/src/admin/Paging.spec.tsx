import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from './AuditLog';
import { Users } from './Users';

function renderWithQueries(node: ReactNode) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      {node}
    </QueryClientProvider>,
  );
}

function user(index: number) {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    username: `user${index}`,
    displayName: `User ${index}`,
    email: null,
    role: 'user',
    status: 'active',
    authSource: 'local',
    createdAt: '2026-11-26T08:00:00.000Z',
    lastLoginAt: null,
  };
}

function event(id: number) {
  return {
    id: String(id),
    occurredAt: '2026-11-26T08:00:00.000Z',
    actorUserId: null,
    actorLabel: `actor${id}`,
    action: 'auth.login',
    targetType: null,
    targetId: null,
    outcome: 'success',
    ip: null,
    userAgent: null,
    requestId: null,
    details: {},
  };
}

/** Serves two pages: the first with `nextCursor`, the second (asked with it) the last. */
function stubTwoPages(path: string, first: unknown[], second: unknown[], cursor: string): URL[] {
  const seen: URL[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname !== path) {
      return Response.json({ error: { code: 'NOT_FOUND', message: 'no' } }, { status: 404 });
    }
    seen.push(url);
    return url.searchParams.get('cursor') === cursor
      ? Response.json({ items: second, nextCursor: null })
      : Response.json({ items: first, nextCursor: cursor });
  });
  return seen;
}

describe('admin lists: paging', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('should load the next page of users with the cursor, then hide "Load more"', async () => {
    const seen = stubTwoPages('/v1/admin/users', [user(1), user(2)], [user(3)], 'cursor-users-2');
    renderWithQueries(<Users />);
    expect(await screen.findByText('user2')).toBeTruthy();
    expect(seen[0]?.searchParams.get('limit')).toBe('50');
    await userEvent.click(screen.getByRole('button', { name: 'Load more users' }));
    expect(await screen.findByText('user3')).toBeTruthy();
    expect(seen.at(-1)?.searchParams.get('cursor')).toBe('cursor-users-2');
    expect(screen.getByText('user1')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more users' })).toBeNull();
  });

  it('should load older audit events with the cursor, keeping the filters', async () => {
    const seen = stubTwoPages('/v1/admin/audit', [event(9), event(8)], [event(7)], '8');
    renderWithQueries(<AuditLog />);
    expect(await screen.findByText('actor8')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Action'), 'auth.login');
    await userEvent.click(await screen.findByRole('button', { name: 'Load more audit events' }));
    expect(await screen.findByText('actor7')).toBeTruthy();
    const last = seen.at(-1);
    expect(last?.searchParams.get('cursor')).toBe('8');
    expect(last?.searchParams.get('action')).toBe('auth.login');
    expect(last?.searchParams.get('limit')).toBe('200');
    expect(screen.queryByRole('button', { name: 'Load more audit events' })).toBeNull();
  });
});
