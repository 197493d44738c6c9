import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type ChatSession = components['schemas']['ChatSession'];

export const sessionsKey = ['sessions'] as const;

/** The user's chat sessions, pinned first, optionally filtered by title. */
export function useSessions(search: string) {
  return useQuery({
    queryKey: [...sessionsKey, 'list', search],
    queryFn: async () => {
      const page = unwrap(
        await api.GET('/v1/sessions', { params: { query: { limit: 100, ...(search ? { search } : {}) } } }),
      );
      return [...page.items].sort((a, b) => Number(b.pinned) - Number(a.pinned));
    },
  });
}

/** One session with its messages. */
export function useSessionDetail(id: string | undefined) {
  return useQuery({
    queryKey: [...sessionsKey, 'detail', id],
    enabled: id !== undefined,
    queryFn: async () => unwrap(await api.GET('/v1/sessions/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** Rename, pin and delete. */
export function useSessionMutations() {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: [...sessionsKey, 'list'] });
  const update = useMutation({
    mutationFn: async (input: { id: string; title?: string; pinned?: boolean }) =>
      unwrap(
        await api.PATCH('/v1/sessions/{id}', {
          params: { path: { id: input.id } },
          body: { title: input.title, pinned: input.pinned },
        }),
      ),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      const result = await api.DELETE('/v1/sessions/{id}', { params: { path: { id } } });
      if (!result.response.ok) {
        unwrap(result);
      }
    },
    onSuccess: invalidate,
  });
  return { update, remove };
}
