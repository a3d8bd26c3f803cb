import { Table, UnstyledButton } from '@mantine/core';
import { ChevronIcon } from './icons';

export type SortOrder = 'asc' | 'desc';

/** A column header that sorts the list; announces its state with aria-sort. */
export function SortableTh<Field extends string>({
  field,
  label,
  sort,
  order,
  onSort,
  align,
}: {
  field: Field;
  label: string;
  sort: string;
  order: SortOrder;
  onSort: (field: Field, order: SortOrder) => void;
  align?: 'left' | 'right';
}) {
  const isActive = sort === field;
  const next: SortOrder = isActive && order === 'asc' ? 'desc' : 'asc';
  return (
    <Table.Th
      aria-sort={isActive ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{ textAlign: align }}
    >
      <UnstyledButton
        onClick={() => onSort(field, next)}
        fw={600}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        {label}
        <span style={{ opacity: isActive ? 1 : 0.35 }}>
          <ChevronIcon
            size={14}
            direction={isActive ? (order === 'asc' ? 'up' : 'down') : 'both'}
          />
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
