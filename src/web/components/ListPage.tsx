import type { ReactNode } from 'react';
import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../api/client';
import { ListPagination } from './ListPagination';
import { ListResults } from './ListResults';

/** What a list page takes from useListParams. */
type ListParams = {
  page: number;
  setPage: (page: number) => void;
  hasFilters: boolean;
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
        <Group align="flex-end" gap="md" mb="md" wrap="wrap">
          {filters}
        </Group>
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

/** A list page's table: scrolls sideways below `minWidth`, dims while the next page loads. */
export function ListTable({
  label,
  minWidth,
  head,
  isDimmed,
  children,
}: {
  label: string;
  minWidth: number;
  head: ReactNode;
  isDimmed: boolean;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={label} tabularNums>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: isDimmed ? 0.6 : 1 }}>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
