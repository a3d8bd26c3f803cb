import { Badge, NumberInput, Select, TextInput } from '@mantine/core';
import { STAGE_KINDS } from '../../../domain/opportunity';
import { type Stage, StageInput } from '../../../schemas/reference';
import { useSchemaForm } from '../../components/useSchemaForm';
import { AdminFormFrame } from './AdminFormFrame';
import { AdminRecordPanel } from './AdminRecordPanel';
import { blankNumbers, conflictOnField, numberOf } from './admin-form';
import { useSaveAdminRecord } from './useAdmin';

const KIND_LABELS: Record<Stage['kind'], string> = { open: 'Open', won: 'Won', lost: 'Lost' };

type StageValues = {
  name: string;
  position: number | string;
  probabilityPercent: number | string;
  kind: Stage['kind'];
};

function StageForm({ stage, onDone }: { stage: Stage | null; onDone: () => void }) {
  const save = useSaveAdminRecord<StageInput, Stage>('stages');
  const { form, field, formError, onSubmit, showServerError } = useSchemaForm({
    schema: StageInput,
    initialValues: {
      name: stage?.name ?? '',
      position: stage?.position ?? '',
      probabilityPercent: stage?.probabilityPercent ?? '',
      kind: stage?.kind ?? 'open',
    } satisfies StageValues as StageValues,
    toInput: (values) => ({
      ...values,
      position: numberOf(values.position),
      probabilityPercent: numberOf(values.probabilityPercent),
    }),
    check: (values) => blankNumbers(values, ['position', 'probabilityPercent']),
  });
  return (
    <AdminFormFrame
      label="Pipeline stage"
      formError={formError}
      isSaving={save.isPending}
      onCancel={onDone}
      onSubmit={onSubmit((input) =>
        save.mutate(
          { id: stage?.id ?? null, input },
          {
            onSuccess: onDone,
            onError: (error) => showServerError(conflictOnField(error, 'name')),
          },
        ),
      )}
    >
      <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
      <NumberInput
        label="Order"
        description="Stages show in this order, lowest first"
        required
        allowDecimal={false}
        min={1}
        {...form.getInputProps('position')}
      />
      <NumberInput
        label="Probability (%)"
        description="Weights the pipeline; a won stage is 100, a lost one 0"
        required
        allowDecimal={false}
        min={0}
        max={100}
        {...form.getInputProps('probabilityPercent')}
      />
      <Select
        label="Kind"
        required
        allowDeselect={false}
        data={STAGE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
        {...field('kind')}
        onChange={(value) => field('kind').onChange((value ?? 'open') as Stage['kind'])}
      />
    </AdminFormFrame>
  );
}

/** The pipeline's stages, in order, with the probability that weights the pipeline. */
export function StagesPanel() {
  return (
    <AdminRecordPanel<Stage>
      list="stages"
      noun="stage"
      description="Every deal is in one stage. A stage with deals in it cannot be deleted, and the pipeline keeps at least one open, one won and one lost stage."
      idOf={(stage) => stage.id}
      nameOf={(stage) => stage.name}
      columns={[
        { header: 'Order', cell: (stage) => stage.position, isNumeric: true },
        { header: 'Name', cell: (stage) => stage.name },
        { header: 'Probability', cell: (stage) => `${stage.probabilityPercent}%`, isNumeric: true },
        {
          header: 'Kind',
          cell: (stage) => (
            <Badge variant="light" color={{ open: 'blue', won: 'green', lost: 'gray' }[stage.kind]}>
              {KIND_LABELS[stage.kind]}
            </Badge>
          ),
        },
      ]}
      renderForm={(stage, onDone) => <StageForm stage={stage} onDone={onDone} />}
    />
  );
}
