import { useState } from 'react';
import { Anchor, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import type { Contact } from '../../../schemas/contacts';
import { PlusIcon } from '../../components/icons';
import { EmptyList, ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { ContactForm } from './ContactForm';
import { contactName, useContactList } from './useContacts';

type Editing = { contact?: Contact } | null;

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
        <Table verticalSpacing="xs" aria-label="Contacts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Reach</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((contact) => (
              <Table.Tr key={contact.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {contactName(contact)}
                  </Text>
                  {contact.title && (
                    <Text size="xs" c="dimmed">
                      {contact.title}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
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
                    {!contact.email && !contact.phone && (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEditing({ contact })}
                    aria-label={`Edit ${contactName(contact)}`}
                  >
                    Edit
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
