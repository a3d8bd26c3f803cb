import { Table, Text } from '@mantine/core';
import { describeUnconverted } from '../../../domain/exchange-rates';
import type { CheckIn } from '../../../schemas/check-ins';
import { formatWholeMoney, useActivityTypeWords } from './plan-words';

/** A check-in's plan vs actual, per activity type and per target; shortfalls in red. */
export function PlanVsActualTables({ checkIn, currency }: { checkIn: CheckIn; currency: string }) {
  const behind = { c: 'red', fw: 700 } as const;
  const words = useActivityTypeWords();
  return (
    <>
      <Table aria-label="Activities plan vs actual">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Activity</Table.Th>
            <Table.Th ta="right">Planned</Table.Th>
            <Table.Th ta="right">Done</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checkIn.planVsActual.activities.map((row) => (
            <Table.Tr key={row.activityType}>
              <Table.Td>{words.label(row.activityType)}</Table.Td>
              <Table.Td ta="right">{row.planned}</Table.Td>
              <Table.Td ta="right" {...(row.isBehind ? behind : {})}>
                {row.done}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table aria-label="Targets to date">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Target</Table.Th>
            <Table.Th ta="right">Due to date</Table.Th>
            <Table.Th ta="right">Won to date</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checkIn.planVsActual.targets.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                {row.label}
                {describeUnconverted(row.unconverted ?? []).map((line) => (
                  <Text key={line} size="xs" c="orange.8">
                    Left out of won to date: {line}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td ta="right">{formatWholeMoney(row.targetToDateMinor, currency)}</Table.Td>
              <Table.Td ta="right" {...(row.isBehind ? behind : {})}>
                {formatWholeMoney(row.wonToDateMinor, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
