import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The models a chat may use (the default first). */
export function useModels() {
  return useQuery({
    queryKey: ['models'],
    queryFn: async () => unwrap(await api.GET('/v1/models')).data.map((model) => model.id),
    staleTime: 5 * 60_000,
  });
}
