import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Strategy, StrategyInput } from '../../../schemas/strategies';
import { ApiError, api } from '../../api/client';

export const strategyKey = (year: number) => ['strategies', year] as const;

/** The organisation strategy for a year; `null` when none is set yet (404). */
export function useStrategy(year: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: strategyKey(year),
    queryFn: async (): Promise<Strategy | null> => {
      try {
        return await api.get<Strategy>(`/api/strategies/${year}`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

/** Creates or replaces the year's strategy; the answer (with its cascade) replaces the cached one. */
export function useSaveStrategy(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number | null; input: StrategyInput }) =>
      // The first strategy of a year has no version and sends none.
      api.put<Strategy>(`/api/strategies/${year}`, input, version),
    onSuccess: (strategy) => {
      queryClient.setQueryData(strategyKey(year), strategy);
      // Rep plans and team plans read their targets from the strategy.
      void queryClient.invalidateQueries({ queryKey: ['rep-plans'] });
      void queryClient.invalidateQueries({ queryKey: ['team-plans'] });
    },
  });
}

/** Reads the year's strategy again, after a save lost the race. */
export function useReloadStrategy(year: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: strategyKey(year) });
}
