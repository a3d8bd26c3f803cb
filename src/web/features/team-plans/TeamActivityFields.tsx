import { Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateField } from '../../components/DateField';
import { MoneyInput } from '../../components/MoneyInput';
import { MetricProgress } from './MetricProgress';
import { RowActions } from './RowActions';
import { type ActivityDraft, isMoneyMetric, isProgressCurrent } from './team-plan-draft';

export type Option = { value: string; label: string };

/** One tactical activity: what, who, when, and the metric that says it was done. */
export function TeamActivityFields({
  activity,
  index,
  count,
  owners,
  metricSources,
  currency,
  errorAt,
  onChange,
  onMove,
  onRemove,
}: {
  activity: ActivityDraft;
  index: number;
  count: number;
  owners: Option[];
  metricSources: Option[];
  currency: string;
  /** The error shown under a field of this activity: 'title', 'ownerId'... */
  errorAt: (field: string) => string | undefined;
  onChange: (patch: Partial<ActivityDraft>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const label = `tactical activity ${index + 1}`;
  const changeSource = (metricSource: string | null) =>
    // A target typed as money means nothing as a count, and the other way round.
    onChange(
      isMoneyMetric(metricSource) === isMoneyMetric(activity.metricSource)
        ? { metricSource }
        : { metricSource, target: '' },
    );
  return (
    <Paper withBorder p="sm" role="group" aria-label={`Tactical activity ${index + 1}`}>
      <Group align="flex-start" wrap="nowrap">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ flex: 1 }}>
          <TextInput
            label="Tactical activity"
            required
            value={activity.title}
            onChange={(event) => onChange({ title: event.currentTarget.value })}
            error={errorAt('title')}
          />
          <Select
            label="Owner"
            placeholder="The whole team"
            clearable
            searchable
            data={owners}
            value={activity.ownerId}
            onChange={(ownerId) => onChange({ ownerId })}
            error={errorAt('ownerId')}
          />
          <DateField
            label="Starts on"
            value={activity.startsOn}
            onChange={(startsOn) => onChange({ startsOn })}
            error={errorAt('startsOn')}
          />
          <DateField
            label="Ends on"
            value={activity.endsOn}
            onChange={(endsOn) => onChange({ endsOn })}
            error={errorAt('endsOn')}
          />
          <TextInput
            label="Metric"
            placeholder="e.g. first meetings held"
            value={activity.metric}
            onChange={(event) => onChange({ metric: event.currentTarget.value })}
            error={errorAt('metric')}
          />
          <Select
            label="Counted from"
            placeholder="Not measurable from the data"
            clearable
            data={metricSources}
            value={activity.metricSource}
            onChange={changeSource}
            error={errorAt('metricSource')}
          />
          {isMoneyMetric(activity.metricSource) ? (
            <MoneyInput
              label="Target"
              currency={currency}
              value={activity.target}
              onChange={(target) => onChange({ target })}
              error={errorAt('targetValue')}
            />
          ) : (
            <TextInput
              label="Target"
              inputMode="decimal"
              value={activity.target}
              onChange={(event) => onChange({ target: event.currentTarget.value })}
              error={errorAt('targetValue')}
            />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Progress
            </Text>
            <MetricProgress
              metric={activity.metric.trim() || null}
              metricSource={activity.metricSource}
              targetValue={activity.saved?.targetValue ?? null}
              progress={activity.saved?.progress ?? null}
              currency={currency}
              isStale={!isProgressCurrent(activity, currency)}
            />
          </Stack>
        </SimpleGrid>
        <RowActions label={label} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </Group>
    </Paper>
  );
}
