import { Table, Text } from '@mantine/core';
import { describeUnconverted } from '../../../domain/exchange-rates';
import { STANDING_RULE, STANDING_WORDS, standingOf } from '../../../domain/standing';
import type { PlanAttainment } from '../../../schemas/rep-plans';
import { formatRate } from '../dashboards/dashboard-format';
import { STANDING_COLOURS } from '../dashboards/standing-tone';
import { formatWholeMoney } from '../../components/money';

export type AttainmentTableRow = Pick<
  PlanAttainment['rows'][number],
  'key' | 'label' | 'targetToDateMinor' | 'wonToDateMinor'
> & { targetYearMinor?: number | undefined };

/**
 * Won to date against the target to date and the year, the total first, then each segment with
 * "Other" (the same figures as the rep dashboard); each attainment with its verdict in the words
 * and colours of the dashboards (standing.ts).
 */
export function AttainmentTable({
  rows,
  currency,
  unconverted = [],
  label = 'Attainment by segment',
}: {
  rows: readonly AttainmentTableRow[];
  currency: string;
  unconverted?: PlanAttainment['unconverted'];
  label?: string;
}) {
  const money = (minor: number) => formatWholeMoney(minor, currency);
  const hasYear = rows.some((row) => row.targetYearMinor !== undefined);
  return (
    <>
      <Table.ScrollContainer minWidth={420}>
        <Table aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Segment</Table.Th>
              {hasYear && <Table.Th ta="right">Target for the year</Table.Th>}
              <Table.Th ta="right">Due to date</Table.Th>
              <Table.Th ta="right">Won to date</Table.Th>
              <Table.Th ta="right">Attainment</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const standing = standingOf(row.wonToDateMinor, row.targetToDateMinor);
              return (
                <Table.Tr key={row.key} fw={row.key === 'total' ? 700 : undefined}>
                  <Table.Td>{row.label}</Table.Td>
                  {hasYear && <Table.Td ta="right">{money(row.targetYearMinor ?? 0)}</Table.Td>}
                  <Table.Td ta="right">{money(row.targetToDateMinor)}</Table.Td>
                  <Table.Td ta="right">{money(row.wonToDateMinor)}</Table.Td>
                  <Table.Td ta="right">
                    {standing === null
                      ? 'nothing due yet'
                      : formatRate(row.wonToDateMinor / row.targetToDateMinor)}
                    {standing !== null && (
                      <Text span size="xs" fw={700} c={STANDING_COLOURS[standing]} display="block">
                        {STANDING_WORDS.attainment[standing]}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {STANDING_RULE}
      </Text>
      {describeUnconverted(unconverted).map((line) => (
        <Text key={line} size="xs" fw={600}>
          Left out of won to date: {line}
        </Text>
      ))}
    </>
  );
}
