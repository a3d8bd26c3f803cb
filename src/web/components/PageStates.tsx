import { Alert, Button, EmptyState, Group, Skeleton, Stack, Table } from '@mantine/core';
import { errorMessage } from '../api/client';
import { AlertIcon } from './icons';

/** Grey rows while a table loads, shaped like the table that will appear. */
export function TableSkeleton({ columns, rows = 6 }: { columns: number; rows?: number }) {
  return (
    <Table aria-busy="true" aria-label="Loading">
      <Table.Tbody>
        {Array.from({ length: rows }, (_, row) => (
          <Table.Tr key={row}>
            {Array.from({ length: columns }, (_, column) => (
              <Table.Td key={column}>
                <Skeleton height={14} radius="sm" width={column === 0 ? '80%' : '60%'} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Skeleton for a detail page's header and fields. */
export function DetailSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading">
      <Skeleton height={32} width="40%" />
      <Skeleton height={16} width="25%" />
      <Skeleton height={160} />
      <Skeleton height={120} />
    </Stack>
  );
}

/** A failed load, with the server's message and a retry. */
export function ErrorAlert({
  error,
  title = 'Could not load this',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <Alert color="red" variant="light" title={title} icon={<AlertIcon />} role="alert">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <span>{errorMessage(error)}</span>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Retry
          </Button>
        )}
      </Group>
    </Alert>
  );
}

/** What a list shows when nothing matches: say why, and what to do next. */
export function EmptyList({
  title,
  description,
  action,
}: {
  title: string;
  description?: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <EmptyState py="xl" title={title} description={description}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
