import fs from 'node:fs';
import { ValidationError } from '../../../domain/errors';
import type { ColumnMap, ValueFormat } from '../../../schemas/import';
import {
  type CsvSource,
  type SourceItem,
  type SourceRecord,
  fileSource,
  previewCsv,
  readMappedCsv,
} from '../csv-reader';
import type { ImportPlan } from '../plan';
import type { ImportLog } from '../report';

// A CRM's opportunity report in one file (Salesforce, HubSpot): the owners, accounts and products
// named in it are imported first (one pass collects them), then the opportunities.

export type ExportLayout = {
  /** Opportunity field → header; optional fields are used when the file has the column. */
  required: ColumnMap;
  optional: ColumnMap;
  /** Other names the same column has in some exports (header → field). */
  alternatives?: Record<string, string>;
  /**
   * Headers of a column with the owner's email, in the order tried: when the file has one, owners
   * are known by their email (the owner column gives their name).
   */
  ownerEmail?: readonly string[];
  stageAliases: Record<string, string>;
  dateOrder: ValueFormat['dateOrder'];
};

async function columnsOf(source: CsvSource, layout: ExportLayout): Promise<ColumnMap> {
  const { headers } = await previewCsv(source, 0);
  const has = (header: string) => headers.some((h) => h.toLowerCase() === header.toLowerCase());
  const columns: ColumnMap = { ...layout.required };
  for (const [field, header] of Object.entries(layout.optional)) {
    if (has(header)) columns[field] = header;
  }
  for (const [header, field] of Object.entries(layout.alternatives ?? {})) {
    if (!has(columns[field] ?? '') && has(header)) columns[field] = header;
  }
  const ownerEmail = layout.ownerEmail?.find(has);
  if (ownerEmail !== undefined && columns.ownerExternalId !== undefined) {
    columns.ownerName = columns.ownerExternalId;
    columns.ownerExternalId = ownerEmail;
  }
  return columns;
}

type Referenced = Map<string, SourceRecord>;

/** Distinct owners, accounts and products of the file, each with the first record naming it. */
async function collectReferences(source: CsvSource, columns: ColumnMap) {
  const owners: Referenced = new Map();
  const accounts: Referenced = new Map();
  const products: Referenced = new Map();
  for await (const item of readMappedCsv(source, columns)) {
    if ('problem' in item) continue;
    const { ownerExternalId, accountExternalId, productExternalId } = item.record.values;
    if (ownerExternalId && !owners.has(ownerExternalId)) owners.set(ownerExternalId, item.record);
    if (accountExternalId && !accounts.has(accountExternalId))
      accounts.set(accountExternalId, item.record);
    if (productExternalId && !products.has(productExternalId))
      products.set(productExternalId, item.record);
  }
  return { owners, accounts, products };
}

async function* referenced(
  records: Referenced,
  values: (key: string, record: SourceRecord) => Record<string, string | undefined>,
  columns: (record: SourceRecord) => Record<string, string>,
): AsyncGenerator<SourceItem> {
  for (const [key, record] of records) {
    const mapped = Object.fromEntries(
      Object.entries(values(key, record)).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    yield { record: { ...record, values: mapped, columns: columns(record) } };
  }
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export async function planOpportunityExport(
  filePath: string,
  layout: ExportLayout,
  format: Partial<ValueFormat>,
  log: ImportLog,
): Promise<ImportPlan> {
  if (fs.statSync(filePath).isDirectory()) {
    throw new ValidationError({
      field: 'path',
      reason: 'give the exported CSV file, not a folder',
    });
  }
  const source = fileSource(filePath.split(/[\\/]/).pop() ?? filePath, filePath);
  const columns = await columnsOf(source, layout);
  const refs = await collectReferences(source, columns);
  return {
    organisation: { currency: 'EUR' },
    format: {
      dateOrder: format.dateOrder ?? layout.dateOrder,
      decimalSeparator: format.decimalSeparator ?? '.',
    },
    stageAliases: layout.stageAliases,
    steps: [
      {
        entity: 'users',
        // An owner who is already a user (by id, email or name) is that user, not a new rep.
        isOnlyNew: true,
        read: () =>
          referenced(
            refs.owners,
            (key, r) => ({
              externalId: key,
              name: r.values.ownerName ?? key,
              email: EMAIL.test(key) ? key : undefined,
              role: 'rep',
            }),
            (r) => ({
              externalId: r.columns.ownerExternalId ?? '',
              name: r.columns.ownerName ?? r.columns.ownerExternalId ?? '',
              email: r.columns.ownerExternalId ?? '',
            }),
          ),
      },
      {
        entity: 'accounts',
        read: () =>
          referenced(
            refs.accounts,
            (key, r) => ({ externalId: key, name: r.values.accountName ?? key }),
            (r) => ({
              externalId: r.columns.accountExternalId ?? '',
              name: r.columns.accountName ?? '',
            }),
          ),
      },
      {
        entity: 'products',
        read: () =>
          referenced(
            refs.products,
            (key) => ({ externalId: key, name: key }),
            (r) => ({
              externalId: r.columns.productExternalId ?? '',
              name: r.columns.productExternalId ?? '',
            }),
          ),
      },
      { entity: 'opportunities', read: () => readMappedCsv(source, columns, log) },
    ],
  };
}
