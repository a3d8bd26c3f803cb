import { useState } from 'react';
import { Button, Card, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { DeleteButton } from '../../components/DeleteButton';
import { PlusIcon } from '../../components/icons';
import { ListResults } from '../../components/ListResults';
import { type AdminList, useAdminList, useDeleteAdminRecord } from './useAdmin';

export type AdminColumn<Item> = {
  header: string;
  cell: (item: Item) => React.ReactNode;
  isNumeric?: boolean;
};

/**
 * One admin list (stages, segments, territories, activity types, products): a table of the
 * records, a "New" button and an "Edit" per row opening the feature's form in a modal, and a
 * delete that asks first and shows the server's reason when the record is still in use.
 */
export function AdminRecordPanel<Item>({
  list,
  noun,
  description,
  columns,
  idOf,
  nameOf,
  renderForm,
  canDelete = () => true,
}: {
  list: AdminList;
  noun: string;
  description: React.ReactNode;
  columns: AdminColumn<Item>[];
  idOf: (item: Item) => string;
  nameOf: (item: Item) => string;
  renderForm: (item: Item | null, onDone: () => void) => React.ReactNode;
  canDelete?: (item: Item) => boolean;
}) {
  const records = useAdminList<Item>(list);
  const [editing, setEditing] = useState<{ item: Item | null } | null>(null);
  const close = () => setEditing(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text c="dimmed" maw={640}>
          {description}
        </Text>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing({ item: null })}>
          New {noun}
        </Button>
      </Group>
      <Card withBorder radius="md" padding="md">
        <ListResults
          query={records}
          columns={columns.length + 1}
          rows={4}
          empty={{ title: `No ${noun}s yet`, description: `Add the first ${noun}.` }}
        >
          {(page) => (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm" aria-label={`${noun[0]?.toUpperCase()}${noun.slice(1)}s`}>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((column) => (
                      <Table.Th
                        key={column.header}
                        style={column.isNumeric ? { textAlign: 'right' } : undefined}
                      >
                        {column.header}
                      </Table.Th>
                    ))}
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((item) => (
                    <Table.Tr key={idOf(item)}>
                      {columns.map((column) => (
                        <Table.Td
                          key={column.header}
                          style={column.isNumeric ? { textAlign: 'right' } : undefined}
                        >
                          {column.cell(item)}
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => setEditing({ item })}
                            aria-label={`Edit ${nameOf(item)}`}
                          >
                            Edit
                          </Button>
                          {canDelete(item) && (
                            <DeleteRecordButton list={list} id={idOf(item)} name={nameOf(item)} />
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListResults>
      </Card>
      <Modal
        opened={editing !== null}
        onClose={close}
        title={editing?.item ? `Edit ${nameOf(editing.item)}` : `New ${noun}`}
        centered
      >
        {editing && renderForm(editing.item, close)}
      </Modal>
    </Stack>
  );
}

function DeleteRecordButton({ list, id, name }: { list: AdminList; id: string; name: string }) {
  const remove = useDeleteAdminRecord(list);
  return (
    <DeleteButton
      label="Delete"
      title={`Delete ${name}?`}
      description="Records still using it keep it: the server refuses and says which."
      onConfirm={() => remove.mutate(id)}
      isPending={remove.isPending}
      error={remove.error}
      onOpen={() => remove.reset()}
    />
  );
}
