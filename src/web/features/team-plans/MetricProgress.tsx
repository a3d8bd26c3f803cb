import { Progress, Stack, Text } from '@mantine/core';
import { describeUnconverted } from '../../../domain/exchange-rates';
import { formatMoney } from '../../components/money';
import { isMoneyMetric, type TeamActivity } from './team-plan-draft';

type Props = Pick<TeamActivity, 'metric' | 'metricSource' | 'targetValue' | 'progress'> & {
  currency: string;
  /** The row changed since the server counted it: its progress shows after the next save. */
  isStale?: boolean;
};

/** A tactical activity's metric with its progress counted from the data, when it can be. */
export function MetricProgress({
  metric,
  metricSource,
  targetValue,
  progress,
  currency,
  isStale = false,
}: Props) {
  const format = (value: number) =>
    isMoneyMetric(metricSource) ? formatMoney(value, currency) : String(value);
  if (!metricSource) {
    return (
      <Stack gap={0}>
        {metric && <Text size="xs">{metric}</Text>}
        <Text size="xs" c="dimmed">
          Not measurable from the data
        </Text>
      </Stack>
    );
  }
  if (isStale || !progress) {
    return (
      <Text size="xs" c="dimmed">
        Counted from the data once saved
      </Text>
    );
  }
  const { actual, ratio } = progress;
  return (
    <Stack gap={2}>
      <Text size="xs">
        {format(actual)}
        {targetValue === null ? '' : ` of ${format(targetValue)}`} {metric}
      </Text>
      {ratio !== null && (
        <Progress
          value={Math.min(100, ratio * 100)}
          size="sm"
          aria-label={`${Math.round(ratio * 100)}% of the target`}
        />
      )}
      {describeUnconverted(progress.unconverted).map((line) => (
        <Text key={line} size="xs" c="orange.8">
          Left out: {line}
        </Text>
      ))}
    </Stack>
  );
}
