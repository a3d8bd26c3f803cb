import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DashboardFilters } from '../../../schemas/dashboards';

export const DASHBOARD_FILTER_KEYS = [
  'from',
  'to',
  'managerId',
  'repId',
  'segmentId',
  'productId',
  'territoryId',
] as const satisfies readonly (keyof DashboardFilters)[];
type FilterKey = (typeof DASHBOARD_FILTER_KEYS)[number];

/**
 * The organisation dashboard's filters, kept in the URL query string: a filtered dashboard is a
 * link to share, and each change is a history entry, so Back returns to the previous filters.
 */
export function useDashboardFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => {
    const result: DashboardFilters = {};
    for (const key of DASHBOARD_FILTER_KEYS) {
      const value = searchParams.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [searchParams]);

  const setFilters = useCallback(
    (changes: Partial<Record<FilterKey, string | null>>) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      });
    },
    [setSearchParams],
  );

  const clearFilters = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);
  const hasFilters = Object.keys(filters).length > 0;
  return { filters, setFilters, clearFilters, hasFilters };
}
