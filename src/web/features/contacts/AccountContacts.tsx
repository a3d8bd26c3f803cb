import { useState } from 'react';
import { Anchor, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import type { Contact } from '../../../schemas/contacts';
import { PlusIcon } from '../../components/icons';
import { EmptyList, ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { RecordList } from '../../components/RecordList';
import { ContactForm } from './ContactForm';
import { contactName, useContactList } from './useContacts';

type Editing = { contact?: Contact } | null;

/** A contact's email and phone as links; a long address breaks rather than pushing Edit out. */
function ContactReach({ contact }: { contact: Contact }) {
  if (!contact.email && !contact.phone) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={0} style={{ overflowWrap: 'anywhere' }}>
      {contact.email && (
        <Anchor href={`mailto:${contact.email}`} size="sm">
          {contact.email}
        </Anchor>
      )}
      {contact.phone && (
        <Anchor href={`tel:${contact.phone}`} size="sm">
          {contact.phone}
        </Anchor>
      )}
    </Stack>
  );
}

/** An account's contacts, with add and edit in a modal. */
export function AccountContacts({ accountId }: { accountId: string }) {
  const [editing, setEditing] = useState<Editing>(null);
  const list = useContactList({ accountId, pageSize: 100, sort: 'lastName', order: 'asc' });
  const close = () => setEditing(null);

  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Contacts
          {list.data ? (
            <Text span c="dimmed" fw={400} ml={6}>
              {list.data.total}
            </Text>
          ) : null}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<PlusIcon size={14} />}
          onClick={() => setEditing({})}
        >
          Add contact
        </Button>
      </Group>
      {list.isPending ? (
        <TableSkeleton columns={3} rows={3} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyList
          title="No contacts yet"
          description="Add the people you deal with: they become the buying influences of your deal plans."
        />
      ) : (
        <RecordList
          label="Contacts"
          rows={list.data.items}
          rowKey={(contact) => contact.id}
          columns={[
            {
              label: 'Name',
              cell: (contact) => (
                <>
                  <Text size="sm" fw={600}>
                    {contactName(contact)}
                  </Text>
                  {contact.title && (
                    <Text size="xs" c="dimmed" fw={400}>
                      {contact.title}
                    </Text>
                  )}
                </>
              ),
            },
            { label: 'Reach', cell: (contact) => <ContactReach contact={contact} /> },
          ]}
          actions={(contact) => (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => setEditing({ contact })}
              aria-label={`Edit ${contactName(contact)}`}
            >
              Edit
            </Button>
          )}
        />
      )}
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing?.contact ? 'Edit contact' : 'Add contact'}
        size="lg"
        centered
      >
        {editing && (
          <ContactForm
            accountId={accountId}
            contact={editing.contact}
            onSaved={close}
            onCancel={close}
          />
        )}
      </Modal>
    </Card>
  );
}
