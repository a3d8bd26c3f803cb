import { Alert, Badge, Table } from '@mantine/core';
import type { Strategy } from '../../../schemas/strategies';
import { AlertIcon } from '../../components/icons';
import { formatWholeMoney } from '../../components/money';

type Cascade = Strategy['cascade'];
type Row = { key: string; label: string; cells: number[]; total: number };

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

// Beside the reps the reader may see, two rows keep every column summing to its segment's
// target: reps hidden from this reader (a rep sees only their own row), and what no rep carries.
function rowsOf(cascade: Cascade): Row[] {
  const reps: Row[] = cascade.reps.map((rep) => {
    const cells = cascade.segments.map(
      (segment) => rep.segments.find((s) => s.segmentId === segment.segmentId)?.targetMinor ?? 0,
    );
    return { key: rep.repId, label: rep.repName, cells, total: rep.targetMinor };
  });
  const notCarried = cascade.segments.map((s) => (s.coveredBy === 'none' ? s.targetMinor : 0));
  const otherReps = cascade.segments.map(
    (segment, column) =>
      segment.targetMinor -
      sum(reps.map((row) => row.cells[column] ?? 0)) -
      (notCarried[column] ?? 0),
  );
  const extra: Row[] = [
    { key: 'other-reps', label: 'Other reps', cells: otherReps, total: sum(otherReps) },
    { key: 'no-rep', label: 'No rep', cells: notCarried, total: sum(notCarried) },
  ];
  return [...reps, ...extra.filter((row) => row.cells.some((cell) => cell !== 0))];
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Per-rep, per-segment targets: rows and columns sum to the organisation target. */
export function CascadeTable({ strategy }: { strategy: Strategy }) {
  const { cascade, currency } = strategy;
  const money = (minor: number) => formatWholeMoney(minor, currency);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label="Targets by rep and segment" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rep</Table.Th>
            {cascade.segments.map((segment) => (
              <Table.Th key={segment.segmentId} ta="right">
                {segment.name} ({percent(segment.share)})
                {segment.coveredBy === 'none' && (
                  <Badge ml={4} color="red" size="xs">
                    no rep
                  </Badge>
                )}
              </Table.Th>
            ))}
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rowsOf(cascade).map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td
                fs={row.key === 'no-rep' || row.key === 'other-reps' ? 'italic' : undefined}
              >
                {row.label}
              </Table.Td>
              {row.cells.map((cell, column) => (
                <Table.Td key={cascade.segments[column]?.segmentId ?? column} ta="right">
                  {money(cell)}
                </Table.Td>
              ))}
              <Table.Td ta="right">{money(row.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>Organisation</Table.Th>
            {cascade.segments.map((segment) => (
              <Table.Th key={segment.segmentId} ta="right">
                {money(segment.targetMinor)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{money(cascade.targetMinor)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Names the mix segments no rep holds, and the amount nobody carries. */
export function UncoveredSegmentsAlert({ strategy }: { strategy: Strategy }) {
  const { cascade, currency, model } = strategy;
  const uncovered = cascade.segments.filter((s) => cascade.uncoveredSegments.includes(s.segmentId));
  if (uncovered.length === 0) return null;
  const isOne = uncovered.length === 1;
  const amount = formatWholeMoney(sum(uncovered.map((s) => s.targetMinor)), currency);
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} title="Uncovered segments">
      {uncovered.map((s) => s.name).join(', ')} {isOne ? 'has' : 'have'} no rep: {amount} is not
      carried by anyone. Assign a rep to {isOne ? 'it' : 'them'}
      {model === 'specialised' ? '' : ', or give a rep a share of the whole mix'}.
    </Alert>
  );
}
