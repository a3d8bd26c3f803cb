import { Card, Table, Text, Title } from '@mantine/core';
import type { RepPlan } from '../../../schemas/rep-plans';
import { formatDay } from '../../components/dates';
import { BASIS_WORDS, countOf, useActivityTypeWords } from './plan-words';

const gapText = (gap: number | null) => (gap === null ? '—' : gap > 0 ? `+${gap}` : String(gap));

/**
 * This week's plan per activity type: what the norms plan, what the funnel needs per week, the
 * gap between them and which the plan follows; then what was done this week and this year.
 */
export function RepPlanWeeklyPlan({ plan }: { plan: RepPlan }) {
  const words = useActivityTypeWords();
  const { weekly, weeklyPlan } = plan;
  return (
    <Card withBorder padding="lg" component="section" aria-label="This week's plan">
      <Title order={2} size="h4" mb={4}>
        This week’s plan ({weekly.week})
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Planned is the larger of the norms (for the target accounts) and the funnel (what the goal
        needs
        {weekly.weeksLeft > 0 ? `, spread over the ${countOf(weekly.weeksLeft, 'week')} left` : ''}
        ), unless the rep set a figure with a reason. Done counts the activities marked done.
      </Text>
      {/* Seven narrow columns: they fit the plan's half-width card at 1440 px (640 did not). */}
      <Table.ScrollContainer minWidth={480}>
        <Table aria-label="Weekly plan" tabularNums horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>Activity</Table.Th>
              <Table.Th colSpan={4} ta="center">
                Planned this week
              </Table.Th>
              <Table.Th colSpan={2} ta="center">
                Done
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              <Table.Th ta="right">Norms</Table.Th>
              <Table.Th ta="right">Funnel</Table.Th>
              <Table.Th ta="right" title="Funnel minus norms">
                Gap
              </Table.Th>
              <Table.Th ta="right">Plan</Table.Th>
              <Table.Th ta="right">This week</Table.Th>
              <Table.Th ta="right">Since {formatDay(weekly.toDate.from)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeklyPlan.map((line) => (
              <Table.Tr key={line.type}>
                <Table.Td>{words.label(line.type)}</Table.Td>
                <Table.Td ta="right">{line.fromNorms}</Table.Td>
                <Table.Td ta="right">{line.fromFunnel ?? '—'}</Table.Td>
                <Table.Td ta="right">{gapText(line.gap)}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {line.planned}
                  <Text span size="xs" c="dimmed" fw={400} display="block">
                    by {BASIS_WORDS[line.basis]}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{line.doneThisWeek}</Table.Td>
                <Table.Td ta="right">{line.doneToDate}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {weeklyPlan
        .filter((line) => line.basis === 'override')
        .map((line) => (
          <Text key={line.type} size="sm" mt="xs">
            {words.label(line.type)}: {line.planned} a week instead of{' '}
            {Math.max(line.fromNorms, line.fromFunnel ?? 0)}. Reason: {line.reason}
          </Text>
        ))}
    </Card>
  );
}
