import { Card, Group, Progress, Table, Text, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { useReference } from '../reference/useReference';

const hours = (value: number) => `${Math.round(value).toLocaleString('en-US')} h`;

/**
 * Planned activities from the target accounts' norms: per type, for the year and this month,
 * and the capacity check (the hours they take against the rep's selling hours).
 */
export function RepPlanActivityPlan({
  activityPlan,
  targetAccounts,
  month,
}: {
  activityPlan: RepPlan['activityPlan'];
  targetAccounts: RepPlan['targetAccounts'];
  /** The month shown beside the year ('YYYY-MM'): the current one. */
  month: string;
}) {
  const reference = useReference();
  const labelOf = (type: string) =>
    reference.data?.activityTypes.find((t) => t.key === type)?.label ?? type.replace('_', ' ');
  const types = Object.entries(activityPlan.yearly).filter(([, count]) => count > 0);
  const thisMonth = activityPlan.monthly.find((m) => m.month === month)?.counts ?? {};
  const { hoursPerYear, sellingHoursPerYear, findings } = activityPlan.capacity;
  const load = sellingHoursPerYear > 0 ? (hoursPerYear / sellingHoursPerYear) * 100 : 0;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Activity plan
      </Title>
      {types.length === 0 ? (
        <Text size="sm" c="dimmed">
          Pick target accounts to plan activities.
        </Text>
      ) : (
        <Table aria-label="Planned activities" tabularNums>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Activity</Table.Th>
              <Table.Th ta="right">This month</Table.Th>
              <Table.Th ta="right">Year</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.map(([type, count]) => (
              <Table.Tr key={type}>
                <Table.Td>{labelOf(type)}</Table.Td>
                <Table.Td ta="right">{thisMonth[type] ?? 0}</Table.Td>
                <Table.Td ta="right">{count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {activityPlan.accountsWithoutNorms.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          No norms for{' '}
          {activityPlan.accountsWithoutNorms
            .map((id) => targetAccounts.find((a) => a.accountId === id)?.name ?? id)
            .join(', ')}
          : their segment and status have none in the strategy.
        </Text>
      )}
      <Group justify="space-between" mt="md" mb={4}>
        <Text size="sm">Capacity</Text>
        <Text size="sm" c="dimmed">
          {hours(hoursPerYear)} of {hours(sellingHoursPerYear)} selling time
        </Text>
      </Group>
      <Progress
        value={Math.min(100, load)}
        color={load > 100 ? 'red' : 'blue'}
        aria-label="Capacity used"
      />
      {findings.map((finding) => (
        <Text
          key={finding.code}
          size="sm"
          mt="xs"
          // Red 9 for an error, bold for a warning: Mantine's red and orange are below AA on white.
          c={finding.severity === 'error' ? 'red.9' : undefined}
          fw={600}
        >
          {finding.message}
        </Text>
      ))}
    </Card>
  );
}
