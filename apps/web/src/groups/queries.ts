import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type Group = components['schemas']['Group'];
export type GroupRole = components['schemas']['GroupMember']['role'];

/** The groups I am in, with my role. */
export function useMyGroups() {
  return useQuery({
    queryKey: ['groups', 'mine'],
    queryFn: async () => unwrap(await api.GET('/v1/groups/me')).items,
  });
}

/** One group, its members and its documents. */
export function useGroup(id: string) {
  const group = useQuery({
    queryKey: ['groups', id],
    queryFn: async () => unwrap(await api.GET('/v1/groups/{id}', { params: { path: { id } } })),
  });
  const members = useQuery({
    queryKey: ['groups', id, 'members'],
    queryFn: async () => unwrap(await api.GET('/v1/groups/{id}/members', { params: { path: { id } } })).items,
  });
  const documents = useQuery({
    queryKey: ['groups', id, 'documents'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/groups/{id}/documents', { params: { path: { id } } })).items,
  });
  return { group, members, documents };
}

async function ok(result: { response: Response; error?: unknown; data?: unknown }): Promise<void> {
  if (!result.response.ok) {
    unwrap(result);
  }
}

/** Create and delete groups; add (by username or email), re-role and remove members; leave. */
export function useGroupMutations() {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ['groups'] });
  return {
    create: useMutation({
      mutationFn: async (input: { name: string; description?: string }) =>
        unwrap(await api.POST('/v1/groups', { body: input })),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: async (id: string) => ok(await api.DELETE('/v1/groups/{id}', { params: { path: { id } } })),
      onSuccess: invalidate,
    }),
    addMember: useMutation({
      mutationFn: async (input: { groupId: string; who: string; role: GroupRole }) => {
        const user = unwrap(await api.GET('/v1/users/lookup', { params: { query: { q: input.who } } }));
        return unwrap(
          await api.POST('/v1/groups/{id}/members', {
            params: { path: { id: input.groupId } },
            body: { userId: user.id, role: input.role },
          }),
        );
      },
      onSuccess: invalidate,
    }),
    setRole: useMutation({
      mutationFn: async (input: { groupId: string; userId: string; role: GroupRole }) =>
        unwrap(
          await api.PUT('/v1/groups/{id}/members/{userId}', {
            params: { path: { id: input.groupId, userId: input.userId } },
            body: { role: input.role },
          }),
        ),
      onSuccess: invalidate,
    }),
    removeMember: useMutation({
      mutationFn: async (input: { groupId: string; userId: string }) =>
        ok(
          await api.DELETE('/v1/groups/{id}/members/{userId}', {
            params: { path: { id: input.groupId, userId: input.userId } },
          }),
        ),
      onSuccess: invalidate,
    }),
  };
}
