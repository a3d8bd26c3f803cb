import { NumberInput, TextInput } from '@mantine/core';
import { type TerritoryDetail, TerritoryInput } from '../../../schemas/reference';
import { blankToNull } from '../../components/form-errors';
import { useSchemaForm } from '../../components/useSchemaForm';
import { AdminFormFrame } from './AdminFormFrame';
import { AdminRecordPanel } from './AdminRecordPanel';
import { blankNumbers, conflictOnField, numberOf } from './admin-form';
import { useSaveAdminRecord } from './useAdmin';

type TerritoryValues = { name: string; externalId: string; potential: number | string };

function TerritoryForm({
  territory,
  onDone,
}: {
  territory: TerritoryDetail | null;
  onDone: () => void;
}) {
  const save = useSaveAdminRecord<TerritoryInput, TerritoryDetail>('territories');
  const { form, formError, onSubmit, showServerError } = useSchemaForm({
    schema: TerritoryInput,
    initialValues: {
      name: territory?.name ?? '',
      externalId: territory?.externalId ?? '',
      potential: territory?.potential ?? 1,
    } satisfies TerritoryValues as TerritoryValues,
    toInput: (values) => ({
      name: values.name,
      externalId: blankToNull(values.externalId),
      potential: numberOf(values.potential),
    }),
    check: (values) => blankNumbers(values, ['potential']),
  });
  return (
    <AdminFormFrame
      label="Territory"
      formError={formError}
      isSaving={save.isPending}
      onCancel={onDone}
      onSubmit={onSubmit((input) =>
        save.mutate(
          { id: territory?.id ?? null, input },
          {
            onSuccess: onDone,
            onError: (error) => showServerError(conflictOnField(error, 'name')),
          },
        ),
      )}
    >
      <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
      <NumberInput
        label="Potential"
        description="Relative size: the territory model of the strategy splits targets by it"
        required
        min={0}
        decimalScale={2}
        {...form.getInputProps('potential')}
      />
      <TextInput
        label="External id"
        description="Its id in your CRM, for imports"
        {...form.getInputProps('externalId')}
      />
    </AdminFormFrame>
  );
}

/** Sales territories: users and accounts are in one. */
export function TerritoriesPanel() {
  return (
    <AdminRecordPanel<TerritoryDetail>
      list="territories"
      noun="territory"
      description="Users and accounts belong to a territory. A territory anyone or any account is in cannot be deleted."
      idOf={(territory) => territory.id}
      nameOf={(territory) => territory.name}
      columns={[
        { header: 'Name', cell: (territory) => territory.name },
        { header: 'Potential', cell: (territory) => territory.potential, isNumeric: true },
        { header: 'External id', cell: (territory) => territory.externalId ?? '' },
      ]}
      renderForm={(territory, onDone) => <TerritoryForm territory={territory} onDone={onDone} />}
    />
  );
}
