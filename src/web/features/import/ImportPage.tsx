import { useState } from 'react';
import {
  Alert,
  Button,
  Center,
  Checkbox,
  FileInput,
  Group,
  Loader,
  Menu,
  Progress,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { canImport } from '../../../domain/roles';
import {
  type ColumnMap,
  type ImportEntity,
  type ImportReport,
  type PreviewResponse,
  type StageMap,
  importEntities,
  importTemplateCsv,
} from '../../../schemas/import';
import { errorMessage } from '../../api/client';
import { NotFoundPage } from '../coming-soon/ComingSoonPage';
import { useReference } from '../reference/useReference';
import { useSession } from '../session/useSession';
import { ENTITY_LABELS, ImportFileCard, type UploadedCsv } from './ImportFileCard';
import { ImportReportView } from './ImportReportView';
import { startOf } from './upload-import';
import { useImportSetup, usePreviewFile, useRunImport } from './useImport';

// Choose CSV files, say what each holds and which column is which field (in words, with a
// preview of the first rows), dry-run (every row's problems listed, nothing saved), then import:
// one transaction, all or nothing unless "skip bad rows". Admins and leaders only.

function guessEntity(name: string): ImportEntity {
  const lower = name.toLowerCase();
  // Whole words: Salesforce names its exports report1642777476321.csv, which is no list of reps.
  if (/(^|[^a-z])(users?|teams?|reps?|people|sales_teams)([^a-z]|$)/.test(lower)) return 'users';
  if (/contact/.test(lower)) return 'contacts';
  if (/product/.test(lower)) return 'products';
  if (/activit|task|event/.test(lower)) return 'activities';
  if (/account|compan/.test(lower)) return 'accounts';
  return 'opportunities';
}

/** The user's last column map of the entity when the file has all its columns, else the guess. */
function columnsFor(
  entity: ImportEntity,
  headers: readonly string[],
  suggested: PreviewResponse['suggestedColumns'],
  lastMappings: Partial<Record<ImportEntity, ColumnMap>>,
): { columns: ColumnMap; isRememberedMapping: boolean } {
  const has = (header: string) => headers.some((h) => h.toLowerCase() === header.toLowerCase());
  const last = lastMappings[entity];
  if (last && Object.keys(last).length > 0 && Object.values(last).every(has)) {
    return { columns: last, isRememberedMapping: true };
  }
  return { columns: suggested[entity] ?? {}, isRememberedMapping: false };
}

function downloadTemplate(entity: ImportEntity) {
  const url = URL.createObjectURL(new Blob([importTemplateCsv(entity)], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `salesplan-${entity}.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export function ImportPage() {
  const session = useSession();
  if (session.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  // The API refuses the others (403); the navigation does not offer them the page.
  if (!session.data || !canImport(session.data.user.role)) return <NotFoundPage />;
  return <ImportWorkspace />;
}

function ImportWorkspace() {
  const [files, setFiles] = useState<UploadedCsv[]>([]);
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy' | null>(null);
  const [isDecimalComma, setIsDecimalComma] = useState(false);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [stageMap, setStageMap] = useState<StageMap>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const setup = useImportSetup();
  const preview = usePreviewFile();
  const run = useRunImport();
  const reference = useReference();
  const lastMappings = setup.data?.lastMappings ?? {};
  const maxFileBytes = setup.data?.maxFileBytes ?? null;

  function changed(update: (current: UploadedCsv[]) => UploadedCsv[]) {
    setFiles(update);
    setReport(null);
  }

  async function addFile(file: File | null) {
    if (!file) return;
    if (maxFileBytes !== null && file.size > maxFileBytes) {
      setTooLarge(`${file.name} is larger than the limit of ${megabytes(maxFileBytes)} per file.`);
      return;
    }
    setTooLarge(null);
    const content = await startOf(file);
    preview.mutate(content, {
      onSuccess: (answer) => {
        const entity = guessEntity(file.name);
        changed((current) => [
          ...current,
          {
            id: `${file.name}-${Date.now()}`,
            file,
            entity,
            ...columnsFor(entity, answer.headers, answer.suggestedColumns, lastMappings),
            headers: answer.headers,
            rows: answer.rows,
            suggestedColumns: answer.suggestedColumns,
          },
        ]);
      },
    });
  }

  function submit(dryRun: boolean) {
    const ordered = [...files].sort(
      (a, b) => importEntities.indexOf(a.entity) - importEntities.indexOf(b.entity),
    );
    run.mutate(
      {
        request: {
          files: ordered.map(({ entity, file, columns }) => ({
            entity,
            name: file.name,
            columns,
          })),
          dateOrder,
          decimalSeparator: isDecimalComma ? ',' : '.',
          stageMap,
          skipBadRows,
          dryRun,
        },
        files: ordered.map(({ file }) => file),
      },
      { onSuccess: setReport },
    );
  }

  const canRunImport = report !== null && report.status === 'dry_run' && !run.isPending;
  const uploaded = run.progress;
  const isUploadDone = uploaded !== null && uploaded.loaded >= uploaded.total;
  return (
    <Stack gap="lg">
      <Title order={1}>Import</Title>
      <Text maw={720}>
        Bring your accounts, contacts, products, people, deals and activities from your CRM as CSV
        files (a Salesforce or HubSpot export as it is). Say what each file holds and which column
        is which; a dry run shows every row&apos;s problem before anything is saved. Importing the
        same files again changes nothing.
      </Text>
      <Group align="end" gap="md">
        <FileInput
          label="Add a CSV file"
          description={
            maxFileBytes === null ? undefined : `Up to ${megabytes(maxFileBytes)} per file`
          }
          placeholder="Choose a file"
          accept=".csv,text/csv"
          value={null}
          onChange={(file) => void addFile(file)}
          w={{ base: '100%', xs: 320 }}
        />
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="default">Download a template</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {importEntities.map((entity) => (
              <Menu.Item key={entity} onClick={() => downloadTemplate(entity)}>
                {ENTITY_LABELS[entity]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {tooLarge && <Alert color="red">{tooLarge}</Alert>}
      {preview.isError && <Alert color="red">{errorMessage(preview.error)}</Alert>}
      {files.map((file) => (
        <ImportFileCard
          key={file.id}
          file={file}
          onEntityChange={(entity) =>
            changed((current) =>
              current.map((f) =>
                f.id === file.id
                  ? {
                      ...f,
                      entity,
                      ...columnsFor(entity, f.headers, f.suggestedColumns, lastMappings),
                    }
                  : f,
              ),
            )
          }
          onColumnsChange={(columns) =>
            changed((current) =>
              current.map((f) =>
                f.id === file.id ? { ...f, columns, isRememberedMapping: false } : f,
              ),
            )
          }
          onRemove={() => changed((current) => current.filter((f) => f.id !== file.id))}
        />
      ))}
      {files.length > 0 && (
        <Stack gap="sm">
          <Group align="end" gap="md">
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
              onChange={(e) => {
                setIsDecimalComma(e.currentTarget.checked);
                setReport(null);
              }}
            />
          </Group>
          <Checkbox
            label="Skip bad rows: import the other rows (otherwise nothing is saved while a row has a problem)"
            checked={skipBadRows}
            onChange={(e) => {
              setSkipBadRows(e.currentTarget.checked);
              setReport(null);
            }}
          />
          <Group>
            <Button variant="default" onClick={() => submit(true)} loading={run.isPending}>
              Dry run
            </Button>
            <Button onClick={() => submit(false)} disabled={!canRunImport}>
              Import
            </Button>
            {report === null && !run.isPending && (
              <Text size="sm" c="dimmed">
                Import is possible after a dry run without problems (or with Skip bad rows).
              </Text>
            )}
          </Group>
        </Stack>
      )}
      {uploaded !== null && (
        <Stack gap={4} aria-live="polite">
          <Progress
            value={uploaded.total === 0 ? 100 : (uploaded.loaded / uploaded.total) * 100}
            animated={isUploadDone}
            aria-label="Upload progress"
          />
          <Text size="sm">
            {isUploadDone
              ? 'Uploaded. Checking every row…'
              : `Uploading: ${megabytes(uploaded.loaded)} of ${megabytes(uploaded.total)}`}
          </Text>
        </Stack>
      )}
      {run.isError && <Alert color="red">{errorMessage(run.error)}</Alert>}
      {report && (
        <ImportReportView
          report={report}
          stageNames={(reference.data?.stages ?? []).map((stage) => stage.name)}
          stageMap={stageMap}
          onStageMapChange={(next) => {
            setStageMap(next);
          }}
        />
      )}
    </Stack>
  );
}
