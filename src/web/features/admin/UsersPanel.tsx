import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { ROLES } from '../../../domain/roles';
import type { PasswordLinkUrl } from '../../../schemas/password-links';
import type { User } from '../../../schemas/users';
import { PlusIcon } from '../../components/icons';
import { ListPagination } from '../../components/ListPagination';
import { ListResults } from '../../components/ListResults';
import { SearchInput } from '../../components/SearchInput';
import { useReference } from '../reference/useReference';
import { OneTimeLink, UserActions } from './UserActions';
import { ROLE_LABELS, UserForm } from './UserForm';
import { useAdminUsers } from './useAdmin';

const PAGE_SIZE = 25;

function StatusBadge({ user }: { user: User }) {
  if (!user.isActive)
    return (
      <Badge variant="light" color="gray">
        Deactivated
      </Badge>
    );
  if (!user.canSignIn)
    return (
      <Badge variant="light" color="orange">
        No password
      </Badge>
    );
  return (
    <Badge variant="light" color="green">
      Active
    </Badge>
  );
}

type Editing = { user: User | null } | { created: User; link: PasswordLinkUrl | null };

/** Everyone in the organisation: create, change role, manager and territory, (de)activate. */
export function UsersPanel() {
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const users = useAdminUsers({ q, role: role ?? undefined, page, pageSize: PAGE_SIZE });
  const reference = useReference();
  const [editing, setEditing] = useState<Editing | null>(null);
  const territoryName = (id: string | null) =>
    reference.data?.territories.find((t) => t.id === id)?.name ?? '';
  const close = () => setEditing(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <SearchInput
            value={q}
            onSearch={(value) => {
              setQ(value);
              setPage(1);
            }}
            label="Search users"
            placeholder="Name or email"
          />
          <Select
            label="Role"
            placeholder="All roles"
            clearable
            data={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
            value={role}
            onChange={(value) => {
              setRole(value);
              setPage(1);
            }}
            w={160}
          />
        </Group>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing({ user: null })}>
          New user
        </Button>
      </Group>
      <Card withBorder radius="md" padding="md">
        <ListResults
          query={users}
          columns={6}
          hasFilters={q !== '' || role !== null}
          onClearFilters={() => {
            setQ('');
            setRole(null);
          }}
          noMatch={{ title: 'No user matches', description: 'Try another name, email or role.' }}
          empty={{ title: 'No users', description: 'Create the first user.' }}
        >
          {(result) => (
            <>
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="sm" aria-label="Users">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Role</Table.Th>
                      <Table.Th>Manager</Table.Th>
                      <Table.Th>Territory</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>Actions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((user) => (
                      <Table.Tr key={user.id}>
                        <Table.Td>
                          <Text fw={600} size="sm">
                            {user.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {user.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
                        <Table.Td>{user.managerName ?? ''}</Table.Td>
                        <Table.Td>{territoryName(user.territoryId)}</Table.Td>
                        <Table.Td>
                          <StatusBadge user={user} />
                        </Table.Td>
                        <Table.Td>
                          <UserActions user={user} onEdit={() => setEditing({ user })} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ListPagination
                page={page}
                pageSize={PAGE_SIZE}
                total={result.total}
                onPageChange={setPage}
                noun="users"
              />
            </>
          )}
        </ListResults>
      </Card>
      <Modal
        opened={editing !== null}
        onClose={close}
        title={
          editing && 'created' in editing
            ? `${editing.created.name} is created`
            : editing?.user
              ? `Edit ${editing.user.name}`
              : 'New user'
        }
        centered
      >
        {editing && 'created' in editing ? (
          <Stack gap="md">
            {editing.link ? (
              <OneTimeLink user={editing.created} link={editing.link} />
            ) : (
              <Text>
                {editing.created.name} cannot sign in yet: make them a set-password link (More →
                Set-password link) when they need one.
              </Text>
            )}
            <Group justify="flex-end">
              <Button onClick={close}>Done</Button>
            </Group>
          </Stack>
        ) : (
          editing && (
            <UserForm
              user={editing.user}
              onDone={close}
              onCreated={(created, link) => setEditing({ created, link })}
            />
          )
        )}
      </Modal>
    </Stack>
  );
}
