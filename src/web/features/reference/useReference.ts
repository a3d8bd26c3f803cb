import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { ReferenceData } from '../../../schemas/reference';
import type { User } from '../../../schemas/users';

// The organisation's stages, segments, activity types and territories change rarely.
export function useReference() {
  return useQuery({
    queryKey: ['reference'],
    queryFn: () => api.get<ReferenceData>('/api/reference'),
    staleTime: 5 * 60_000,
  });
}

/** The users the caller may see, for owner pickers and filters. */
export function useUsers() {
  return useQuery({
    queryKey: ['users', 'picker'],
    queryFn: () => api.get<Page<User>>('/api/users', { pageSize: 500, sort: 'name', order: 'asc' }),
    staleTime: 5 * 60_000,
  });
}
