import { useQuery } from '@tanstack/react-query';
import type { Strategy } from '../../../schemas/strategies';
import { ApiError, api } from '../../api/client';

/** The organisation strategy for a year; `null` when none is set yet (404). */
export function useStrategy(year: number) {
  return useQuery({
    queryKey: ['strategies', year],
    queryFn: async (): Promise<Strategy | null> => {
      try {
        return await api.get<Strategy>(`/api/strategies/${year}`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
