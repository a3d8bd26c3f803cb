import {
  Badge,
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
  fieldLabelsOf,
  importEntities,
} from '../../../schemas/import';

export type UploadedCsv = {
  id: string;
  file: File;
  entity: ImportEntity;
  columns: ColumnMap;
  /** The column map is the one this user last imported this entity with. */
  isRememberedMapping: boolean;
  headers: string[];
  rows: string[][];
  suggestedColumns: Partial<Record<ImportEntity, ColumnMap>>;
};

export const ENTITY_LABELS: Record<ImportEntity, string> = {
  users: 'People (reps, managers)',
  accounts: 'Accounts',
  contacts: 'Contacts',
  products: 'Products',
  opportunities: 'Deals (opportunities)',
  activities: 'Activities',
};

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** One chosen file: what it holds, a preview of its first rows, and which column is which field. */
export function ImportFileCard({
  file,
  onEntityChange,
  onColumnsChange,
  onRemove,
}: {
  file: UploadedCsv;
  onEntityChange: (entity: ImportEntity) => void;
  onColumnsChange: (columns: ColumnMap) => void;
  onRemove: () => void;
}) {
  const name = file.file.name;
  const headerOptions = file.headers.map((header) => ({ value: header, label: header }));
  return (
    <Card withBorder padding="md" aria-label={`File ${name}`}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {name}{' '}
          <Text span c="dimmed" size="sm">
            {sizeOf(file.file.size)}
          </Text>
        </Text>
        <CloseButton aria-label={`Remove ${name}`} onClick={onRemove} />
      </Group>
      <Select
        label="This file holds"
        data={importEntities.map((entity) => ({ value: entity, label: ENTITY_LABELS[entity] }))}
        value={file.entity}
        allowDeselect={false}
        onChange={(value) => {
          const entity = importEntities.find((candidate) => candidate === value);
          if (entity) onEntityChange(entity);
        }}
        maw={320}
        mb="md"
      />
      <ScrollArea mb="md">
        <Table striped withTableBorder aria-label={`Preview of ${name}`} fz="xs">
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
      <Group gap="xs" mb="xs">
        <Text fw={600} size="sm">
          Which column is which
        </Text>
        {file.isRememberedMapping && (
          <Badge variant="light" color="teal" size="sm">
            As in your last import
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
        {fieldLabelsOf(file.entity).map(([field, label]) => (
          <Select
            key={field}
            label={label.label}
            description={label.hint}
            placeholder="Not in this file"
            data={headerOptions}
            value={file.columns[field] ?? null}
            clearable
            onChange={(header) => {
              const { [field]: _previous, ...others } = file.columns;
              onColumnsChange(header ? { ...others, [field]: header } : others);
            }}
          />
        ))}
      </SimpleGrid>
    </Card>
  );
}
