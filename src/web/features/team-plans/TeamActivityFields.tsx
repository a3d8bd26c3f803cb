import { Flex, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateField } from '../../components/DateField';
import { MoneyInput } from '../../components/MoneyInput';
import { MetricProgress } from './MetricProgress';
import { RowActions } from './RowActions';
import type { AccountStatus } from '../../../domain/account';
import type { MetricCount } from '../../../domain/team-plan-metrics';
import { type ActivityDraft, isMoneyMetric, isProgressCurrent } from './team-plan-draft';
import type { MetricOptions } from './useTeamPlanOptions';

export type Option = { value: string; label: string };

/** What a metric can count, in the order the picker offers it. */
const COUNT_OPTIONS: { value: MetricCount; label: string }[] = [
  { value: 'activities', label: 'Activities done of a type' },
  { value: 'opportunities_created', label: 'Opportunities created' },
  { value: 'opportunities_won', label: 'Opportunities won' },
  { value: 'won_revenue', label: 'Won revenue' },
  { value: 'entered', label: 'Not in the data: entered by hand' },
];
const STATUS_OPTIONS: { value: AccountStatus; label: string }[] = [
  { value: 'prospect', label: 'Prospects' },
  { value: 'customer', label: 'Customers' },
];

/** One tactical activity: what, who, when, and the metric that says it was done. */
export function TeamActivityFields({
  activity,
  index,
  count,
  options,
  currency,
  errorAt,
  onChange,
  onMove,
  onRemove,
}: {
  activity: ActivityDraft;
  index: number;
  count: number;
  options: MetricOptions;
  currency: string;
  /** The error shown under a field of this activity: 'title', 'ownerId'... */
  errorAt: (field: string) => string | undefined;
  onChange: (patch: Partial<ActivityDraft>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const label = `tactical activity ${index + 1}`;
  const changeCounts = (value: string | null) => {
    const counts = COUNT_OPTIONS.find((o) => o.value === value)?.value ?? null;
    // A target typed as money means nothing as a count, and the other way round.
    onChange(
      isMoneyMetric(counts) === isMoneyMetric(activity.counts)
        ? { counts }
        : { counts, target: '' },
    );
  };
  const isCounted = activity.counts !== null && activity.counts !== 'entered';
  const at = (field: string) => errorAt(`metricDefinition.${field}`);
  return (
    <Paper withBorder p="sm" role="group" aria-label={`Tactical activity ${index + 1}`}>
      {/* On a phone the row's buttons sit above its fields: beside them they left the fields a
          third of the card, cut to 'Activiti' and '2026-01-0'. */}
      <Flex
        direction={{ base: 'column-reverse', sm: 'row' }}
        align={{ base: 'stretch', sm: 'flex-start' }}
        gap="sm"
      >
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
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
              data={options.owners}
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
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput
              label="Metric"
              placeholder="e.g. first meetings held"
              value={activity.metric}
              onChange={(event) => onChange({ metric: event.currentTarget.value })}
              error={errorAt('metric')}
            />
            <Select
              label="Counts"
              placeholder="No metric"
              clearable
              data={COUNT_OPTIONS}
              value={activity.counts}
              onChange={changeCounts}
              error={at('counts')}
            />
            {activity.counts === 'activities' && (
              <Select
                label="Activity type"
                required
                data={options.activityTypes}
                value={activity.activityType}
                onChange={(activityType) => onChange({ activityType })}
                error={at('activityType')}
              />
            )}
            {isCounted && (
              <>
                <Select
                  label="Whose"
                  placeholder="The whole team"
                  clearable
                  searchable
                  data={options.owners}
                  value={activity.memberId}
                  onChange={(memberId) => onChange({ memberId })}
                  error={at('memberId')}
                />
                <Select
                  label="Segment"
                  placeholder="Any segment"
                  clearable
                  data={options.segments}
                  value={activity.segmentId}
                  onChange={(segmentId) => onChange({ segmentId })}
                  error={at('segmentId')}
                />
                <Select
                  label="Account status"
                  placeholder="Prospects and customers"
                  clearable
                  data={STATUS_OPTIONS}
                  value={activity.accountStatus}
                  onChange={(value) =>
                    onChange({
                      accountStatus: STATUS_OPTIONS.find((o) => o.value === value)?.value ?? null,
                    })
                  }
                  error={at('accountStatus')}
                />
                <Select
                  label="Product"
                  placeholder="Any product"
                  description={
                    activity.counts === 'activities' ? 'Activities on deals of it' : undefined
                  }
                  clearable
                  searchable
                  data={options.products}
                  value={activity.productId}
                  onChange={(productId) => onChange({ productId })}
                  error={at('productId')}
                />
              </>
            )}
            {isMoneyMetric(activity.counts) ? (
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
            {activity.counts === 'entered' && (
              <TextInput
                label="Actual so far"
                inputMode="decimal"
                value={activity.enteredActual}
                onChange={(event) => onChange({ enteredActual: event.currentTarget.value })}
                error={errorAt('enteredActual')}
              />
            )}
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Progress
            </Text>
            <MetricProgress
              metric={activity.metric.trim() || null}
              metricDefinition={activity.saved?.metricDefinition ?? null}
              metricDescription={activity.saved?.metricDescription ?? null}
              targetValue={activity.saved?.targetValue ?? null}
              progress={activity.saved?.progress ?? null}
              currency={currency}
              isStale={activity.counts !== null && !isProgressCurrent(activity, currency)}
            />
          </Stack>
        </Stack>
        <Group justify="flex-end">
          <RowActions
            label={label}
            index={index}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
          />
        </Group>
      </Flex>
    </Paper>
  );
}
