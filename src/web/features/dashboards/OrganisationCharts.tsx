import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { monthRange } from '../../../domain/calendar';
import type { OrganisationDashboard } from '../../../schemas/dashboards';
import type { QueryValue } from '../../api/client';
import { formatWholeMoney } from '../../components/money';
import { formatMonth } from '../strategies/SeasonalityChart';
import { ChartTable, ChartWithTable } from './ChartWithTable';
import { SERIES } from './chart-axes';
import { DashboardSection } from './DashboardSection';
import { formatRate, opportunitiesLink } from './dashboard-format';

const percentTick = (share: number) => `${Math.round(share * 100)}%`;

/** The strategy's segment shares against the actual share of the period's won revenue. */
export function SegmentMixSection({
  dashboard,
  filters,
}: {
  dashboard: OrganisationDashboard;
  filters: Record<string, QueryValue>;
}) {
  const { segmentMix, currency, period } = dashboard;
  const rows = segmentMix.map((row) => ({
    ...row,
    planned: row.plannedShare ?? 0,
    actual: row.actualShare ?? 0,
  }));
  return (
    <DashboardSection
      title="Segment mix: planned vs actual"
      description="The strategy's share of each segment against its share of the revenue won in the period"
    >
      <ChartWithTable
        label="Segment mix, planned vs actual share"
        chart={(width, height) => (
          <BarChart
            width={width}
            height={height}
            data={rows}
            margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="segment" fontSize={12} />
            <YAxis fontSize={12} width={44} tickFormatter={percentTick} />
            <Tooltip formatter={(share) => formatRate(Number(share))} />
            <Legend />
            <Bar dataKey="planned" name="Planned share" fill={SERIES.planned} />
            <Bar dataKey="actual" name="Actual share" fill={SERIES.actual} />
          </BarChart>
        )}
        table={
          <ChartTable label="Segment mix, planned vs actual share">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Segment</Table.Th>
                <Table.Th ta="right">Planned share</Table.Th>
                <Table.Th ta="right">Actual share</Table.Th>
                <Table.Th ta="right">Won revenue</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {segmentMix.map((row) => (
                <Table.Tr key={row.segmentId}>
                  <Table.Th scope="row" fw={400}>
                    {row.segment}
                  </Table.Th>
                  <Table.Td ta="right">
                    {row.plannedShare === null ? 'no strategy' : formatRate(row.plannedShare)}
                  </Table.Td>
                  <Table.Td ta="right">{formatRate(row.actualShare)}</Table.Td>
                  <Table.Td ta="right">
                    <Anchor
                      component={Link}
                      to={opportunitiesLink({
                        ...filters,
                        segmentId: row.segmentId,
                        status: 'won',
                        closedFrom: period.from,
                        closedTo: period.to,
                      })}
                    >
                      {formatWholeMoney(row.wonRevenue, currency)}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ChartTable>
        }
      />
    </DashboardSection>
  );
}

/** Opportunities created per month of the period: a line, and the months as a table. */
export function CreatedPerMonthSection({
  dashboard,
  filters,
}: {
  dashboard: OrganisationDashboard;
  filters: Record<string, QueryValue>;
}) {
  const rows = dashboard.createdPerMonth.map((row) => ({ ...row, label: formatMonth(row.month) }));
  return (
    <DashboardSection
      title="Opportunities created per month"
      description="New deals recorded in each month of the period"
    >
      <ChartWithTable
        label="Opportunities created per month"
        height={200}
        chart={(width, height) => (
          <LineChart
            width={width}
            height={height}
            data={rows}
            margin={{ top: 8, right: 16, left: 0, bottom: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis fontSize={12} width={36} allowDecimals={false} />
            <Tooltip />
            <Line
              dataKey="count"
              name="Created"
              stroke={SERIES.actual}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        )}
        table={
          <ChartTable label="Opportunities created per month">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th ta="right">Created</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const month = monthRange(row.month);
                return (
                  <Table.Tr key={row.month}>
                    <Table.Th scope="row" fw={400}>
                      {row.label}
                    </Table.Th>
                    <Table.Td ta="right">
                      <Anchor
                        component={Link}
                        to={opportunitiesLink({
                          ...filters,
                          createdFrom: month.start,
                          createdTo: month.end,
                        })}
                        aria-label={`${row.count} created in ${row.label}`}
                      >
                        {row.count}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">
                      {formatWholeMoney(row.value, dashboard.currency)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ChartTable>
        }
      />
    </DashboardSection>
  );
}
