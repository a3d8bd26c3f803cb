import { Card, Table, Text, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { formatWholeMoney } from '../../components/money';
import { AttainmentTable } from './RepPlanAttainment';

/**
 * The rep's targets from the cascade: per segment with won to date against the target to date
 * (the rep dashboard's attainment), and weighted per quarter by seasonality.
 */
export function RepPlanTargets({
  targets,
  attainment,
}: {
  targets: RepPlan['targets'];
  attainment: RepPlan['attainment'];
}) {
  if (!targets) {
    return (
      <Card withBorder padding="lg">
        <Title order={2} size="h4">
          Targets
        </Title>
        <Text size="sm" c="dimmed">
          No organisation strategy for this year yet: targets appear once a leader sets it.
        </Text>
      </Card>
    );
  }
  const money = (minor: number) => formatWholeMoney(minor, targets.currency);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Targets {money(targets.totalMinor)}
      </Title>
      {attainment ? (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            Won to date against the target due by {attainment.asOf}, weighted by the year&apos;s
            seasonality; the same figures as the rep dashboard.
          </Text>
          <AttainmentTable
            rows={attainment.rows}
            currency={attainment.currency}
            unconverted={attainment.unconverted}
          />
        </>
      ) : (
        <Table aria-label="Targets by segment">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Segment</Table.Th>
              <Table.Th ta="right">Target</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {targets.segments.map((segment) => (
              <Table.Tr key={segment.segmentId}>
                <Table.Td>{segment.name}</Table.Td>
                <Table.Td ta="right">{money(segment.targetMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Table aria-label="Targets by quarter" mt="md">
        <Table.Thead>
          <Table.Tr>
            {targets.quarters.map((q) => (
              <Table.Th key={q.quarter} ta="right">
                Q{q.quarter}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            {targets.quarters.map((q) => (
              <Table.Td key={q.quarter} ta="right">
                {money(q.targetMinor)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}
