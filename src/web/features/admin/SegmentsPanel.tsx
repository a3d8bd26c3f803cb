import { Textarea, TextInput } from '@mantine/core';
import { type Segment, SegmentInput } from '../../../schemas/reference';
import { useSchemaForm } from '../../components/useSchemaForm';
import { AdminFormFrame } from './AdminFormFrame';
import { AdminRecordPanel } from './AdminRecordPanel';
import { conflictOnField } from './admin-form';
import { useSaveAdminRecord } from './useAdmin';

function SegmentForm({ segment, onDone }: { segment: Segment | null; onDone: () => void }) {
  const save = useSaveAdminRecord<SegmentInput, Segment>('segments');
  const { form, formError, onSubmit, showServerError } = useSchemaForm({
    schema: SegmentInput,
    initialValues: {
      code: segment?.code ?? '',
      name: segment?.name ?? '',
      description: segment?.description ?? '',
    },
    toInput: (values) => values,
  });
  return (
    <AdminFormFrame
      label="Segment"
      formError={formError}
      isSaving={save.isPending}
      onCancel={onDone}
      onSubmit={onSubmit((input) =>
        save.mutate(
          { id: segment?.id ?? null, input },
          {
            onSuccess: onDone,
            onError: (error) => showServerError(conflictOnField(error, 'code')),
          },
        ),
      )}
    >
      <TextInput
        label="Code"
        description="Short and unique, e.g. A, B, C"
        required
        data-autofocus
        {...form.getInputProps('code')}
      />
      <TextInput label="Name" required {...form.getInputProps('name')} />
      <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
    </AdminFormFrame>
  );
}

/** Account segments: the strategy's segment mix and the activity norms are per segment. */
export function SegmentsPanel() {
  return (
    <AdminRecordPanel<Segment>
      list="segments"
      noun="segment"
      description="Accounts belong to a segment (set on the account). A segment with accounts, or used by a strategy, cannot be deleted."
      idOf={(segment) => segment.id}
      nameOf={(segment) => `${segment.code} ${segment.name}`}
      columns={[
        { header: 'Code', cell: (segment) => segment.code },
        { header: 'Name', cell: (segment) => segment.name },
        { header: 'Description', cell: (segment) => segment.description },
      ]}
      renderForm={(segment, onDone) => <SegmentForm segment={segment} onDone={onDone} />}
    />
  );
}
