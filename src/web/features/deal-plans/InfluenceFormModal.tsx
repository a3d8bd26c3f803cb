import { useState } from 'react';
import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { BuyingInfluence, BuyingInfluenceInput } from '../../../schemas/deal-plans';
import { contactName, useContactList } from '../contacts/useContacts';
import { INFLUENCE_LABELS, MODE_LABELS, options, ROLE_LABELS } from './plan-labels';
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
  const [values, setValues] = useState<Values>(() => initialValues(influence, defaultRole));
  const [error, setError] = useState<string | null>(null);
  const save = usePlanWrite(opportunityId);
  const contacts = useContactList(
    { accountId: accountId ?? undefined, pageSize: 500, sort: 'lastName', order: 'asc' },
    { enabled: opened && !influence && Boolean(accountId) },
  );
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const contactOptions = (contacts.data?.items ?? [])
    .filter((c) => !takenContactIds.includes(c.id))
    .map((c) => ({ value: c.id, label: `${contactName(c)}${c.title ? ` — ${c.title}` : ''}` }));

  function submit() {
    setError(null);
    if (influence) {
      save.mutate(
        {
          method: 'PATCH',
          path: `/influences/${influence.id}`,
          body: {
            role: values.role,
            influence: values.influence,
            notes: values.notes,
            ...(values.responseMode ? { responseMode: values.responseMode } : {}),
          },
        },
        { onSuccess: onClose },
      );
      return;
    }
    const isNew = values.source === 'new';
    if (isNew ? !values.lastName.trim() : !values.contactId) {
      setError(isNew ? 'A last name is needed' : 'Pick a contact');
      return;
    }
    const body: BuyingInfluenceInput = {
      role: values.role,
      influence: values.influence,
      responseMode: values.responseMode,
      notes: values.notes,
      ...(isNew
        ? {
            newContact: {
              firstName: values.firstName,
              lastName: values.lastName,
              title: values.title,
            },
          }
        : { contactId: values.contactId ?? undefined }),
    };
    save.mutate({ method: 'POST', path: '/influences', body }, { onSuccess: onClose });
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={influence ? `Edit ${influence.contactName}` : 'Add a buying influence'}
      centered
      size="lg"
    >
      <Stack>
        {!influence && (
          <>
            <SegmentedControl
              value={values.source}
              onChange={(source) => set({ source: source as Values['source'] })}
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
                value={values.contactId}
                onChange={(contactId) => set({ contactId })}
                searchable
                nothingFoundMessage="No contact left: create a new one"
                error={error}
                comboboxProps={{ withinPortal: true }}
              />
            ) : (
              <SimpleGrid cols={3}>
                <TextInput
                  label="First name"
                  value={values.firstName}
                  onChange={(e) => set({ firstName: e.currentTarget.value })}
                />
                <TextInput
                  label="Last name"
                  required
                  value={values.lastName}
                  error={error}
                  onChange={(e) => set({ lastName: e.currentTarget.value })}
                />
                <TextInput
                  label="Job title"
                  value={values.title}
                  onChange={(e) => set({ title: e.currentTarget.value })}
                />
              </SimpleGrid>
            )}
          </>
        )}
        <SimpleGrid cols={2}>
          <Select
            label="Role"
            data={options(ROLE_LABELS)}
            value={values.role}
            allowDeselect={false}
            onChange={(role) => role && set({ role: role as Values['role'] })}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Response mode"
            description={influence ? 'A change is recorded with today’s date' : undefined}
            placeholder="Not known yet"
            data={options(MODE_LABELS)}
            value={values.responseMode}
            clearable={!influence}
            onChange={(mode) => set({ responseMode: (mode as Values['responseMode']) ?? null })}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Influence
          </Text>
          <SegmentedControl
            fullWidth
            value={values.influence}
            onChange={(level) => set({ influence: level as Values['influence'] })}
            data={options(INFLUENCE_LABELS)}
          />
        </div>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={values.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {influence ? 'Save' : 'Add to the map'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
