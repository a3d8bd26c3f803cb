import { Alert, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { errorMessage } from '../../api/client';
import type { User } from '../../../schemas/users';
import { ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { useUsers } from '../reference/useReference';
import { ROLE_LABELS } from './UserForm';
import { useUpdateUser } from './useAdmin';

function ReportsTable({
  reports,
  caption,
  managers,
  onMove,
  isMoving,
}: {
  reports: User[];
  caption: string;
  managers: User[];
  onMove: (person: User, managerId: string | null) => void;
  isMoving: boolean;
}) {
  if (reports.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nobody reports here yet.
      </Text>
    );
  return (
    <Table aria-label={caption} verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Reports to</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reports.map((person) => (
          <Table.Tr key={person.id}>
            <Table.Td>{person.name}</Table.Td>
            <Table.Td>{ROLE_LABELS[person.role]}</Table.Td>
            <Table.Td>
              <Select
                aria-label={`${person.name} reports to`}
                size="xs"
                clearable
                searchable
                value={person.managerId}
                data={managers
                  .filter((manager) => manager.id !== person.id)
                  .map((manager) => ({ value: manager.id, label: manager.name }))}
                onChange={(managerId) => onMove(person, managerId)}
                disabled={isMoving}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Who reports to whom: each manager's direct reports, and a picker to move someone. */
export function TeamsPanel() {
  const people = useUsers();
  const update = useUpdateUser();
  if (people.isPending) return <TableSkeleton columns={3} rows={4} />;
  if (people.isError)
    return <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />;
  const active = people.data.items.filter((person) => person.isActive);
  const canManage = active.filter((person) => person.role !== 'rep');
  const teams = canManage
    .map((manager) => ({
      manager,
      reports: active.filter((person) => person.managerId === manager.id),
    }))
    .filter((team) => team.reports.length > 0 || team.manager.role === 'manager');
  const unassigned = active.filter(
    (person) => person.managerId === null && person.role !== 'admin',
  );
  const move = (person: User, managerId: string | null) =>
    update.mutate({ user: person, patch: { managerId } });

  return (
    <Stack gap="md">
      <Text c="dimmed" maw={640}>
        A manager sees and changes their team&apos;s records: everyone reporting to them, directly
        or through another manager. Change someone&apos;s manager here or on the Users tab.
      </Text>
      {update.isError && (
        <Alert color="red" variant="light" role="alert" title="Not moved">
          {errorMessage(update.error)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {teams.map(({ manager, reports }) => (
          <Card key={manager.id} withBorder radius="md" padding="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                {manager.name}
              </Title>
              <Text size="sm" c="dimmed">
                {ROLE_LABELS[manager.role]} · {reports.length} direct reports
              </Text>
            </Group>
            <ReportsTable
              reports={reports}
              caption={`${manager.name}'s team`}
              managers={canManage}
              onMove={move}
              isMoving={update.isPending}
            />
          </Card>
        ))}
        {unassigned.length > 0 && (
          <Card withBorder radius="md" padding="md">
            <Title order={2} size="h4" mb="xs">
              Reporting to nobody
            </Title>
            <ReportsTable
              reports={unassigned}
              caption="Reporting to nobody"
              managers={canManage}
              onMove={move}
              isMoving={update.isPending}
            />
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}
