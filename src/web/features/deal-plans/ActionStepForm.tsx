import { useMemo } from 'react';
import { Button, Group, Input, Rating, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  type ActionStep,
  ActionStepInput,
  ActionStepStatus,
  type DealPlanView,
} from '../../../schemas/deal-plans';
import { DateField } from '../../components/DateField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { OwnerSelect } from '../reference/OwnerSelect';
import { type DraftEdit, useReportDraft } from './plan-draft';
import {
  COMPETITOR_KIND_LABELS,
  influenceLabel,
  objectiveLabel,
  STEP_STATUS_LABELS,
  options,
} from './plan-labels';
import { PlanFormActions } from './PlanSection';

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
  onSave: (input: ActionStepInput, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}) {
  const initialValues: StepValues = {
    what: step?.what ?? '',
    ownerId: step ? step.ownerId : plan.ownerId,
    dueOn: step?.dueOn ?? null,
    status: step?.status ?? 'open',
    objectiveId: step
      ? step.objectiveId
      : (plan.objectives.find((o) => o.status === 'open')?.id ?? null),
    influenceId: step?.influenceId ?? null,
    competitorId: step?.competitorId ?? null,
    dependsOnStepId: step?.dependsOnStepId ?? null,
    confidence: step?.confidence ?? null,
  };
  const { form, formError, onSubmit, showServerError, field } = useSchemaForm({
    schema: ActionStepInput,
    initialValues,
    // No owner picked means the deal's owner (the API's default).
    toInput: (values) => ({ ...values, ownerId: values.ownerId ?? undefined }),
  });
  const values = form.values;
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
  const [ownerId, dueOn, confidence, objectiveId, dependsOnStepId, status] = [
    field('ownerId'),
    field('dueOn'),
    field('confidence'),
    field('objectiveId'),
    field('dependsOnStepId'),
    field('status'),
  ] as const;
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
    <form
      onSubmit={onSubmit((input) => onSave(input, showServerError))}
      noValidate
      aria-label={step ? 'Edit step' : 'New step'}
    >
      <Stack gap="xs">
        <TextInput
          label="What"
          placeholder="e.g. Send the CFO the business case"
          required
          {...form.getInputProps('what')}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <OwnerSelect
            value={ownerId.value}
            onChange={ownerId.onChange}
            clearable={false}
            placeholder="Deal owner"
          />
          <DateField label="Due date" {...dueOn} />
          <Input.Wrapper label="Confidence" error={confidence.error}>
            <Group gap="xs" mt={6}>
              <Rating
                count={5}
                value={confidence.value ?? 0}
                onChange={confidence.onChange}
                aria-label="Confidence"
              />
              {confidence.value !== null && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => confidence.onChange(null)}
                >
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
            {...objectiveId}
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
              form.setValues({
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
            {...dependsOnStepId}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        {step && (
          <Select
            label="Status"
            data={options(STEP_STATUS_LABELS)}
            value={status.value}
            error={status.error}
            allowDeselect={false}
            onChange={(value) => {
              const picked = ActionStepStatus.safeParse(value);
              if (picked.success) status.onChange(picked.data);
            }}
            comboboxProps={{ withinPortal: true }}
            w={200}
          />
        )}
        <PlanFormActions
          saveLabel={step ? 'Save step' : 'Add step'}
          isSaving={isSaving}
          formError={formError}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
