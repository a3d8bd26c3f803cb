import { Table } from '@mantine/core';
import type { CheckIn } from '../../../schemas/check-ins';
import { formatDay } from '../../components/dates';
import { useActivityTypeWords } from './plan-words';
import { AttainmentTable } from './RepPlanAttainment';

/**
 * A check-in's plan vs actual, per activity type (planned from the period's start to its day: the
 * month so far by its working days) and per segment's target; shortfalls in red.
 */
export function PlanVsActualTables({ checkIn, currency }: { checkIn: CheckIn; currency: string }) {
  const behind = { c: 'red', fw: 700 } as const;
  const words = useActivityTypeWords();
  return (
    <>
      <Table aria-label="Activities plan vs actual">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Activity</Table.Th>
            <Table.Th ta="right">Planned to {formatDay(checkIn.planVsActual.asOf)}</Table.Th>
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
      <AttainmentTable
        rows={checkIn.planVsActual.targets}
        currency={currency}
        unconverted={checkIn.planVsActual.targets.find((row) => row.key === 'total')?.unconverted}
        label="Targets to date"
      />
    </>
  );
}
