import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

export type AuditFilters = Omit<
  NonNullable<paths['/v1/admin/audit']['get']['parameters']['query']>,
  'cursor' | 'limit'
>;

/** Rows per page of the admin lists. */
export const usersPageSize = 50;
export const auditPageSize = 200;

/** Users matching `search`, one cursor page at a time ("Load more"). */
export function useAdminUsers(search: string) {
  return useInfiniteQuery({
    queryKey: ['admin', 'users', search],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/v1/admin/users', {
          params: {
            query: {
              limit: usersPageSize,
              ...(search ? { search } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

/** Audit events matching the filters, newest first, one cursor page at a time. */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/v1/admin/audit', {
          params: {
            query: { ...filters, limit: auditPageSize, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}
