import { Alert, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportReport, StageMap } from '../../../schemas/import';

// A browser table of 100,000 rows helps nobody; the CLI's --json lists them all.
const PROBLEMS_SHOWN = 1000;

const STATUS_TEXT: Record<ImportReport['status'], string> = {
  imported: 'Imported.',
  dry_run: 'Dry run: nothing was saved. Import when the figures look right.',
  rejected: 'Some rows have problems: nothing was saved. Fix them, or import the other rows.',
};

/** Counts per entity, the quirks handled, every problem, and a map for unknown stages. */
export function ImportReportView({
  report,
  stageNames,
  stageMap,
  onStageMapChange,
}: {
  report: ImportReport;
  stageNames: string[];
  stageMap: StageMap;
  onStageMapChange: (stageMap: StageMap) => void;
}) {
  const unknownStages = report.notes
    .filter((note) => note.code.startsWith('unknown-stage:'))
    .map((note) => note.code.slice('unknown-stage:'.length));
  return (
    <Stack gap="md">
      <Alert
        color={
          report.status === 'rejected' ? 'red' : report.status === 'imported' ? 'green' : 'blue'
        }
      >
        {STATUS_TEXT[report.status]}
      </Alert>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder aria-label="Import counts">
          <Table.Thead>
            <Table.Tr>
              {['', 'Read', 'New', 'Changed', 'Unchanged', 'Rejected'].map((header) => (
                <Table.Th key={header}>{header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(report.counts).map(([entity, counts]) => (
              <Table.Tr key={entity}>
                <Table.Td>{entity}</Table.Td>
                <Table.Td>{counts?.read}</Table.Td>
                <Table.Td>{counts?.inserted}</Table.Td>
                <Table.Td>{counts?.updated}</Table.Td>
                <Table.Td>{counts?.unchanged}</Table.Td>
                <Table.Td>{counts?.rejected}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {unknownStages.length > 0 && (
        <div>
          <Title order={3} size="h5" mb="xs">
            Map your stages
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {unknownStages.map((stage) => (
              <Select
                key={stage}
                label={stage}
                placeholder="Choose our stage"
                data={stageNames}
                value={stageMap[stage] ?? null}
                onChange={(value) => {
                  const { [stage]: _previous, ...others } = stageMap;
                  onStageMapChange(value ? { ...others, [stage]: value } : others);
                }}
              />
            ))}
          </SimpleGrid>
        </div>
      )}
      {report.notes.filter((note) => !note.code.startsWith('unknown-stage:')).length > 0 && (
        <Stack gap={2}>
          <Title order={3} size="h5">
            Handled in the data
          </Title>
          {report.notes
            .filter((note) => !note.code.startsWith('unknown-stage:'))
            .map((note) => (
              <Text key={note.code} size="sm">
                {note.count} × {note.message}
              </Text>
            ))}
        </Stack>
      )}
      {report.problems.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder aria-label="Row problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Line</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{problem.file}</Table.Td>
                  <Table.Td>{problem.line}</Table.Td>
                  <Table.Td>{problem.column}</Table.Td>
                  <Table.Td>{problem.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            {report.problems.length > PROBLEMS_SHOWN && (
              <Table.Caption>
                {report.problems.length - PROBLEMS_SHOWN} more problems are not shown.
              </Table.Caption>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
