import { Badge, NumberInput, TextInput } from '@mantine/core';
import {
  type ActivityTypeDetail,
  ActivityTypeInput,
  ActivityTypePatch,
} from '../../../schemas/reference';
import { useSchemaForm } from '../../components/useSchemaForm';
import { AdminFormFrame } from './AdminFormFrame';
import { AdminRecordPanel } from './AdminRecordPanel';
import { blankNumbers, conflictOnField, numberOf } from './admin-form';
import { useSaveAdminRecord } from './useAdmin';

type ActivityTypeValues = {
  key: string;
  label: string;
  hours: number | string;
  position: number | string;
};

function ActivityTypeForm({
  activityType,
  onDone,
}: {
  activityType: ActivityTypeDetail | null;
  onDone: () => void;
}) {
  const save = useSaveAdminRecord<ActivityTypeInput | ActivityTypePatch, ActivityTypeDetail>(
    'activity-types',
  );
  // The key names the type in activities and imports: chosen once, then fixed.
  const { form, formError, onSubmit, showServerError } = useSchemaForm({
    schema: activityType ? ActivityTypePatch : ActivityTypeInput,
    initialValues: {
      key: activityType?.key ?? '',
      label: activityType?.label ?? '',
      hours: activityType?.hours ?? '',
      position: activityType?.position ?? 0,
    } satisfies ActivityTypeValues as ActivityTypeValues,
    toInput: (values) => ({
      ...values,
      hours: numberOf(values.hours),
      position: numberOf(values.position),
    }),
    check: (values) => blankNumbers(values, ['hours', 'position']),
  });
  return (
    <AdminFormFrame
      label="Activity type"
      formError={formError}
      isSaving={save.isPending}
      onCancel={onDone}
      onSubmit={onSubmit((input) =>
        save.mutate(
          { id: activityType?.key ?? null, input },
          { onSuccess: onDone, onError: (error) => showServerError(conflictOnField(error, 'key')) },
        ),
      )}
    >
      <TextInput
        label="Key"
        description="Lower-case letters, digits and _, e.g. site_visit; fixed once created"
        required
        disabled={activityType !== null}
        data-autofocus
        {...form.getInputProps('key')}
      />
      <TextInput label="Label" required {...form.getInputProps('label')} />
      <NumberInput
        label="Hours each"
        description="For the capacity check of activity plans"
        required
        min={0}
        max={40}
        decimalScale={2}
        {...form.getInputProps('hours')}
      />
      <NumberInput
        label="Order"
        required
        allowDecimal={false}
        min={0}
        {...form.getInputProps('position')}
      />
    </AdminFormFrame>
  );
}

/** The activity types reps log and plan; first_meeting is the funnel's own. */
export function ActivityTypesPanel() {
  return (
    <AdminRecordPanel<ActivityTypeDetail>
      list="activity-types"
      noun="activity type"
      description="The funnel counts first meetings, so that type is the system's: it can be relabelled, not deleted. A type any activity has cannot be deleted."
      idOf={(type) => type.key}
      nameOf={(type) => type.label}
      canDelete={(type) => !type.isSystem}
      columns={[
        { header: 'Order', cell: (type) => type.position, isNumeric: true },
        {
          header: 'Label',
          cell: (type) => (
            <>
              {type.label}{' '}
              {type.isSystem && (
                <Badge size="xs" variant="light" color="gray">
                  System
                </Badge>
              )}
            </>
          ),
        },
        { header: 'Key', cell: (type) => type.key },
        { header: 'Hours each', cell: (type) => type.hours, isNumeric: true },
      ]}
      renderForm={(type, onDone) => <ActivityTypeForm activityType={type} onDone={onDone} />}
    />
  );
}
