import { Group, Skeleton, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { describeUnconverted } from '../../../domain/exchange-rates';
import type { OpportunitySummary } from '../../../schemas/opportunities';
import { formatWholeMoney } from '../../components/money';
import { countOf } from '../rep-plans/plan-words';

/**
 * "3 deals · value €115.01 · weighted €57.50" for every deal the filters keep (not the page), in
 * the organisation's currency as the dashboards convert, with the deals left out for want of a
 * rate named beside it.
 */
export function OpportunitySummaryLine({ query }: { query: UseQueryResult<OpportunitySummary> }) {
  if (query.isPending) return <Skeleton height={20} width={320} mb="sm" />;
  if (query.isError || !query.data) return null;
  const summary = query.data;
  const money = (minor: number) => formatWholeMoney(minor, summary.currency);
  return (
    <Group gap="lg" mb="sm" aria-label="The deals the filters keep" role="group">
      <Text size="sm" fw={600}>
        {countOf(summary.count, 'deal')}
      </Text>
      <Text size="sm">
        Value <strong>{money(summary.valueMinor)}</strong>
      </Text>
      <Text size="sm">
        Weighted <strong>{money(summary.weightedValueMinor)}</strong>
        <Text span size="xs" c="dimmed" ml={4}>
          (amount × stage probability)
        </Text>
      </Text>
      {describeUnconverted(summary.unconverted).map((line) => (
        <Text key={line} size="sm">
          Left out of the values: {line}
        </Text>
      ))}
    </Group>
  );
}
