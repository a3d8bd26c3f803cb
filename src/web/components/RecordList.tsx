import { Fragment, type MouseEvent, type ReactNode } from 'react';
import {
  Anchor,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { LinkCell, LinkedRow } from './LinkedRow';
import { type SortOrder, SortableTh } from './SortableTh';
import { useIsPhone } from './useIsPhone';

/** One column of a record list: its header (the card's label too) and what a row shows in it. */
export type RecordColumn<Row, Field extends string = string> = {
  label: string;
  cell: (row: Row) => ReactNode;
  /** The list's sort key when the header sorts the list. */
  sortField?: Field;
  align?: 'right';
  /** One line in the table (dates, money, badges). */
  noWrap?: boolean;
  /** The card's whole width (a value with buttons of its own), not half of it. */
  isWide?: boolean;
};

export type RecordSorting<Field extends string> = {
  sort: string;
  order: SortOrder;
  onSort: (field: Field, order: SortOrder) => void;
};

type RecordListProps<Row, Field extends string> = {
  /** The table's and the card list's accessible name. */
  label: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The first column is the record's name: the table's first cell and the card's title. */
  columns: readonly [RecordColumn<Row, Field>, ...RecordColumn<Row, Field>[]];
  /** Where a row leads: its name becomes the link, and a click anywhere on it opens it. */
  rowLink?: (row: Row) => string;
  /** Buttons per row ("Mark done", "Edit"): the last column, the card's foot. */
  actions?: (row: Row) => ReactNode;
  sorting?: RecordSorting<Field>;
  /** Below this width the table scrolls sideways inside its card (tablets). */
  minWidth?: number;
  isDimmed?: boolean;
  striped?: boolean;
  /** Names each row's group ("Overdue", "Today"): a heading opens each run of rows in one group. */
  groupOf?: (row: Row) => string;
};

/** The group heading to show before `row`, if it opens a new run after `previous`. */
function groupHeading<Row>(row: Row, previous: Row | undefined, groupOf?: (row: Row) => string) {
  if (!groupOf) return undefined;
  const group = groupOf(row);
  return previous === undefined || groupOf(previous) !== group ? group : undefined;
}

/**
 * A list of records: a table on a desktop or tablet, a stack of cards on a phone, from one
 * description of the columns. Every list page uses it, so a phone never gets a desktop table in
 * a sideways scroll and each list keeps its links, sort and row actions on both.
 */
export function RecordList<Row, Field extends string = string>(props: RecordListProps<Row, Field>) {
  return useIsPhone() ? <RecordCards {...props} /> : <RecordTable {...props} />;
}

function RecordTable<Row, Field extends string>({
  label,
  rows,
  rowKey,
  columns,
  rowLink,
  actions,
  sorting,
  minWidth,
  isDimmed = false,
  striped = false,
  groupOf,
}: RecordListProps<Row, Field>) {
  const table = (
    <Table highlightOnHover striped={striped} verticalSpacing="sm" aria-label={label} tabularNums>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) =>
            sorting && column.sortField ? (
              <SortableTh
                key={column.label}
                field={column.sortField}
                label={column.label}
                align={column.align}
                {...sorting}
              />
            ) : (
              <Table.Th key={column.label} style={{ textAlign: column.align }}>
                {column.label}
              </Table.Th>
            ),
          )}
          {actions && (
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody style={{ opacity: isDimmed ? 0.6 : 1 }}>
        {rows.map((row, index) => {
          const to = rowLink?.(row);
          const heading = groupHeading(row, rows[index - 1], groupOf);
          const cells = columns.map((column, index) =>
            index === 0 && to ? (
              <LinkCell key={column.label} to={to}>
                {column.cell(row)}
              </LinkCell>
            ) : (
              <Table.Td
                key={column.label}
                style={{
                  textAlign: column.align,
                  whiteSpace: column.noWrap ? 'nowrap' : undefined,
                }}
              >
                {column.cell(row)}
              </Table.Td>
            ),
          );
          if (actions) {
            cells.push(
              <Table.Td key="actions" onClick={(event) => event.stopPropagation()}>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  {actions(row)}
                </Group>
              </Table.Td>,
            );
          }
          return (
            <Fragment key={rowKey(row)}>
              {heading !== undefined && (
                <Table.Tr>
                  <Table.Th colSpan={cells.length} scope="colgroup" bg="gray.0">
                    <Text size="sm" fw={600}>
                      {heading}
                    </Text>
                  </Table.Th>
                </Table.Tr>
              )}
              {to ? <LinkedRow to={to}>{cells}</LinkedRow> : <Table.Tr>{cells}</Table.Tr>}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? (
    <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>
  ) : (
    table
  );
}

/** A click on the card opens the record, unless it landed on a link or button of its own. */
function isOwnControl(event: MouseEvent) {
  return (event.target as HTMLElement).closest('a, button, input, [role="button"]') !== null;
}

function RecordCards<Row, Field extends string>({
  label,
  rows,
  rowKey,
  columns,
  rowLink,
  actions,
  sorting,
  isDimmed = false,
  groupOf,
}: RecordListProps<Row, Field>) {
  const navigate = useNavigate();
  const [titleColumn, ...detailColumns] = columns;
  return (
    <Stack gap="sm">
      {sorting && <CardSort columns={columns} sorting={sorting} />}
      <Stack
        component="ul"
        aria-label={label}
        gap="sm"
        m={0}
        p={0}
        style={{ listStyle: 'none', opacity: isDimmed ? 0.6 : 1 }}
      >
        {rows.map((row, index) => {
          const to = rowLink?.(row);
          const heading = groupHeading(row, rows[index - 1], groupOf);
          return (
            <Fragment key={rowKey(row)}>
              {heading !== undefined && (
                <li>
                  <Text size="sm" fw={600} mt={index === 0 ? 0 : 'xs'}>
                    {heading}
                  </Text>
                </li>
              )}
              <Card
                component="li"
                withBorder
                radius="md"
                padding="sm"
                onClick={to ? (event) => !isOwnControl(event) && navigate(to) : undefined}
                style={to ? { cursor: 'pointer' } : undefined}
              >
                <div style={{ overflowWrap: 'anywhere' }}>
                  {to ? (
                    <Anchor component={Link} to={to} fw={600}>
                      {titleColumn.cell(row)}
                    </Anchor>
                  ) : (
                    <Text component="div" fw={600} size="sm">
                      {titleColumn.cell(row)}
                    </Text>
                  )}
                </div>
                <SimpleGrid cols={2} spacing="sm" verticalSpacing={6} mt={6}>
                  {detailColumns.map((column) => (
                    <div
                      key={column.label}
                      style={{
                        minWidth: 0,
                        overflowWrap: 'anywhere',
                        gridColumn: column.isWide ? '1 / -1' : undefined,
                      }}
                    >
                      <Text size="xs" c="dimmed">
                        {column.label}
                      </Text>
                      <Text component="div" size="sm">
                        {column.cell(row)}
                      </Text>
                    </div>
                  ))}
                </SimpleGrid>
                {actions && (
                  <Group gap="xs" mt="sm" wrap="wrap">
                    {actions(row)}
                  </Group>
                )}
              </Card>
            </Fragment>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** The cards' sort: the table's sortable headers as a field and an order. */
function CardSort<Row, Field extends string>({
  columns,
  sorting,
}: {
  columns: readonly RecordColumn<Row, Field>[];
  sorting: RecordSorting<Field>;
}) {
  const fields = columns.flatMap((column) =>
    column.sortField ? [{ value: column.sortField, label: column.label }] : [],
  );
  if (fields.length === 0) return null;
  return (
    <Group gap="sm" grow>
      <Select
        label="Sort by"
        data={fields}
        value={sorting.sort}
        onChange={(field) => field && sorting.onSort(field as Field, sorting.order)}
        allowDeselect={false}
      />
      <Select
        label="Order"
        data={[
          { value: 'asc', label: 'Ascending' },
          { value: 'desc', label: 'Descending' },
        ]}
        value={sorting.order}
        onChange={(order) => order && sorting.onSort(sorting.sort as Field, order as SortOrder)}
        allowDeselect={false}
      />
    </Group>
  );
}
