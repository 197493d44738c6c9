import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components, paths } from '../api/schema';

export type DocumentItem = components['schemas']['Document'];
export type DocumentFilters = NonNullable<paths['/v1/documents']['get']['parameters']['query']>;

/** Documents per page of the documents list. */
export const documentsPageSize = 100;

/** The user's documents matching the filters, newest first, one cursor page at a time ("Load more"). */
export function useDocuments(filters: Omit<DocumentFilters, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: ['documents', 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/v1/documents', {
          params: {
            query: { limit: documentsPageSize, ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

/** One document with its first chunks. */
export function useDocument(id: string) {
  return useQuery({
    queryKey: ['documents', 'detail', id],
    queryFn: async () => unwrap(await api.GET('/v1/documents/{id}', { params: { path: { id } } })),
  });
}

/** Edit, re-index and delete a document; URL ingest. */
export function useDocumentMutations() {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['documents'] });
  return {
    update: useMutation({
      mutationFn: async (input: {
        id: string;
        title?: string;
        tags?: string[];
        groupId?: string | null;
        isPrivate?: boolean;
      }) => {
        const { id, ...body } = input;
        return unwrap(await api.PATCH('/v1/documents/{id}', { params: { path: { id } }, body }));
      },
      onSuccess: invalidate,
    }),
    reindex: useMutation({
      mutationFn: async (id: string) =>
        unwrap(await api.POST('/v1/documents/{id}/reindex', { params: { path: { id } } })),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: async (id: string) => {
        const result = await api.DELETE('/v1/documents/{id}', { params: { path: { id } } });
        if (!result.response.ok) {
          unwrap(result);
        }
      },
      onSuccess: invalidate,
    }),
    ingestUrl: useMutation({
      mutationFn: async (url: string) => unwrap(await api.POST('/v1/documents/ingest', { body: { url } })),
      onSuccess: invalidate,
    }),
  };
}

/** "12.3 kB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) {
    return `${bytes} B`;
  }
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'GB'}`;
}
