import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { organisations } from '../../db/schema';
import { NotFoundError } from '../../domain/errors';
import type {
  ImportPreset,
  ImportReport,
  ImportRequest,
  ImportSetup,
  MappingFile,
  PreviewResponse,
  StageMap,
  ValueFormat,
} from '../../schemas/import';
import { loadImportMappings, saveImportMappings } from '../../db/queries/import-mappings';
import { recordChanges } from '../audit';
import { type Actor, assertCanImport } from '../authorization';
import { previewCsv, textSource } from './csv-reader';
import { suggestColumns } from './suggest-columns';
import type { Progress } from './entity-writer';
import { planFromUploads } from './presets/generic';
import { presets } from './presets';
import { ImportLog } from './report';
import { runImport } from './run-import';

// The import service: `salesplan import` and the web Import page both end here.

export type ImportFilesOptions = {
  preset: ImportPreset;
  path: string;
  mapping?: MappingFile | undefined;
  format?: Partial<ValueFormat>;
  stageMap?: StageMap;
  orgSlug?: string | undefined;
  currency?: string | undefined;
  dryRun?: boolean;
  skipBadRows?: boolean;
  onProgress?: Progress;
};

/** Imports CSV files from disk with a preset (CLI). */
export async function importFiles(
  db: Database,
  options: ImportFilesOptions,
): Promise<ImportReport> {
  const log = new ImportLog();
  const plan = await presets[options.preset]({
    path: options.path,
    mapping: options.mapping,
    format: options.format ?? {},
    log,
  });
  return runImport(db, {
    preset: options.preset,
    plan,
    log,
    orgSlug: options.orgSlug,
    currency: options.currency,
    dryRun: options.dryRun ?? false,
    skipBadRows: options.skipBadRows ?? false,
    stageMap: options.stageMap ?? {},
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** A file of an upload, spooled to disk as it arrived (http/multipart-upload.ts). */
export type SpooledFile = { name: string; path: string };

/** What the web Import page needs first: the upload limit and the user's last column maps. */
export async function importSetup(
  db: Database,
  actor: Actor,
  maxFileBytes: number,
): Promise<ImportSetup> {
  assertCanImport(actor);
  return { maxFileBytes, lastMappings: await loadImportMappings(db, actor.orgId, actor.userId) };
}

/**
 * An upload from the web Import page (an admin or a leader), into their own organisation: the
 * body is received (spooled) only after the caller is allowed. The column maps are kept for the
 * user's next import, whatever the outcome; an import that lands is in the audit log.
 */
export async function importUploads(
  db: Database,
  actor: Actor,
  receive: () => Promise<{
    fields: ImportRequest;
    files: readonly SpooledFile[];
    remove(): Promise<void>;
  }>,
): Promise<ImportReport> {
  assertCanImport(actor);
  // Only now is the body read: a caller who may not import sends their bytes to nobody.
  const upload = await receive();
  try {
    return await importReceived(db, actor, upload.fields, upload.files);
  } finally {
    await upload.remove();
  }
}

async function importReceived(
  db: Database,
  actor: Actor,
  request: ImportRequest,
  files: readonly SpooledFile[],
): Promise<ImportReport> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, actor.orgId));
  if (!org) throw new NotFoundError('Organisation', actor.orgId);
  const log = new ImportLog();
  const format = { dateOrder: request.dateOrder, decimalSeparator: request.decimalSeparator };
  const mappings = request.files.map(({ entity, columns }) => ({ entity, columns }));
  const report = await runImport(db, {
    preset: 'generic',
    plan: planFromUploads(request.files, files, format, log),
    log,
    orgSlug: org.slug,
    dryRun: request.dryRun,
    skipBadRows: request.skipBadRows,
    stageMap: request.stageMap,
    // An import that lands lands whole: its rows, the column maps it used, its audit entry.
    async onImported(tx, imported) {
      await saveImportMappings(tx, actor.orgId, actor.userId, mappings);
      await recordChanges(tx, actor, [
        {
          entityType: 'import',
          entityId: randomUUID(),
          action: 'create',
          after: { files: request.files.map((file) => file.name), counts: imported.counts },
        },
      ]);
    },
  });
  if (report.status !== 'imported') {
    await saveImportMappings(db, actor.orgId, actor.userId, mappings);
  }
  return report;
}

/** The header row and first records of an uploaded file, with a proposed column map. */
export async function previewUpload(
  actor: Actor,
  content: string,
  rows: number,
): Promise<PreviewResponse> {
  assertCanImport(actor);
  const preview = await previewCsv(textSource('upload.csv', content), rows);
  return { ...preview, suggestedColumns: suggestColumns(preview.headers) };
}
