import { useMemo } from 'react';
import { MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import {
  type BuyingInfluence,
  ObjectiveStatus,
  type SingleSalesObjective,
  SingleSalesObjectiveInput,
} from '../../../schemas/deal-plans';
import { DateField } from '../../components/DateField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { type DraftEdit, useReportDraft } from './plan-draft';
import { influenceLabel } from './plan-labels';
import { PlanFormActions } from './PlanSection';

export type ObjectiveValues = Omit<SingleSalesObjective, 'id' | 'position'>;

export const EMPTY_OBJECTIVE: ObjectiveValues = {
  title: '',
  who: [],
  whereWhen: '',
  informationToCollect: '',
  how: '',
  desiredOutcome: '',
  dueOn: null,
  status: 'open',
};

const DRAFT_ID = '00000000-0000-4000-8000-00000000d0a1';

/** One single sales objective's fields; the checks see them while the rep types. */
export function ObjectiveForm({
  objective,
  nextPosition,
  influences,
  isSaving,
  onSave,
  onCancel,
}: {
  objective?: SingleSalesObjective;
  nextPosition: number;
  influences: readonly BuyingInfluence[];
  isSaving: boolean;
  onSave: (input: SingleSalesObjectiveInput, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}) {
  const { form, formError, onSubmit, showServerError, field } = useSchemaForm({
    schema: SingleSalesObjectiveInput,
    initialValues: { ...EMPTY_OBJECTIVE, ...objective },
    toInput: ({
      title,
      who,
      whereWhen,
      informationToCollect,
      how,
      desiredOutcome,
      dueOn,
      status,
    }) => ({
      title,
      who,
      whereWhen,
      informationToCollect,
      how,
      desiredOutcome,
      dueOn,
      status,
    }),
  });
  const values = form.values;
  const draft = useMemo(
    (): DraftEdit => (plan) => ({
      ...plan,
      objectives: objective
        ? plan.objectives.map((o) => (o.id === objective.id ? { ...o, ...values } : o))
        : [...plan.objectives, { ...values, id: DRAFT_ID, position: nextPosition }],
    }),
    [objective, values, nextPosition],
  );
  useReportDraft(`objective-${objective?.id ?? 'new'}`, draft);
  const who = field('who');
  const dueOn = field('dueOn');
  const status = field('status');
  return (
    <form
      onSubmit={onSubmit((input) => onSave(input, showServerError))}
      noValidate
      aria-label={objective ? 'Edit objective' : 'New objective'}
    >
      <Stack gap="xs">
        <TextInput
          label="Objective"
          placeholder="e.g. CFO agrees the business case"
          {...form.getInputProps('title')}
          data-autofocus
        />
        <MultiSelect
          label="Who"
          placeholder="Buying influences this is about"
          data={influences.map((i) => ({ value: i.id, label: influenceLabel(i) }))}
          {...who}
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Where and when" {...form.getInputProps('whereWhen')} />
          <DateField label="Due date" {...dueOn} />
        </SimpleGrid>
        <Textarea
          label="Information to collect"
          autosize
          minRows={1}
          {...form.getInputProps('informationToCollect')}
        />
        <Textarea label="How" autosize minRows={1} {...form.getInputProps('how')} />
        <Textarea
          label="Desired outcome (measurable)"
          autosize
          minRows={1}
          {...form.getInputProps('desiredOutcome')}
        />
        {objective && (
          <Select
            label="Status"
            data={[
              { value: 'open', label: 'Open' },
              { value: 'achieved', label: 'Achieved' },
              { value: 'abandoned', label: 'Abandoned' },
            ]}
            value={status.value}
            error={status.error}
            allowDeselect={false}
            onChange={(value) => {
              const picked = ObjectiveStatus.safeParse(value);
              if (picked.success) status.onChange(picked.data);
            }}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <PlanFormActions
          saveLabel={objective ? 'Save objective' : 'Add objective'}
          isSaving={isSaving}
          formError={formError}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
