import { Group, Pagination, Text } from '@mantine/core';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** How many matches, said as the server knows it: exactly, or "about 1.2M" for an estimate. */
export function describeTotal(total: number, isEstimate: boolean): string {
  return isEstimate ? `about ${compact.format(total)}` : String(total);
}

/** "26–50 of 120" and the page buttons, computed from the list's `total`. */
export function ListPagination({
  page,
  pageSize,
  total,
  isEstimate = false,
  onPageChange,
  noun = 'results',
}: {
  page: number;
  pageSize: number;
  total: number;
  /** The total is the server's estimate (a list past its exact count): said as "about". */
  isEstimate?: boolean;
  onPageChange: (page: number) => void;
  noun?: string;
}) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0
          ? `No ${noun}`
          : `${first}–${last} of ${describeTotal(total, isEstimate)} ${noun}`}
      </Text>
      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={Math.min(page, pageCount)}
          onChange={onPageChange}
          size="sm"
          aria-label="Pages"
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      )}
    </Group>
  );
}
