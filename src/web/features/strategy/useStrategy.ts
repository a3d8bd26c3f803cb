import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ErrorResponse } from '../../../schemas/common';
import type { Strategy, StrategyInput } from '../../../schemas/strategies';
import { ApiError, api } from '../../api/client';

const strategyKey = (year: number) => ['strategies', year] as const;

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

// The shared client sends no If-Match. A replace must say which version it read, so a stale
// save gets 409; the first strategy of a year has no version and sends none.
async function putStrategy(year: number, version: number | null, input: StrategyInput) {
  let response: Response;
  try {
    response = await fetch(`/api/strategies/${year}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        ...(version === null ? {} : { 'If-Match': `"${version}"` }),
      },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and retry.');
  }
  const body = (await response.json().catch(() => null)) as
    (Strategy & Partial<ErrorResponse>) | null;
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? `The server answered ${response.status}`,
      (error?.issues ?? []).map((i) => ({ ...i, field: i.field.replace(/^body\./, '') })),
    );
  }
  return body as Strategy;
}

/** Creates or replaces the year's strategy; the answer (with its cascade) replaces the cached one. */
export function useSaveStrategy(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number | null; input: StrategyInput }) =>
      putStrategy(year, version, input),
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
