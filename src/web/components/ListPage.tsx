import { type ReactNode, useId, useState } from 'react';
import { Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../api/client';
import { ListPagination } from './ListPagination';
import { ListResults } from './ListResults';
import { ChevronIcon } from './icons';
import { useIsPhone } from './useIsPhone';
import './list-page.css';

/** What a list page takes from useListParams. */
type ListParams = {
  page: number;
  setPage: (page: number) => void;
  hasFilters: boolean;
  /** How many filters differ from the list's defaults, on the folded filters' button. */
  activeFilterCount?: number;
  clearFilters: () => void;
};

/**
 * A list page: title and main action, then one card with the filter toolbar, the results in
 * their states (ListResults) and the pagination. The page gives its filters and its rows.
 */
export function ListPage<T>({
  title,
  description,
  action,
  filters,
  summary,
  query,
  params,
  pageSize,
  noun,
  columns,
  noMatch,
  empty,
  children,
}: {
  title: string;
  description: string;
  action: ReactNode;
  /** The toolbar's fields: search first, then the selects. */
  filters: ReactNode;
  /** A line under the filters about every row they keep (e.g. the deals' count and value). */
  summary?: ReactNode;
  query: UseQueryResult<Page<T>>;
  params: ListParams;
  pageSize: number;
  /** Plural, for "1–25 of 80 accounts". */
  noun: string;
  /** Columns of the loading skeleton. */
  columns: number;
  noMatch: { title: string; description: string };
  empty: { title: string; description: string; action: ReactNode };
  children: (page: Page<T>) => ReactNode;
}) {
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={1}>{title}</Title>
          <Text c="dimmed">{description}</Text>
        </div>
        {action}
      </Group>
      <Card withBorder radius="md" padding="md">
        <ListFilters activeCount={params.activeFilterCount ?? 0}>{filters}</ListFilters>
        {summary}
        <ListResults
          query={query}
          columns={columns}
          hasFilters={params.hasFilters}
          onClearFilters={params.clearFilters}
          noMatch={noMatch}
          empty={empty}
        >
          {(data) => (
            <>
              {children(data)}
              <ListPagination
                page={params.page}
                pageSize={pageSize}
                total={data.total}
                isEstimate={data.totalIsEstimate ?? false}
                onPageChange={params.setPage}
                noun={noun}
              />
            </>
          )}
        </ListResults>
      </Card>
    </Stack>
  );
}

/** The toolbar's fields in a row; on a phone folded behind a "Filters" button with the count. */
export function ListFilters({
  activeCount,
  children,
}: {
  activeCount: number;
  children: ReactNode;
}) {
  const isPhone = useIsPhone();
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  if (!isPhone) {
    return (
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        {children}
      </Group>
    );
  }
  return (
    <Stack gap="sm" mb="md">
      <Button
        variant="default"
        fullWidth
        justify="space-between"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setOpen(!isOpen)}
        rightSection={<ChevronIcon size={16} direction={isOpen ? 'up' : 'down'} />}
      >
        {activeCount > 0 ? `Filters (${activeCount} active)` : 'Filters'}
      </Button>
      <Collapse expanded={isOpen} keepMountedMode="display-none">
        <Stack id={id} gap="sm" className="list-page-phone-filters">
          {children}
        </Stack>
      </Collapse>
    </Stack>
  );
}
