import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

const ORDERING_KEYS = new Set(['sort', 'order']);

/**
 * A list page's filters, sort and page kept in the URL, so a filtered list can be bookmarked,
 * shared, and comes back on Back. Changing a filter returns to page 1. Every key but `sort` and
 * `order` is a filter.
 */
export function useListParams<Key extends string>(defaults: Record<Key, string>) {
  const [searchParams, setSearchParams] = useSearchParams();

  const values = useMemo(() => {
    const result = { ...defaults };
    for (const key of Object.keys(defaults) as Key[]) {
      const value = searchParams.get(key);
      if (value !== null) result[key] = value;
    }
    return result;
    // `defaults` is a literal at each call site; only the URL changes what we read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchParams]);

  const page = Math.max(1, Number(searchParams.get('page')) || 1);

  const update = useCallback(
    (changes: Partial<Record<Key | 'page', string | null>>) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes) as [string, string | null][]) {
            const fallback = (defaults as Record<string, string | undefined>)[key];
            if (value === null || value === '' || value === fallback) next.delete(key);
            else next.set(key, value);
          }
          if (!('page' in changes)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setSearchParams],
  );

  const setPage = useCallback(
    (value: number) => update({ page: String(value) } as Partial<Record<Key | 'page', string>>),
    [update],
  );

  const filterKeys = (Object.keys(defaults) as Key[]).filter((key) => !ORDERING_KEYS.has(key));
  const activeFilterCount = filterKeys.filter((key) => values[key] !== defaults[key]).length;
  const hasFilters = activeFilterCount > 0;
  const clearFilters = () =>
    update(
      Object.fromEntries(filterKeys.map((key) => [key, null])) as Partial<
        Record<Key | 'page', string | null>
      >,
    );

  return { values, page, setFilters: update, setPage, hasFilters, activeFilterCount, clearFilters };
}
