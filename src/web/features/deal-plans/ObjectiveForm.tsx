import { useMemo, useState } from 'react';
import {
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  type BuyingInfluence,
  type SingleSalesObjective,
  SingleSalesObjectiveInput,
} from '../../../schemas/deal-plans';
import { DateField } from '../../components/DateField';
import { type DraftEdit, useReportDraft } from './plan-draft';
import { influenceLabel } from './plan-labels';

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
  onSave: (values: ObjectiveValues) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<ObjectiveValues>(objective ?? EMPTY_OBJECTIVE);
  const set = (patch: Partial<ObjectiveValues>) =>
    setValues((current) => ({ ...current, ...patch }));
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
  const parsed = SingleSalesObjectiveInput.safeParse(values);
  const issue = (field: string) =>
    parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === field)?.message;
  return (
    <Stack gap="xs">
      <TextInput
        label="Objective"
        placeholder="e.g. CFO agrees the business case"
        value={values.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={issue('title')}
        data-autofocus
      />
      <MultiSelect
        label="Who"
        placeholder="Buying influences this is about"
        data={influences.map((i) => ({ value: i.id, label: influenceLabel(i) }))}
        value={values.who}
        onChange={(who) => set({ who })}
        comboboxProps={{ withinPortal: true }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Where and when"
          value={values.whereWhen}
          onChange={(e) => set({ whereWhen: e.currentTarget.value })}
        />
        <DateField label="Due date" value={values.dueOn} onChange={(dueOn) => set({ dueOn })} />
      </SimpleGrid>
      <Textarea
        label="Information to collect"
        autosize
        minRows={1}
        value={values.informationToCollect}
        onChange={(e) => set({ informationToCollect: e.currentTarget.value })}
      />
      <Textarea
        label="How"
        autosize
        minRows={1}
        value={values.how}
        onChange={(e) => set({ how: e.currentTarget.value })}
      />
      <Textarea
        label="Desired outcome (measurable)"
        autosize
        minRows={1}
        value={values.desiredOutcome}
        onChange={(e) => set({ desiredOutcome: e.currentTarget.value })}
      />
      {objective && (
        <Select
          label="Status"
          data={[
            { value: 'open', label: 'Open' },
            { value: 'achieved', label: 'Achieved' },
            { value: 'abandoned', label: 'Abandoned' },
          ]}
          value={values.status}
          allowDeselect={false}
          onChange={(status) => status && set({ status: status as ObjectiveValues['status'] })}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          size="xs"
          disabled={!parsed.success}
          loading={isSaving}
          onClick={() => onSave(values)}
        >
          {objective ? 'Save objective' : 'Add objective'}
        </Button>
      </Group>
    </Stack>
  );
}
