import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../api/client';
import { EmptyList, ErrorAlert, TableSkeleton } from './PageStates';

/**
 * A list page's results in their four states: loading, failed (with a retry), empty (a first
 * step, or, when filters hide everything, a way to clear them) and the rows themselves. A list
 * without filters (a settings table) leaves the filter props out.
 */
export function ListResults<T>({
  query,
  columns,
  hasFilters = false,
  onClearFilters,
  noMatch,
  rows,
  empty,
  children,
}: {
  query: UseQueryResult<Page<T>>;
  columns: number;
  /** Skeleton rows while loading (the skeleton's default when left out). */
  rows?: number;
  hasFilters?: boolean;
  onClearFilters?: () => void;
  noMatch?: { title: string; description: string };
  empty: { title: string; description: string; action?: ReactNode };
  children: (page: Page<T>) => ReactNode;
}) {
  if (query.isPending) return <TableSkeleton columns={columns} rows={rows} />;
  if (query.isError) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data.items.length > 0) return children(query.data);
  return hasFilters && noMatch ? (
    <EmptyList
      title={noMatch.title}
      description={noMatch.description}
      action={
        <Button variant="default" onClick={onClearFilters}>
          Clear filters
        </Button>
      }
    />
  ) : (
    <EmptyList title={empty.title} description={empty.description} action={empty.action} />
  );
}
