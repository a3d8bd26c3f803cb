import { useState } from 'react';
import { Badge, Card, Group, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { Strategy } from '../../../schemas/strategies';
import { formatMoney } from '../../components/money';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useStrategy } from './useStrategy';

/** Per-rep, per-segment targets: rows and columns sum to the organisation target. */
export function CascadeTable({ strategy }: { strategy: Strategy }) {
  const { cascade, currency } = strategy;
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <Table aria-label="Targets by rep and segment" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rep</Table.Th>
          {cascade.segments.map((segment) => (
            <Table.Th key={segment.segmentId} ta="right">
              {segment.name} ({Math.round(segment.share * 1000) / 10}%)
              {segment.coveredBy === 'none' && (
                <Badge ml={4} color="red" size="xs">
                  no rep
                </Badge>
              )}
            </Table.Th>
          ))}
          <Table.Th ta="right">Total</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cascade.reps.map((rep) => (
          <Table.Tr key={rep.repId}>
            <Table.Td>{rep.repName}</Table.Td>
            {rep.segments.map((cell) => (
              <Table.Td key={cell.segmentId} ta="right">
                {money(cell.targetMinor)}
              </Table.Td>
            ))}
            <Table.Td ta="right">{money(rep.targetMinor)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>Organisation</Table.Th>
          {cascade.segments.map((segment) => (
            <Table.Th key={segment.segmentId} ta="right">
              {money(segment.targetMinor)}
            </Table.Th>
          ))}
          <Table.Th ta="right">{money(cascade.targetMinor)}</Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function SeasonalityBars({ strategy }: { strategy: Strategy }) {
  const largest = Math.max(...strategy.seasonality.weights, 0);
  return (
    <Stack gap={4} aria-label="Seasonality">
      {strategy.seasonality.months.map((month, m) => (
        <Group key={month.month} gap="xs" wrap="nowrap">
          <Text size="xs" w={60}>
            {month.month}
          </Text>
          <Progress
            flex={1}
            value={largest === 0 ? 0 : ((strategy.seasonality.weights[m] ?? 0) / largest) * 100}
          />
          <Text size="xs" w={110} ta="right">
            {formatMoney(month.targetMinor, strategy.currency)}
          </Text>
        </Group>
      ))}
      {strategy.seasonality.reason && (
        <Text size="xs" c="dimmed">
          {strategy.seasonality.reason}
        </Text>
      )}
    </Stack>
  );
}

/** The organisation strategy of a year: cascade table, uncovered segments, seasonality. */
export function StrategyPanel() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const strategy = useStrategy(year);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Strategy {year}</Title>
        <Select
          aria-label="Strategy year"
          w={120}
          data={[thisYear - 1, thisYear, thisYear + 1].map(String)}
          value={String(year)}
          onChange={(value) => value && setYear(Number(value))}
          allowDeselect={false}
        />
      </Group>
      {strategy.isPending && <DetailSkeleton />}
      {strategy.isError && <ErrorAlert error={strategy.error} />}
      {strategy.data === null && <Text c="dimmed">No strategy is set for {year}.</Text>}
      {strategy.data && (
        <>
          <Card withBorder>
            <Text fw={700}>
              Target {formatMoney(strategy.data.targetMinor, strategy.data.currency)} ·{' '}
              {strategy.data.model} organisation
            </Text>
            {strategy.data.cascade.uncoveredSegments.length > 0 && (
              <Text c="red" size="sm">
                {strategy.data.cascade.segments
                  .filter((s) => s.coveredBy === 'none' && s.segmentId !== 'other')
                  .map((s) => s.name)
                  .join(', ')}{' '}
                {strategy.data.cascade.uncoveredSegments.length === 1 ? 'has' : 'have'} no rep:{' '}
                {formatMoney(strategy.data.cascade.unassignedMinor, strategy.data.currency)} is not
                carried by anyone.
              </Text>
            )}
            <CascadeTable strategy={strategy.data} />
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Seasonality ({strategy.data.seasonality.source})
            </Title>
            <SeasonalityBars strategy={strategy.data} />
          </Card>
        </>
      )}
    </Stack>
  );
}
