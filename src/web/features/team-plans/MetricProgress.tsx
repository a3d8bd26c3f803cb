import { Progress, Stack, Text } from '@mantine/core';
import { describeUnconverted } from '../../../domain/exchange-rates';
import { formatWholeMoney } from '../../components/money';
import { isMoneyMetric, type TeamActivity } from './team-plan-draft';

type Props = Pick<
  TeamActivity,
  'metric' | 'metricDefinition' | 'metricDescription' | 'targetValue' | 'progress'
> & {
  currency: string;
  /** The row changed since the server counted it: its progress shows after the next save. */
  isStale?: boolean;
};

/**
 * A tactical activity's figure with its definition in words beside it ("First meetings done,
 * team, prospects in segment A, 1 Jan–31 Dec: 12 of 200"), so the title promises no more than
 * the count holds; an entered metric says it is typed in.
 */
export function MetricProgress({
  metric,
  metricDefinition,
  metricDescription,
  targetValue,
  progress,
  currency,
  isStale = false,
}: Props) {
  const format = (value: number) =>
    isMoneyMetric(metricDefinition?.counts) ? formatWholeMoney(value, currency) : String(value);
  if (!metricDefinition && !isStale) {
    return (
      <Stack gap={0}>
        {metric && <Text size="xs">{metric}</Text>}
        <Text size="xs" c="dimmed">
          No metric defined
        </Text>
      </Stack>
    );
  }
  if (isStale || !progress || !metricDefinition) {
    return (
      <Text size="xs" c="dimmed">
        Counted from the data once saved
      </Text>
    );
  }
  const { actual, ratio } = progress;
  const figure =
    actual === null
      ? 'no actual entered yet'
      : `${format(actual)}${targetValue === null ? '' : ` of ${format(targetValue)}`}`;
  return (
    <Stack gap={2}>
      <Text size="xs">
        <Text span size="xs" c="dimmed">
          {metricDescription}:
        </Text>{' '}
        <Text span size="xs" fw={600}>
          {figure}
        </Text>
        {metric ? ` ${metric}` : ''}
      </Text>
      {ratio !== null && (
        <Progress
          value={Math.min(100, ratio * 100)}
          size="sm"
          aria-label={`${Math.round(ratio * 100)}% of the target`}
        />
      )}
      {describeUnconverted(progress.unconverted).map((line) => (
        <Text key={line} size="xs" fw={600}>
          Left out: {line}
        </Text>
      ))}
    </Stack>
  );
}
