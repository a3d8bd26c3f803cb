import type { Executor } from '../../db/client';
import {
  hasRowsBeforeImport,
  loadExternalIds,
  stageRows,
  type UpsertBatch,
  type UpsertTable,
  upsertStaged,
} from '../../db/queries/import';
import type { ImportEntity, ImportProblem } from '../../schemas/import';
import type { SourceItem } from './csv-reader';
import type { ImportContext } from './context';
import {
  type ConvertedRow,
  type Converter,
  convertAccount,
  convertActivity,
  convertContact,
  convertOpportunity,
  convertProduct,
} from './convert-records';

// Streams one entity's records into the database in batches: convert, reject with reasons, copy
// into the entity's staging table, and upsert the batch from there (the repeated ids are found
// against every row staged before it). While the database copies and upserts one batch the next
// is parsed; at most two batches are in memory.

export const BATCH_SIZE = 5_000;

type StreamedEntity = Exclude<ImportEntity, 'users'>;

const text = (name: string) => ({ name, type: 'text' }) as const;
const uuid = (name: string) => ({ name, type: 'uuid' }) as const;
const date = (name: string) => ({ name, type: 'date' }) as const;
const bigint = (name: string) => ({ name, type: 'bigint' }) as const;

const tables: Record<StreamedEntity, UpsertTable & { convert: Converter }> = {
  accounts: {
    table: 'accounts',
    convert: convertAccount,
    hasUpdatedAt: true,
    columns: [
      text('name'),
      text('industry'),
      text('country'),
      { name: 'employees', type: 'int' },
      bigint('annual_revenue_minor'),
      text('parent_name'),
      text('website'),
      uuid('owner_id'),
      uuid('territory_id'),
      text('status'),
    ],
  },
  contacts: {
    table: 'contacts',
    convert: convertContact,
    hasUpdatedAt: true,
    columns: [
      uuid('account_id'),
      text('first_name'),
      text('last_name'),
      text('title'),
      text('email'),
      text('phone'),
    ],
  },
  products: {
    table: 'products',
    convert: convertProduct,
    hasUpdatedAt: false,
    columns: [text('name'), text('series'), bigint('list_price_minor'), text('currency')],
  },
  opportunities: {
    table: 'opportunities',
    convert: convertOpportunity,
    hasUpdatedAt: true,
    recordsStageChanges: true,
    columns: [
      text('name'),
      uuid('account_id'),
      uuid('owner_id'),
      uuid('product_id'),
      bigint('amount_minor'),
      text('currency'),
      uuid('stage_id'),
      date('created_on'),
      date('expected_close_on'),
      date('closed_on'),
      text('next_step'),
    ],
  },
  activities: {
    table: 'activities',
    convert: convertActivity,
    hasUpdatedAt: true,
    columns: [
      text('type'),
      text('status'),
      date('occurs_on'),
      uuid('owner_id'),
      uuid('account_id'),
      uuid('opportunity_id'),
      uuid('contact_id'),
      text('subject'),
      text('outcome'),
    ],
  },
};

export type Progress = (entity: ImportEntity, written: number) => void;

/** Writes one entity's records; afterwards its external ids are known to later entities. */
export async function importEntity(
  db: Executor,
  context: ImportContext,
  entity: StreamedEntity,
  items: AsyncIterable<SourceItem>,
  onProgress: Progress,
): Promise<void> {
  const spec = tables[entity];
  const hasExistingRows = spec.recordsStageChanges
    ? await hasRowsBeforeImport(db, spec.table, context.orgId)
    : true;
  const counts = context.log.countsOf(entity);
  const problemsBefore = context.log.problems.length;
  const [insertedBefore, updatedBefore] = [counts.inserted, counts.updated];
  let rows: { row: ConvertedRow; record: { file: string; columns: Record<string, string> } }[] = [];
  let pending: Promise<void> | null = null;
  let written = 0;
  let staged = 0;
  // Where the staged rows came from (file and id column), for the repeated-id reports.
  const sources: { file: string; column: string }[] = [];
  const sourceIndex = new Map<string, number>();
  const sourceOf = (record: { file: string; columns: Record<string, string> }) => {
    const column = record.columns.externalId ?? 'externalId';
    const key = `${record.file}\n${column}`;
    let index = sourceIndex.get(key);
    if (index === undefined) {
      index = sources.push({ file: record.file, column }) - 1;
      sourceIndex.set(key, index);
    }
    return index;
  };

  let duplicates = 0;
  const flush = async (batch: typeof rows) => {
    const converted = entity === 'activities' ? await linkOpportunities(db, context, batch) : batch;
    await stageRows(db, spec, toBatch(spec, converted, sourceOf));
    const result = await upsertStaged(db, spec, context.orgId, {
      today: context.today,
      hasExistingRows,
    });
    for (const duplicate of result.duplicates) {
      const source = sources[duplicate.source] ?? { file: '', column: 'externalId' };
      context.log.problem({
        file: source.file,
        line: duplicate.line,
        column: source.column,
        reason: repeatedReason(duplicate.externalId, duplicate.firstLine),
      });
    }
    duplicates += result.duplicates.length;
    counts.inserted += result.inserted;
    counts.updated += result.updated;
    counts.rejected += batch.length - converted.length + result.duplicates.length;
    staged += converted.length;
    written += batch.length;
    onProgress(entity, written);
  };
  const startFlush = async () => {
    if (pending) await pending;
    const batch = rows;
    rows = [];
    pending = flush(batch);
    // Awaited before the next flush or at the end; this keeps a failure from going unhandled.
    pending.catch(() => {});
  };

  for await (const item of items) {
    counts.read += 1;
    if ('problem' in item) {
      context.log.problem(item.problem);
      counts.rejected += 1;
      continue;
    }
    const outcome = spec.convert(item.record, context);
    if ('problems' in outcome) {
      outcome.problems.forEach((problem) => context.log.problem(problem));
      counts.rejected += 1;
    } else {
      rows.push({ row: outcome.row, record: item.record });
      if (rows.length >= BATCH_SIZE) await startFlush();
    }
  }
  if (rows.length > 0) await startFlush();
  if (pending) await pending;
  if (duplicates > 0) inLineOrder(context.log.problems, problemsBefore);
  counts.unchanged +=
    staged - duplicates - (counts.inserted - insertedBefore) - (counts.updated - updatedBefore);
  if (entity !== 'opportunities' && entity !== 'activities') {
    context.ids[entity] = await loadExternalIds(db, entity, context.orgId);
  }
}

/** Sorts the problems from `start` on by line within each file (files in their first order). */
function inLineOrder(problems: ImportProblem[], start: number) {
  const files = new Map<string, number>();
  for (const problem of problems.slice(start)) {
    if (!files.has(problem.file)) files.set(problem.file, files.size);
  }
  const sorted = problems
    .slice(start)
    .sort((a, b) => (files.get(a.file) ?? 0) - (files.get(b.file) ?? 0) || a.line - b.line);
  problems.splice(start, sorted.length, ...sorted);
}

const repeatedReason = (externalId: string, firstLine: number) =>
  `the id "${externalId}" was already on line ${firstLine}`;

function toBatch(
  spec: UpsertTable,
  batch: { row: ConvertedRow; record: { file: string; columns: Record<string, string> } }[],
  sourceOf: (record: { file: string; columns: Record<string, string> }) => number,
): UpsertBatch {
  const values: Record<string, unknown[]> = {};
  for (const column of spec.columns)
    values[column.name] = batch.map((b) => b.row.values[column.name] ?? null);
  return {
    externalIds: batch.map((b) => b.row.externalId),
    lines: batch.map((b) => b.row.line),
    sources: batch.map((b) => sourceOf(b.record)),
    values,
  };
}

// Activities point at opportunities by external id; there may be half a million of those, so
// they are looked up per batch rather than held in memory.
async function linkOpportunities<
  T extends { row: ConvertedRow; record: { file: string; columns: Record<string, string> } },
>(db: Executor, context: ImportContext, batch: T[]): Promise<T[]> {
  const wanted = [
    ...new Set(
      batch.flatMap((b) => {
        const id = b.row.values.opportunity_external_id;
        return typeof id === 'string' ? [id] : [];
      }),
    ),
  ];
  if (wanted.length === 0) return batch;
  const ids = await loadExternalIds(db, 'opportunities', context.orgId, wanted);
  return batch.filter((b) => {
    const externalId = b.row.values.opportunity_external_id;
    if (typeof externalId !== 'string') return true;
    const id = ids.get(externalId);
    if (id === undefined) {
      context.log.problem({
        file: b.record.file,
        line: b.row.line,
        column: b.record.columns.opportunityExternalId ?? 'opportunityExternalId',
        reason: `no opportunity with the id "${externalId}"`,
      });
      return false;
    }
    b.row.values.opportunity_id = id;
    return true;
  });
}
