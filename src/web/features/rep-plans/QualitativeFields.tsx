import { Table, Text, Textarea } from '@mantine/core';
import type { QualitativeRow } from './rep-plan-draft';

/** The qualitative part: per sales stage, the sales methods and the results expected. */
export function QualitativeFields({
  rows,
  onChange,
  error,
}: {
  rows: QualitativeRow[];
  onChange: (rows: QualitativeRow[]) => void;
  error?: string | undefined;
}) {
  const set = (index: number, next: Partial<QualitativeRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...next } : row)));
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No open sales stages are set up for the organisation yet.
      </Text>
    );
  }
  return (
    <>
      <Table aria-label="Qualitative part" layout="fixed" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="20%">Stage</Table.Th>
            <Table.Th>Sales methods</Table.Th>
            <Table.Th>Expected results</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={row.stage}>
              <Table.Td>{row.stage}</Table.Td>
              <Table.Td>
                <Textarea
                  aria-label={`Sales methods: ${row.stage}`}
                  autosize
                  minRows={1}
                  value={row.salesMethods}
                  onChange={(event) => set(index, { salesMethods: event.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <Textarea
                  aria-label={`Expected results: ${row.stage}`}
                  autosize
                  minRows={1}
                  value={row.expectedResults}
                  onChange={(event) => set(index, { expectedResults: event.currentTarget.value })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
    </>
  );
}
