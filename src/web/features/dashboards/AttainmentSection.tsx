import { Table } from '@mantine/core';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { STANDING_RULE, STANDING_WORDS, standingOf } from '../../../domain/standing';
import type { AttainmentPanel } from '../../../schemas/dashboards';
import { formatDay } from '../../components/dates';
import { formatWholeMoney } from '../../components/money';
import { formatMonth } from '../strategies/SeasonalityChart';
import { ChartTable, ChartWithTable } from './ChartWithTable';
import { moneyTick, SERIES } from './chart-axes';
import { DashboardSection, UnconvertedNote } from './DashboardSection';
import { formatRate } from './dashboard-format';
import { Figure, FigureGrid } from './Figure';

/**
 * Won revenue against the seasonally weighted target: the figures to date and the twelve months
 * as won bars under the target line, with the same months as a table.
 */
export function AttainmentSection({
  panel,
  currency,
  today,
  wonLink,
  title = 'Attainment',
}: {
  panel: AttainmentPanel;
  currency: string;
  today: string;
  /** The won deals behind "won to date". */
  wonLink: string;
  title?: string;
}) {
  const money = (minor: number) => formatWholeMoney(minor, currency);
  const months = panel.months.map((month) => ({ ...month, label: formatMonth(month.month) }));
  const isAhead = panel.gap <= 0;
  const standing = standingOf(panel.wonToDate, panel.targetToDate);
  return (
    <DashboardSection
      title={title}
      description={`Fiscal year ${panel.fiscalYear} (${formatDay(panel.yearFrom)} – ${formatDay(panel.yearTo)}), to ${formatDay(today)}`}
    >
      <FigureGrid>
        <Figure
          label="Won to date"
          value={money(panel.wonToDate)}
          to={wonLink}
          description="Revenue of the deals won since the fiscal year began"
        />
        <Figure
          label="Target to date"
          value={money(panel.targetToDate)}
          description="The seasonally weighted share of the year's target up to today"
        />
        <Figure
          label="Attainment"
          value={formatRate(panel.attainment)}
          description={`Won to date ÷ target to date. ${STANDING_RULE}`}
          tone={
            standing === null ? undefined : { text: STANDING_WORDS.attainment[standing], standing }
          }
        />
        <Figure
          label={isAhead ? 'Ahead of target by' : 'Gap to target'}
          value={money(Math.abs(panel.gap))}
          description="Target to date − won to date"
        />
        <Figure label="Year target" value={money(panel.targetYear)} />
      </FigureGrid>
      <UnconvertedNote unconverted={panel.unconverted} prefix="Left out of won to date" />
      <ChartWithTable
        label="Won vs target per month"
        chart={(width, height) => (
          <ComposedChart
            width={width}
            height={height}
            data={months}
            margin={{ top: 8, right: 8, left: 8, bottom: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis fontSize={12} width={56} tickFormatter={moneyTick(currency)} />
            <Tooltip formatter={(minor) => money(Number(minor))} />
            <Legend />
            <Bar dataKey="won" name="Won" fill={SERIES.actual} />
            <Line
              dataKey="target"
              name="Target"
              stroke={SERIES.target}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </ComposedChart>
        )}
        table={
          <ChartTable label="Won vs target per month">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th ta="right">Target</Table.Th>
                <Table.Th ta="right">Won</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {months.map((month) => (
                <Table.Tr key={month.month}>
                  <Table.Th scope="row" fw={400}>
                    {month.label}
                  </Table.Th>
                  <Table.Td ta="right">{money(month.target)}</Table.Td>
                  <Table.Td ta="right">{money(month.won)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ChartTable>
        }
      />
    </DashboardSection>
  );
}
