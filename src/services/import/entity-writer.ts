import type { Executor } from '../../db/client';
import {
  hasRowsBeforeImport,
  loadExternalIds,
  type UpsertBatch,
  type UpsertTable,
  upsertBatch,
} from '../../db/queries/import';
import type { ImportEntity } from '../../schemas/import';
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

// Streams one entity's records into the database in batches: convert, reject with reasons, upsert.
// While the database writes one batch the next is parsed; at most two batches are in memory.

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
  let rows: { row: ConvertedRow; record: { file: string; columns: Record<string, string> } }[] = [];
  let pending: Promise<void> | null = null;
  let written = 0;
  // Repeats inside a batch are caught here; across batches, by the database (import_seen).
  let batchLines = new Map<string, number>();

  const flush = async (batch: typeof rows) => {
    const converted = entity === 'activities' ? await linkOpportunities(db, context, batch) : batch;
    const result = await upsertBatch(db, spec, context.orgId, toBatch(spec, converted), {
      today: context.today,
      hasExistingRows,
    });
    for (const duplicate of result.duplicates) {
      const source = batch.find((b) => b.row.line === duplicate.line)?.record;
      if (source) {
        context.log.problem(
          repeatedId(
            { ...source, line: duplicate.line },
            duplicate.externalId,
            duplicate.firstLine,
          ),
        );
      }
    }
    counts.inserted += result.inserted;
    counts.updated += result.updated;
    counts.rejected += result.duplicates.length + (batch.length - converted.length);
    counts.unchanged +=
      converted.length - result.duplicates.length - result.inserted - result.updated;
    written += batch.length;
    onProgress(entity, written);
  };
  const startFlush = async () => {
    if (pending) await pending;
    const batch = rows;
    rows = [];
    batchLines = new Map();
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
      const firstLine = batchLines.get(outcome.row.externalId);
      if (firstLine !== undefined) {
        context.log.problem(repeatedId(item.record, outcome.row.externalId, firstLine));
        counts.rejected += 1;
        continue;
      }
      batchLines.set(outcome.row.externalId, outcome.row.line);
      rows.push({ row: outcome.row, record: item.record });
      if (rows.length >= BATCH_SIZE) await startFlush();
    }
  }
  if (rows.length > 0) await startFlush();
  if (pending) await pending;
  if (entity !== 'opportunities' && entity !== 'activities') {
    context.ids[entity] = await loadExternalIds(db, entity, context.orgId);
  }
}

export function repeatedId(
  record: { file: string; line: number; columns: Record<string, string> },
  externalId: string,
  firstLine: number,
) {
  return {
    file: record.file,
    line: record.line,
    column: record.columns.externalId ?? 'externalId',
    reason: `the id "${externalId}" was already on line ${firstLine}`,
  };
}

function toBatch(spec: UpsertTable, batch: { row: ConvertedRow }[]): UpsertBatch {
  const values: Record<string, unknown[]> = {};
  for (const column of spec.columns)
    values[column.name] = batch.map((b) => b.row.values[column.name] ?? null);
  return {
    externalIds: batch.map((b) => b.row.externalId),
    lines: batch.map((b) => b.row.line),
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
