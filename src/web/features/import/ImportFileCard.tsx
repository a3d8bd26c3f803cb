import {
  Card,
  CloseButton,
  Group,
  ScrollArea,
  Select,
  SimpleGrid,
  Table,
  Text,
} from '@mantine/core';
import {
  type ColumnMap,
  type ImportEntity,
  importEntities,
  importFields,
} from '../../../schemas/import';

export type UploadedCsv = {
  id: string;
  name: string;
  content: string;
  entity: ImportEntity;
  columns: ColumnMap;
  headers: string[];
  rows: string[][];
  suggestedColumns: Partial<Record<ImportEntity, ColumnMap>>;
};

const ENTITY_LABELS: Record<ImportEntity, string> = {
  users: 'Users (reps, managers)',
  accounts: 'Accounts',
  contacts: 'Contacts',
  products: 'Products',
  opportunities: 'Opportunities',
  activities: 'Activities',
};

/** One uploaded file: what it holds, a preview of its first rows, and its column map. */
export function ImportFileCard({
  file,
  onChange,
  onRemove,
}: {
  file: UploadedCsv;
  onChange: (file: UploadedCsv) => void;
  onRemove: () => void;
}) {
  const headerOptions = file.headers.map((header) => ({ value: header, label: header }));
  return (
    <Card withBorder padding="md" aria-label={`File ${file.name}`}>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{file.name}</Text>
        <CloseButton aria-label={`Remove ${file.name}`} onClick={onRemove} />
      </Group>
      <Select
        label="This file holds"
        data={importEntities.map((entity) => ({ value: entity, label: ENTITY_LABELS[entity] }))}
        value={file.entity}
        allowDeselect={false}
        onChange={(value) => {
          const entity = (value ?? file.entity) as ImportEntity;
          onChange({ ...file, entity, columns: file.suggestedColumns[entity] ?? {} });
        }}
        maw={320}
        mb="md"
      />
      <ScrollArea mb="md">
        <Table striped withTableBorder aria-label={`Preview of ${file.name}`} fz="xs">
          <Table.Thead>
            <Table.Tr>
              {file.headers.map((header) => (
                <Table.Th key={header}>{header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.rows.map((row, index) => (
              <Table.Tr key={index}>
                {row.map((cell, cellIndex) => (
                  <Table.Td key={cellIndex}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
        {importFields[file.entity].map((field) => (
          <Select
            key={field}
            label={field}
            placeholder="Not in this file"
            data={headerOptions}
            value={file.columns[field] ?? null}
            clearable
            onChange={(header) => {
              const { [field]: _previous, ...others } = file.columns;
              onChange({ ...file, columns: header ? { ...others, [field]: header } : others });
            }}
          />
        ))}
      </SimpleGrid>
    </Card>
  );
}
