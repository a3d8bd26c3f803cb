import { useState } from 'react';
import { Alert, Button, FileInput, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import type { ImportEntity, ImportReport, StageMap } from '../../../schemas/import';
import { errorMessage } from '../../api/client';
import { useReference } from '../reference/useReference';
import { ImportFileCard, type UploadedCsv } from './ImportFileCard';
import { ImportReportView } from './ImportReportView';
import { usePreviewFile, useRunImport } from './useImport';

// Upload CSV files, map their columns with a preview of the first rows, dry-run (every row's
// problems listed), then import: one transaction, all or nothing unless "skip bad rows".

function guessEntity(name: string): ImportEntity {
  const lower = name.toLowerCase();
  if (/user|team|rep|people/.test(lower)) return 'users';
  if (/contact/.test(lower)) return 'contacts';
  if (/product/.test(lower)) return 'products';
  if (/activit|task|event/.test(lower)) return 'activities';
  if (/account|compan/.test(lower)) return 'accounts';
  return 'opportunities';
}

export function ImportPage() {
  const [files, setFiles] = useState<UploadedCsv[]>([]);
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy' | null>(null);
  const [isDecimalComma, setIsDecimalComma] = useState(false);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [stageMap, setStageMap] = useState<StageMap>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const preview = usePreviewFile();
  const run = useRunImport();
  const reference = useReference();

  async function addFile(file: File | null) {
    if (!file) return;
    const content = await file.text();
    preview.mutate(content, {
      onSuccess: (answer) => {
        const entity = guessEntity(file.name);
        setFiles((current) => [
          ...current,
          {
            id: `${file.name}-${Date.now()}`,
            name: file.name,
            content,
            entity,
            columns: answer.suggestedColumns[entity] ?? {},
            headers: answer.headers,
            rows: answer.rows,
            suggestedColumns: answer.suggestedColumns,
          },
        ]);
        setReport(null);
      },
    });
  }

  function submit(dryRun: boolean) {
    run.mutate(
      {
        files: files.map(({ entity, name, content, columns }) => ({
          entity,
          name,
          content,
          columns,
        })),
        dateOrder,
        decimalSeparator: isDecimalComma ? ',' : '.',
        stageMap,
        skipBadRows,
        dryRun,
      },
      { onSuccess: setReport },
    );
  }

  const canImport = report !== null && report.status === 'dry_run' && !run.isPending;
  return (
    <Stack gap="lg">
      <Title order={1}>Import</Title>
      <Text c="dimmed" maw={720}>
        Bring accounts, contacts, products, people, opportunities and activities from your CRM as
        CSV files. Importing the same files again changes nothing. Large exports import faster with{' '}
        <code>salesplan import</code> (docs/IMPORT.md).
      </Text>
      <FileInput
        label="Add a CSV file"
        placeholder="Choose a file"
        accept=".csv,text/csv"
        value={null}
        onChange={(file) => void addFile(file)}
        maw={360}
      />
      {preview.isError && <Alert color="red">{errorMessage(preview.error)}</Alert>}
      {files.map((file) => (
        <ImportFileCard
          key={file.id}
          file={file}
          onChange={(changed) => {
            setFiles((current) => current.map((f) => (f.id === changed.id ? changed : f)));
            setReport(null);
          }}
          onRemove={() => setFiles((current) => current.filter((f) => f.id !== file.id))}
        />
      ))}
      {files.length > 0 && (
        <Group align="end">
          <Select
            label="Dates like 03/04/2026 are"
            data={[
              { value: 'dmy', label: 'day/month/year' },
              { value: 'mdy', label: 'month/day/year' },
            ]}
            value={dateOrder}
            onChange={(value) => setDateOrder(value === 'dmy' || value === 'mdy' ? value : null)}
            placeholder="Only ISO dates"
            clearable
          />
          <Switch
            label="Decimal comma (1.234,56)"
            checked={isDecimalComma}
            onChange={(e) => setIsDecimalComma(e.currentTarget.checked)}
          />
          <Switch
            label="Skip bad rows"
            checked={skipBadRows}
            onChange={(e) => setSkipBadRows(e.currentTarget.checked)}
          />
          <Button variant="default" onClick={() => submit(true)} loading={run.isPending}>
            Dry run
          </Button>
          <Button onClick={() => submit(false)} disabled={!canImport}>
            Import
          </Button>
        </Group>
      )}
      {run.isError && <Alert color="red">{errorMessage(run.error)}</Alert>}
      {report && (
        <ImportReportView
          report={report}
          stageNames={(reference.data?.stages ?? []).map((stage) => stage.name)}
          stageMap={stageMap}
          onStageMapChange={setStageMap}
        />
      )}
    </Stack>
  );
}
