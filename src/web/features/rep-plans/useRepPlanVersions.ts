import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RepPlanVersion, VersionComparison } from '../../../schemas/rep-plans';
import { api } from '../../api/client';

// The agreed versions of a rep plan, frozen with both signatures, and what changed between two.
// Keys sit under 'rep-plans', so every plan move (a check-in's revision too) refreshes them.

export type AgreedVersion = z.infer<typeof RepPlanVersion>;
export type Comparison = z.infer<typeof VersionComparison>;

export function useRepPlanVersions(planId: string) {
  return useQuery({
    queryKey: ['rep-plans', 'versions', planId],
    queryFn: () => api.get<AgreedVersion[]>(`/api/rep-plans/${planId}/versions`),
  });
}

export function useVersionComparison(planId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['rep-plans', 'versions', planId, 'compare', from, to],
    queryFn: () => api.get<Comparison>(`/api/rep-plans/${planId}/versions/compare`, { from, to }),
    enabled: from !== null && to !== null && from !== to,
  });
}
