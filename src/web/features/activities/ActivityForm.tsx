import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ACTIVITY_STATUSES } from '../../../domain/activity';
import { type Activity, ActivityInput, type ActivityStatus } from '../../../schemas/activities';
import { DateField } from '../../components/DateField';
import { blankToNull } from '../../components/form-errors';
import { useSchemaForm } from '../../components/useSchemaForm';
import { AccountPicker } from '../accounts/AccountPicker';
import { contactName, useContactList } from '../contacts/useContacts';
import { useOpportunityList } from '../opportunities/useOpportunities';
import { OwnerSelect } from '../reference/OwnerSelect';
import { useReference } from '../reference/useReference';
import { useToday } from '../session/useSession';
import { ACTIVITY_STATUS_LABELS, useCreateActivity, useUpdateActivity } from './useActivities';

type ActivityFormValues = {
  type: string | null;
  status: ActivityStatus;
  occursOn: string | null;
  ownerId: string | null;
  accountId: string | null;
  accountName: string | null;
  opportunityId: string | null;
  contactId: string | null;
  subject: string;
  outcome: string;
};

/** What a new activity starts from, e.g. logged from an account or a deal. */
export type ActivityDefaults = {
  accountId?: string;
  accountName?: string;
  opportunityId?: string;
  status?: ActivityStatus;
  /** An activity type's key, e.g. 'call' for "Log a call". */
  type?: string;
};

function initialValues(
  activity: Activity | undefined,
  defaults: ActivityDefaults,
  today: string,
): ActivityFormValues {
  return {
    type: activity?.type ?? defaults.type ?? null,
    status: activity?.status ?? defaults.status ?? 'planned',
    occursOn: activity?.occursOn ?? today,
    ownerId: activity?.ownerId ?? null,
    accountId: activity?.accountId ?? defaults.accountId ?? null,
    accountName: activity?.accountName ?? defaults.accountName ?? null,
    opportunityId: activity?.opportunityId ?? defaults.opportunityId ?? null,
    contactId: activity?.contactId ?? null,
    subject: activity?.subject ?? '',
    outcome: activity?.outcome ?? '',
  };
}

/** Plans or logs an activity; edits one when `activity` is given. */
export function ActivityForm({
  activity,
  defaults = {},
  onSaved,
  onCancel,
}: {
  activity?: Activity;
  defaults?: ActivityDefaults;
  onSaved: (activity: Activity) => void;
  onCancel?: () => void;
}) {
  const reference = useReference();
  const today = useToday();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const { form, field, formError, onSubmit, showServerError } = useSchemaForm({
    schema: ActivityInput,
    initialValues: initialValues(activity, defaults, today),
    toInput: (values) => ({
      type: values.type ?? '',
      status: values.status,
      occursOn: values.occursOn ?? '',
      ownerId: values.ownerId ?? undefined,
      accountId: values.accountId ?? '',
      opportunityId: values.opportunityId,
      contactId: values.contactId,
      subject: values.subject,
      outcome: blankToNull(values.outcome),
    }),
  });
  const { values } = form;
  const isSaving = create.isPending || update.isPending;
  const isAccountFixed = Boolean(defaults.accountId) && !activity;
  // A quick log (type and account given) is ready to save: the save button takes the focus, so
  // the second click (or Enter) logs it.
  const isReadyToSave = !activity && Boolean(defaults.type) && Boolean(defaults.accountId);

  const byAccount = { accountId: values.accountId ?? '', pageSize: 200, order: 'asc' };
  const hasAccount = Boolean(values.accountId);
  const opportunities = useOpportunityList({ ...byAccount, sort: 'name' }, { enabled: hasAccount });
  const contacts = useContactList({ ...byAccount, sort: 'lastName' }, { enabled: hasAccount });

  function save(input: ActivityInput) {
    const callbacks = {
      onSuccess: (saved: Activity) => {
        notifications.show({
          color: 'green',
          title: activity
            ? 'Activity saved'
            : saved.status === 'done'
              ? 'Activity logged'
              : 'Activity planned',
          message: `${saved.typeLabel} · ${saved.accountName}`,
        });
        onSaved(saved);
      },
      onError: showServerError,
    };
    if (activity) update.mutate({ id: activity.id, patch: input }, callbacks);
    else create.mutate(input, callbacks);
  }

  return (
    <form
      onSubmit={onSubmit(save)}
      noValidate
      aria-label={activity ? 'Edit activity' : 'New activity'}
    >
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" title="The activity was not saved" role="alert">
            {formError}
          </Alert>
        )}
        <div>
          <Text size="sm" fw={500} mb={4} id="activity-status-label">
            Status
          </Text>
          <SegmentedControl
            aria-labelledby="activity-status-label"
            {...form.getInputProps('status', { withError: false })}
            data={ACTIVITY_STATUSES.map((status) => ({
              value: status,
              label: ACTIVITY_STATUS_LABELS[status],
            }))}
          />
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Type"
            required
            placeholder="Call, meeting…"
            data={(reference.data?.activityTypes ?? []).map((type) => ({
              value: type.key,
              label: type.label,
            }))}
            {...form.getInputProps('type')}
            data-autofocus={isReadyToSave || defaults.type ? undefined : true}
          />
          <DateField
            label={values.status === 'done' ? 'Happened on' : 'Planned for'}
            required
            clearable={false}
            {...field('occursOn')}
          />
        </SimpleGrid>
        <TextInput
          label="Subject"
          placeholder="e.g. First meeting with the CFO"
          {...form.getInputProps('subject')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <AccountPicker
            required
            clearable={false}
            disabled={isAccountFixed}
            autoFocus={!activity && Boolean(defaults.type) && !isAccountFixed}
            {...field('accountId')}
            selectedName={values.accountName}
            onChange={(accountId, accountName) =>
              form.setValues({
                accountId,
                accountName,
                // A deal or contact of another account no longer fits.
                opportunityId: null,
                contactId: null,
              })
            }
          />
          <OwnerSelect {...field('ownerId')} placeholder="Me" clearable={!activity} />
          <Select
            label="Opportunity"
            placeholder={hasAccount ? 'None' : 'Pick an account first'}
            disabled={!hasAccount}
            data={(opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            {...form.getInputProps('opportunityId')}
            clearable
            searchable
          />
          <Select
            label="Contact"
            placeholder={hasAccount ? 'None' : 'Pick an account first'}
            disabled={!hasAccount}
            data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: contactName(c) }))}
            {...form.getInputProps('contactId')}
            clearable
            searchable
          />
        </SimpleGrid>
        <Textarea
          label="Outcome"
          description={
            values.status === 'done' ? 'What came out of it, and what happens next' : undefined
          }
          autosize
          minRows={2}
          {...form.getInputProps('outcome')}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={isSaving}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={isSaving} data-autofocus={isReadyToSave || undefined}>
            {activity
              ? 'Save activity'
              : values.status === 'done'
                ? 'Log activity'
                : 'Plan activity'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
