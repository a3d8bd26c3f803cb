import { Card, Table, Title } from '@mantine/core';
import type { Qualitative } from '../../../schemas/rep-plans';

/** The agreed qualitative part, read-only once the plan has left the draft. */
export function RepPlanQualitative({ qualitative }: { qualitative: Qualitative }) {
  if (qualitative.stages.length === 0) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Qualitative part
      </Title>
      <Table aria-label="Qualitative part" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="20%">Stage</Table.Th>
            <Table.Th>Sales methods</Table.Th>
            <Table.Th>Expected results</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {qualitative.stages.map((row) => (
            <Table.Tr key={row.stage}>
              <Table.Td>{row.stage}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{row.salesMethods}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{row.expectedResults}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
