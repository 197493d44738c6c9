import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/errors';
import type { components } from '../api/schema';

/** The signed-in user. */
export type Me = components['schemas']['Me'];

export const meQueryKey = ['auth', 'me'] as const;

/** Drops every cached answer except who is signed in (whose observers must keep their query). */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

/**
 * Who is signed in: `null` when nobody (401). Behind an SSO forward-auth proxy the first call already
 * succeeds, so the user is signed in automatically.
 */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return unwrap(await api.GET('/v1/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** API key → session cookie. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (apiKey: string) => unwrap(await api.POST('/v1/auth/login', { body: { apiKey } })),
    onSuccess: (result) => {
      forgetUserData(queryClient);
      queryClient.setQueryData(meQueryKey, result.user);
    },
  });
}

/** Ends the session server-side and forgets every cached answer. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await api.POST('/v1/auth/logout');
      if (!result.response.ok && result.response.status !== 401) {
        unwrap(result);
      }
    },
    onSettled: () => {
      forgetUserData(queryClient);
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

/** Ends every browser session of the user (all devices, this one too); API keys stay valid. */
export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.POST('/v1/auth/logout-all'));
    },
    onSuccess: () => {
      forgetUserData(queryClient);
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
