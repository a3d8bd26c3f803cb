import {
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  type BuyingInfluence,
  BuyingInfluenceInput,
  BuyingInfluenceRole,
  InfluenceLevel,
  ResponseMode,
} from '../../../schemas/deal-plans';
import { useSchemaForm } from '../../components/useSchemaForm';
import { contactName, useContactList } from '../contacts/useContacts';
import { INFLUENCE_LABELS, MODE_LABELS, options, ROLE_LABELS } from './plan-labels';
import { PlanFormActions } from './PlanSection';
import { usePlanWrite } from './useDealPlan';

type Values = {
  source: 'existing' | 'new';
  contactId: string | null;
  firstName: string;
  lastName: string;
  title: string;
  role: BuyingInfluence['role'];
  influence: BuyingInfluence['influence'];
  responseMode: BuyingInfluence['responseMode'];
  notes: string;
};

function initialValues(
  influence: BuyingInfluence | undefined,
  role: BuyingInfluence['role'],
): Values {
  return {
    source: 'existing',
    contactId: influence?.contactId ?? null,
    firstName: '',
    lastName: '',
    title: '',
    role: influence?.role ?? role,
    influence: influence?.influence ?? 'medium',
    responseMode: influence?.responseMode ?? null,
    notes: influence?.notes ?? '',
  };
}

/** Adds a buying influence (a contact of the account, or a new one) or changes one. */
export function InfluenceFormModal({
  opportunityId,
  accountId,
  influence,
  defaultRole = 'economic',
  takenContactIds,
  opened,
  onClose,
}: {
  opportunityId: string;
  accountId: string | null;
  influence?: BuyingInfluence;
  defaultRole?: BuyingInfluence['role'];
  takenContactIds: readonly string[];
  opened: boolean;
  onClose: () => void;
}) {
  const { form, formError, onSubmit, showServerError, field } = useSchemaForm({
    schema: BuyingInfluenceInput,
    initialValues: initialValues(influence, defaultRole),
    toInput: (values) => ({
      role: values.role,
      influence: values.influence,
      responseMode: values.responseMode,
      notes: values.notes,
      ...(influence
        ? {}
        : values.source === 'new'
          ? {
              newContact: {
                firstName: values.firstName,
                lastName: values.lastName,
                title: values.title,
              },
            }
          : { contactId: values.contactId ?? undefined }),
    }),
    renamed: {
      newContact: 'lastName',
      'newContact.firstName': 'firstName',
      'newContact.lastName': 'lastName',
      'newContact.title': 'title',
    },
    // The API takes a contact or a new one; which of the two is the form's own choice.
    check: (values) =>
      !influence && values.source === 'existing' && !values.contactId
        ? { contactId: 'Pick a contact' }
        : {},
  });
  const values = form.values;
  const save = usePlanWrite(opportunityId);
  const contacts = useContactList(
    { accountId: accountId ?? undefined, pageSize: 500, sort: 'lastName', order: 'asc' },
    { enabled: opened && !influence && Boolean(accountId) },
  );
  const contactOptions = (contacts.data?.items ?? [])
    .filter((c) => !takenContactIds.includes(c.id))
    .map((c) => ({ value: c.id, label: `${contactName(c)}${c.title ? ` — ${c.title}` : ''}` }));
  const [contactId, role, responseMode, level] = [
    field('contactId'),
    field('role'),
    field('responseMode'),
    field('influence'),
  ] as const;

  function submit(input: BuyingInfluenceInput) {
    const callbacks = { onSuccess: onClose, onError: showServerError };
    if (!influence) {
      save.mutate({ method: 'POST', path: '/influences', body: input }, callbacks);
      return;
    }
    // A response mode is never cleared, only changed (with today's date).
    const { responseMode: mode, role: newRole, influence: newLevel, notes } = input;
    save.mutate(
      {
        method: 'PATCH',
        path: `/influences/${influence.id}`,
        body: {
          role: newRole,
          influence: newLevel,
          notes,
          ...(mode ? { responseMode: mode } : {}),
        },
      },
      callbacks,
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={influence ? `Edit ${influence.contactName}` : 'Add a buying influence'}
      centered
      size="lg"
    >
      <form onSubmit={onSubmit(submit)} noValidate aria-label="Buying influence">
        <Stack>
          {!influence && (
            <>
              <SegmentedControl
                value={values.source}
                onChange={(source) =>
                  form.setFieldValue('source', source === 'new' ? 'new' : 'existing')
                }
                data={[
                  { value: 'existing', label: 'Contact of the account' },
                  { value: 'new', label: 'New contact' },
                ]}
              />
              {values.source === 'existing' ? (
                <Select
                  label="Contact"
                  placeholder={accountId ? 'Pick a contact' : 'Link the deal to an account first'}
                  data={contactOptions}
                  {...contactId}
                  searchable
                  nothingFoundMessage="No contact left: create a new one"
                  comboboxProps={{ withinPortal: true }}
                />
              ) : (
                <SimpleGrid cols={3}>
                  <TextInput label="First name" {...form.getInputProps('firstName')} />
                  <TextInput label="Last name" required {...form.getInputProps('lastName')} />
                  <TextInput label="Job title" {...form.getInputProps('title')} />
                </SimpleGrid>
              )}
            </>
          )}
          <SimpleGrid cols={2}>
            <Select
              label="Role"
              data={options(ROLE_LABELS)}
              value={role.value}
              error={role.error}
              allowDeselect={false}
              onChange={(value) => {
                const picked = BuyingInfluenceRole.safeParse(value);
                if (picked.success) role.onChange(picked.data);
              }}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label="Response mode"
              description={influence ? 'A change is recorded with today’s date' : undefined}
              placeholder="Not known yet"
              data={options(MODE_LABELS)}
              value={responseMode.value}
              error={responseMode.error}
              clearable={!influence}
              onChange={(value) => {
                const picked = ResponseMode.safeParse(value);
                responseMode.onChange(picked.success ? picked.data : null);
              }}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} mb={4}>
              Influence
            </Text>
            <SegmentedControl
              fullWidth
              value={level.value}
              onChange={(value) => {
                const picked = InfluenceLevel.safeParse(value);
                if (picked.success) level.onChange(picked.data);
              }}
              data={options(INFLUENCE_LABELS)}
            />
          </div>
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          <PlanFormActions
            saveLabel={influence ? 'Save' : 'Add to the map'}
            isSaving={save.isPending}
            formError={formError}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
