import { useCallback, useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReferenceData } from '../../../schemas/reference';
import { type Strategy, StrategyInput } from '../../../schemas/strategies';
import { AlertIcon } from '../../components/icons';
import { formatWholeMoney } from '../../components/money';
import { MoneyInput } from '../../components/MoneyInput';
import { useSchemaForm } from '../../components/useSchemaForm';
import { ConflictAlert, isConflict, plainTextOf } from '../../components/ConflictAlert';
import { AssignmentFields } from './AssignmentFields';
import { NormsTable } from './NormsTable';
import { fiscalMonthNames, SeasonalityFields } from './SeasonalityFields';
import { SegmentMixFields } from './SegmentMixFields';
import {
  checkStrategyDraft,
  draftOf,
  type OrganisationModel,
  type StrategyDraft,
  strategyFieldOf,
  toStrategyInput,
} from './strategy-draft';
import { useReloadStrategy, useSaveStrategy } from './useStrategy';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * The organisation strategy of a year as a form: leaders and admins edit and save it (PUT with
 * the version read as If-Match); everyone else sees the same fields read-only.
 */
export function StrategyForm({
  year,
  strategy,
  seed = null,
  currency,
  reference,
  reps,
  isReadOnly,
}: {
  year: number;
  /** The saved strategy; null when the year has none yet. */
  strategy: Strategy | null;
  /** Where a first strategy starts from (another year's), when there is one. */
  seed?: Strategy | null;
  currency: string;
  reference: ReferenceData;
  reps: { value: string; label: string }[];
  isReadOnly: boolean;
}) {
  const segments = reference.segments;
  const segmentIds = useMemo(() => segments.map((s) => s.id), [segments]);
  const { form, errors, onSubmit, showServerError } = useSchemaForm({
    schema: StrategyInput,
    initialValues: draftOf(strategy ?? seed, currency),
    toInput: (draft) => toStrategyInput(draft, segmentIds),
    fieldOf: (path, draft) => strategyFieldOf(path, toStrategyInput(draft, segmentIds)),
    check: (draft) => checkStrategyDraft(draft, segmentIds),
  });
  const draft = form.values;
  const save = useSaveStrategy(year);
  const reload = useReloadStrategy(year);
  // Stable callbacks and memoised sections: typing in one section leaves the others alone.
  const { setValues } = form;
  const update = useCallback((patch: Partial<StrategyDraft>) => setValues(patch), [setValues]);
  const setMix = useCallback((mix: StrategyDraft['mix']) => update({ mix }), [update]);
  const setAssignments = useCallback(
    (assignments: StrategyDraft['assignments']) => update({ assignments }),
    [update],
  );
  const setNorms = useCallback(
    (norms: StrategyDraft['norms']) => update({ norms, isNormsEdited: true }),
    [update],
  );
  const mixSegments = useMemo(
    () => segments.filter((s) => String(draft.mix[s.id] ?? '').trim() !== ''),
    [segments, draft.mix],
  );

  function submit(input: StrategyInput) {
    save.mutate(
      { version: strategy?.version ?? null, input },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            title: 'Saved',
            message: `Strategy ${year} saved.`,
          }),
        onError: (error) => {
          // A 409 has its own alert with a reload button.
          if (!isConflict(error)) showServerError(error);
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit(submit)} noValidate aria-label={`Strategy ${year}`}>
      <Stack>
        <Section title="Target">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Fiscal year starts in"
              data={fiscalMonthNames(1).map((name, m) => ({ value: String(m + 1), label: name }))}
              value={String(draft.startMonth)}
              onChange={(value) => value && update({ startMonth: Number(value) })}
              allowDeselect={false}
              readOnly={isReadOnly}
              error={errors.startMonth}
            />
            {isReadOnly ? (
              <TextInput
                label="Revenue target"
                readOnly
                value={strategy ? formatWholeMoney(strategy.targetMinor, strategy.currency) : ''}
              />
            ) : (
              <MoneyInput
                label="Revenue target"
                currency={draft.currency}
                value={draft.targetText}
                onChange={(targetText) => update({ targetText })}
                error={errors.targetMinor}
                required
              />
            )}
            <TextInput
              label="Currency"
              maxLength={3}
              value={draft.currency}
              onChange={(event) => update({ currency: event.currentTarget.value.toUpperCase() })}
              readOnly={isReadOnly}
              error={errors.currency}
            />
          </SimpleGrid>
          <Input.Wrapper label="Organisation model" mt="md" error={errors.model}>
            <div>
              <SegmentedControl
                readOnly={isReadOnly}
                value={draft.model}
                onChange={(model) => update({ model: model as OrganisationModel })}
                data={[
                  { value: 'territory', label: 'Territory' },
                  { value: 'specialised', label: 'Specialised' },
                  { value: 'mixed', label: 'Mixed' },
                ]}
              />
            </div>
          </Input.Wrapper>
        </Section>
        <Section title="Segment mix">
          <SegmentMixFields
            mix={draft.mix}
            segments={segments}
            errors={errors}
            isReadOnly={isReadOnly}
            onChange={setMix}
          />
        </Section>
        <Section title="Assignments">
          <AssignmentFields
            assignments={draft.assignments}
            model={draft.model}
            reps={reps}
            segments={mixSegments}
            errors={errors}
            isReadOnly={isReadOnly}
            onChange={setAssignments}
          />
        </Section>
        <Section title="Seasonality">
          <SeasonalityFields
            startMonth={draft.startMonth}
            kind={draft.seasonalityKind}
            weights={draft.weights}
            errors={errors}
            isReadOnly={isReadOnly}
            onChange={update}
          />
        </Section>
        <Section title="Activity norms">
          <NormsTable
            norms={draft.norms}
            segments={segments}
            activityTypes={reference.activityTypes}
            errors={errors}
            isReadOnly={isReadOnly}
            onChange={setNorms}
          />
        </Section>
        <ConflictAlert
          error={save.error}
          what="strategy"
          textOf={() => plainTextOf(draft)}
          onReload={reload}
        />
        {errors._form && (
          <Alert color="red" variant="light" icon={<AlertIcon />} title="Not saved" role="alert">
            {errors._form}
          </Alert>
        )}
        {Object.keys(errors).length > 0 && !errors._form && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            Some fields need a correction; they are marked above.
          </Alert>
        )}
        {!isReadOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {strategy ? 'Save strategy' : 'Create strategy'}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
