import { useState } from 'react';
import { Card, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../../schemas/audit-log';
import { DateField } from '../../components/DateField';
import { ListPagination } from '../../components/ListPagination';
import { ListResults } from '../../components/ListResults';
import { useSession } from '../session/useSession';
import { useUsers } from '../reference/useReference';
import { useAuditEntityTypes, useAuditLog } from './useAdmin';

const PAGE_SIZE = 25;

/** The fields an update changed, with their values before and after. */
function changedFields(entry: AuditEntry): { field: string; before: unknown; after: unknown }[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .filter((field) => !['version', 'updatedAt'].includes(field))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

// A long value (a plan's objectives) is cut: the log keeps it whole.
function shown(value: unknown): string {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function ChangeSummary({ entry }: { entry: AuditEntry }) {
  if (entry.action !== 'update') {
    const record = (entry.action === 'delete' ? entry.before : entry.after) as Record<
      string,
      unknown
    > | null;
    const name = record?.name ?? record?.label ?? record?.code ?? record?.email;
    return <Text size="sm">{typeof name === 'string' ? name : ''}</Text>;
  }
  const changes = changedFields(entry);
  return (
    <Stack gap={2}>
      {changes.slice(0, 6).map((change) => (
        <Text key={change.field} size="sm">
          <Code>{change.field}</Code> {shown(change.before)} → {shown(change.after)}
        </Text>
      ))}
      {changes.length > 6 && (
        <Text size="xs" c="dimmed">
          and {changes.length - 6} more fields
        </Text>
      )}
    </Stack>
  );
}

/** Who changed what and when, newest first, filtered by user, kind of record and days. */
export function AuditLogPanel() {
  const session = useSession();
  const people = useUsers();
  const entityTypes = useAuditEntityTypes();
  const [filters, setFilters] = useState({
    userId: null as string | null,
    entityType: null as string | null,
    from: null as string | null,
    to: null as string | null,
  });
  const [page, setPage] = useState(1);
  const log = useAuditLog({ ...filters, page, pageSize: PAGE_SIZE });
  const filter = (change: Partial<typeof filters>) => {
    setFilters({ ...filters, ...change });
    setPage(1);
  };
  const timeZone = session.data?.organisation.timeZone ?? 'UTC';
  const when = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const hasFilters = Object.values(filters).some((value) => value !== null);
  return (
    <Stack gap="md">
      <Group align="flex-end" wrap="wrap">
        <Select
          label="User"
          placeholder="Everyone"
          clearable
          searchable
          data={(people.data?.items ?? []).map((person) => ({
            value: person.id,
            label: person.name,
          }))}
          value={filters.userId}
          onChange={(userId) => filter({ userId })}
          w={200}
        />
        <Select
          label="Record"
          placeholder="Every kind"
          clearable
          data={entityTypes.data?.items ?? []}
          value={filters.entityType}
          onChange={(entityType) => filter({ entityType })}
          w={200}
        />
        <DateField label="From" value={filters.from} onChange={(from) => filter({ from })} />
        <DateField label="To" value={filters.to} onChange={(to) => filter({ to })} />
      </Group>
      <Text size="xs" c="dimmed">
        Times and days in {timeZone}, the organisation&apos;s time zone.
      </Text>
      <Card withBorder radius="md" padding="md">
        <ListResults
          query={log}
          columns={5}
          hasFilters={hasFilters}
          onClearFilters={() => filter({ userId: null, entityType: null, from: null, to: null })}
          noMatch={{ title: 'No change matches', description: 'Widen the days or clear a filter.' }}
          empty={{ title: 'No changes yet', description: 'Every change anyone saves shows here.' }}
        >
          {(result) => (
            <>
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="sm" aria-label="Audit log">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>When</Table.Th>
                      <Table.Th>Who</Table.Th>
                      <Table.Th>Record</Table.Th>
                      <Table.Th>Action</Table.Th>
                      <Table.Th>What</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {when.format(new Date(entry.at))}
                        </Table.Td>
                        <Table.Td>{entry.userName ?? 'System'}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{entry.entityType}</Text>
                          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                            {entry.entityId}
                          </Text>
                        </Table.Td>
                        <Table.Td>{entry.action}</Table.Td>
                        <Table.Td>
                          <ChangeSummary entry={entry} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ListPagination
                page={page}
                pageSize={PAGE_SIZE}
                total={result.total}
                onPageChange={setPage}
                noun="changes"
              />
            </>
          )}
        </ListResults>
      </Card>
    </Stack>
  );
}
