import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { organisations } from '../../db/schema';
import { NotFoundError } from '../../domain/errors';
import type {
  ImportPreset,
  ImportReport,
  ImportRequest,
  MappingFile,
  PreviewResponse,
  StageMap,
  ValueFormat,
} from '../../schemas/import';
import { type Actor, assertIsAdmin } from '../authorization';
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

/** An admin's upload from the web Import page, into their own organisation. */
export async function importUploads(
  db: Database,
  actor: Actor,
  request: ImportRequest,
): Promise<ImportReport> {
  assertIsAdmin(actor);
  const [org] = await db.select().from(organisations).where(eq(organisations.id, actor.orgId));
  if (!org) throw new NotFoundError('Organisation', actor.orgId);
  const log = new ImportLog();
  const format = { dateOrder: request.dateOrder, decimalSeparator: request.decimalSeparator };
  return runImport(db, {
    preset: 'generic',
    plan: planFromUploads(request.files, format),
    log,
    orgSlug: org.slug,
    dryRun: request.dryRun,
    skipBadRows: request.skipBadRows,
    stageMap: request.stageMap,
  });
}

/** The header row and first records of an uploaded file, with a proposed column map. */
export async function previewUpload(
  actor: Actor,
  content: string,
  rows: number,
): Promise<PreviewResponse> {
  assertIsAdmin(actor);
  const preview = await previewCsv(textSource('upload.csv', content), rows);
  return { ...preview, suggestedColumns: suggestColumns(preview.headers) };
}
