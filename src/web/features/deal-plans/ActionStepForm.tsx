import { useMemo, useState } from 'react';
import { Button, Group, Input, Rating, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type ActionStep, ActionStepInput, type DealPlanView } from '../../../schemas/deal-plans';
import { DateField } from '../../components/DateField';
import { OwnerSelect } from '../reference/OwnerSelect';
import { type DraftEdit, useReportDraft } from './plan-draft';
import {
  COMPETITOR_KIND_LABELS,
  influenceLabel,
  objectiveLabel,
  STEP_STATUS_LABELS,
  options,
} from './plan-labels';

export type StepValues = Pick<
  ActionStep,
  | 'what'
  | 'ownerId'
  | 'dueOn'
  | 'status'
  | 'objectiveId'
  | 'influenceId'
  | 'competitorId'
  | 'dependsOnStepId'
  | 'confidence'
>;

const DRAFT_ID = '00000000-0000-4000-8000-00000000d0b1';

/** An action step's fields; the checks see them while the rep types. */
export function ActionStepForm({
  step,
  plan,
  isSaving,
  onSave,
  onCancel,
}: {
  step?: ActionStep;
  plan: Pick<DealPlanView, 'objectives' | 'influences' | 'competition' | 'steps' | 'ownerId'>;
  isSaving: boolean;
  onSave: (values: StepValues) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<StepValues>(
    step ?? {
      what: '',
      ownerId: plan.ownerId,
      dueOn: null,
      status: 'open',
      objectiveId: plan.objectives.find((o) => o.status === 'open')?.id ?? null,
      influenceId: null,
      competitorId: null,
      dependsOnStepId: null,
      confidence: null,
    },
  );
  const set = (patch: Partial<StepValues>) => setValues((current) => ({ ...current, ...patch }));
  const position = (plan.steps.at(-1)?.position ?? 0) + 1;
  const draft = useMemo(
    (): DraftEdit => (current) => ({
      ...current,
      steps: step
        ? current.steps.map((s) => (s.id === step.id ? { ...s, ...values } : s))
        : [
            ...current.steps,
            {
              ...values,
              id: DRAFT_ID,
              position,
              ownerName: null,
              completedOn: null,
              activityId: null,
            },
          ],
    }),
    [step, values, position],
  );
  useReportDraft(`step-${step?.id ?? 'new'}`, draft);
  const parsed = ActionStepInput.safeParse({ ...values, ownerId: values.ownerId ?? undefined });
  const target = values.influenceId
    ? `influence:${values.influenceId}`
    : values.competitorId
      ? `competitor:${values.competitorId}`
      : null;
  const targets = [
    ...plan.influences.map((i) => ({ value: `influence:${i.id}`, label: influenceLabel(i) })),
    ...plan.competition.map((c) => ({
      value: `competitor:${c.id}`,
      label: c.name || COMPETITOR_KIND_LABELS[c.kind],
    })),
  ];
  return (
    <Stack gap="xs">
      <TextInput
        label="What"
        placeholder="e.g. Send the CFO the business case"
        required
        value={values.what}
        onChange={(e) => set({ what: e.currentTarget.value })}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <OwnerSelect
          value={values.ownerId}
          onChange={(ownerId) => set({ ownerId })}
          clearable={false}
          placeholder="Deal owner"
        />
        <DateField label="Due date" value={values.dueOn} onChange={(dueOn) => set({ dueOn })} />
        <Input.Wrapper label="Confidence">
          <Group gap="xs" mt={6}>
            <Rating
              count={5}
              value={values.confidence ?? 0}
              onChange={(confidence) => set({ confidence })}
              aria-label="Confidence"
            />
            {values.confidence !== null && (
              <Button size="compact-xs" variant="subtle" onClick={() => set({ confidence: null })}>
                Clear
              </Button>
            )}
          </Group>
        </Input.Wrapper>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Objective served"
          placeholder="None"
          data={plan.objectives.map((o) => ({ value: o.id, label: objectiveLabel(o) }))}
          value={values.objectiveId}
          onChange={(objectiveId) => set({ objectiveId })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Aimed at"
          placeholder="A buying influence or the competition"
          data={targets}
          value={target}
          onChange={(value) => {
            const [kind, id] = value?.split(':') ?? [];
            set({
              influenceId: kind === 'influence' ? (id ?? null) : null,
              competitorId: kind === 'competitor' ? (id ?? null) : null,
            });
          }}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Depends on"
          placeholder="No dependency"
          data={plan.steps
            .filter((s) => s.id !== step?.id)
            .map((s) => ({ value: s.id, label: `${s.position}. ${s.what}` }))}
          value={values.dependsOnStepId}
          onChange={(dependsOnStepId) => set({ dependsOnStepId })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {step && (
        <Select
          label="Status"
          data={options(STEP_STATUS_LABELS)}
          value={values.status}
          allowDeselect={false}
          onChange={(status) => status && set({ status: status as StepValues['status'] })}
          comboboxProps={{ withinPortal: true }}
          w={200}
        />
      )}
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          size="xs"
          disabled={!parsed.success}
          loading={isSaving}
          onClick={() => onSave(values)}
        >
          {step ? 'Save step' : 'Add step'}
        </Button>
      </Group>
    </Stack>
  );
}
