import { Grid, Stack, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Strategy } from '../../../schemas/strategies';
import { currencyFractionDigits, formatWholeMoney } from '../../components/money';
import { describeUnconverted } from '../../../domain/exchange-rates';

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: '2-digit',
  timeZone: 'UTC',
});

/** '2026-04' → 'Apr 26' in the reader's locale. */
export function formatMonth(isoMonth: string): string {
  const date = new Date(`${isoMonth}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoMonth : monthFormat.format(date);
}

const SOURCE_LABELS: Record<Strategy['seasonality']['source'], string> = {
  flat: 'flat',
  entered: 'entered',
  history: 'derived from history',
};

const percent = (weight: number) => `${(weight * 100).toFixed(1)}%`;

/** The monthly targets T·w_m as bars, with the weights and quarters in a table beneath. */
export function SeasonalityChart({ strategy }: { strategy: Strategy }) {
  const { seasonality, currency } = strategy;
  const money = (minor: number) => formatWholeMoney(minor, currency);
  const bars = seasonality.months.map((month, m) => ({
    month: formatMonth(month.month),
    targetMinor: month.targetMinor,
    weight: seasonality.weights[m] ?? 0,
  }));
  const compact = new Intl.NumberFormat(undefined, { notation: 'compact' });
  // Axis ticks only: a rounded major amount is fine for reading the scale.
  const unit = 10 ** currencyFractionDigits(currency);
  // The chart follows its box's width; before the first measure (and in jsdom) it is 720 wide.
  const box = useElementSize();
  const chartWidth = box.width > 0 ? box.width : 720;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Seasonality {SOURCE_LABELS[seasonality.source]}
        {seasonality.source === 'history' &&
          ` (${seasonality.yearsUsed} year${seasonality.yearsUsed === 1 ? '' : 's'})`}
        {seasonality.kind !== seasonality.source && ` instead of ${seasonality.kind}`}
        {seasonality.reason && `: ${seasonality.reason}`}
      </Text>
      {describeUnconverted(seasonality.unconverted).map((line) => (
        <Text key={line} size="sm" fw={600}>
          Left out of the history: {line}
        </Text>
      ))}
      {/* The twelve months as rows beside the chart: all of them in view, no sideways scroll. */}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <div ref={box.ref} role="img" aria-label="Monthly targets chart">
            <BarChart
              width={chartWidth}
              height={300}
              data={bars}
              margin={{ top: 8, right: 8, left: 8, bottom: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" fontSize={12} />
              <YAxis
                fontSize={12}
                width={56}
                tickFormatter={(minor: number) => compact.format(minor / unit)}
              />
              <Tooltip
                formatter={(minor, _name, item) => [
                  `${money(Number(minor))} (${percent((item.payload as { weight: number }).weight)})`,
                  'Target',
                ]}
              />
              <Bar dataKey="targetMinor" name="Target" fill="var(--mantine-color-blue-6)" />
            </BarChart>
          </div>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Table aria-label="Monthly targets" fz="sm" verticalSpacing={4} tabularNums>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th ta="right">Weight</Table.Th>
                <Table.Th ta="right">Target</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bars.map((bar) => (
                <Table.Tr key={bar.month}>
                  <Table.Th scope="row" fw={400}>
                    {bar.month}
                  </Table.Th>
                  <Table.Td ta="right">{percent(bar.weight)}</Table.Td>
                  <Table.Td ta="right">{money(bar.targetMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
      </Grid>
      <Text size="sm">
        {seasonality.quarters.map((q) => `Q${q.quarter} ${money(q.targetMinor)}`).join(' · ')}
      </Text>
    </Stack>
  );
}
