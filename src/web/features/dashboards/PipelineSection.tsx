import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { PipelinePanel } from '../../../schemas/dashboards';
import type { QueryValue } from '../../api/client';
import { formatWholeMoney } from '../../components/money';
import { ChartTable, ChartWithTable } from './ChartWithTable';
import { moneyTick, SERIES } from './chart-axes';
import { DashboardSection, UnconvertedNote } from './DashboardSection';
import { type CoverageSubject, describeCoverage, opportunitiesLink } from './dashboard-format';
import { Figure, FigureGrid } from './Figure';

/**
 * The open pipeline: count, value, weighted value, the deals needing attention, coverage against
 * what the closing ratio needs, and the value per stage. Every count opens its deals.
 */
export function PipelineSection({
  panel,
  currency,
  subject,
  filters,
}: {
  panel: PipelinePanel;
  currency: string;
  /** Whose coverage it is, for the sentence (COVERAGE_SUBJECTS). */
  subject: CoverageSubject;
  /** The opportunity list filters that select the same deals (ownerId, managerId, …). */
  filters: Record<string, QueryValue>;
}) {
  const money = (minor: number) => formatWholeMoney(minor, currency);
  const open = { ...filters, status: 'open' };
  const isShort =
    panel.coverage !== null &&
    panel.neededCoverage !== null &&
    panel.coverage < panel.neededCoverage;
  return (
    <DashboardSection title="Open pipeline" description="The open deals as of today">
      <FigureGrid>
        <Figure label="Open deals" value={String(panel.openCount)} to={opportunitiesLink(open)} />
        <Figure label="Open value" value={money(panel.openValue)} />
        <Figure
          label="Weighted value"
          value={money(panel.weightedValue)}
          description="Each deal's amount × its stage's probability"
        />
        <Figure
          label="Stale deals"
          value={String(panel.staleCount)}
          to={opportunitiesLink({ ...open, flag: 'stale' })}
          description="No activity in 30 days, or past the expected close"
        />
        <Figure
          label="Slipping deals"
          value={String(panel.slippingCount)}
          to={opportunitiesLink({ ...open, flag: 'slipping' })}
          description="Expected close moved later 3 times or more"
        />
      </FigureGrid>
      <div>
        <Text fw={700}>{describeCoverage(panel.coverage, panel.neededCoverage, subject)}</Text>
        {isShort && (
          <Text size="sm" fw={700} c="red.9">
            Short of the coverage needed
          </Text>
        )}
        <Text size="sm" c="dimmed">
          Coverage: the open value expected to close by the fiscal year's end (
          {money(panel.dueInYear)}) ÷ the target still to win ({money(panel.remainingTarget)}).
        </Text>
      </div>
      <UnconvertedNote unconverted={panel.unconverted} prefix="Left out of the pipeline" />
      {panel.byStage.length > 0 && (
        <ChartWithTable
          label="Open value by stage"
          height={Math.max(160, panel.byStage.length * 36 + 40)}
          chart={(width, height) => (
            <BarChart
              width={width}
              height={height}
              data={panel.byStage}
              layout="vertical"
              margin={{ top: 8, right: 16, left: 8, bottom: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" fontSize={12} tickFormatter={moneyTick(currency)} />
              <YAxis type="category" dataKey="stage" fontSize={12} width={110} />
              <Tooltip formatter={(minor) => money(Number(minor))} />
              <Bar dataKey="value" name="Open value" fill={SERIES.actual} />
            </BarChart>
          )}
          table={
            <ChartTable label="Open value by stage">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th ta="right">Deals</Table.Th>
                  <Table.Th ta="right">Open value</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {panel.byStage.map((stage) => (
                  <Table.Tr key={stage.stageId}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor
                        component={Link}
                        to={opportunitiesLink({ ...open, stageId: stage.stageId })}
                      >
                        {stage.stage}
                      </Anchor>
                    </Table.Th>
                    <Table.Td ta="right">{stage.count}</Table.Td>
                    <Table.Td ta="right">{money(stage.value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ChartTable>
          }
        />
      )}
    </DashboardSection>
  );
}
