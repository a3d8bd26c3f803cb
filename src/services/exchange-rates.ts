import type { Database, Executor } from '../db/client';
import {
  deleteExchangeRate as deleteExchangeRateRow,
  type ExchangeRateRow,
  getExchangeRate,
  listExchangeRates as listExchangeRateRows,
  upsertExchangeRate,
} from '../db/queries/exchange-rates';
import { getOrganisation } from '../db/queries/organisations';
import { type FieldIssue, NotFoundError, ValidationError } from '../domain/errors';
import { minorUnitRate, parseRate } from '../domain/exchange-rates';
import { currencyFractionDigits } from '../domain/money-format';
import { Currency } from '../schemas/common';
import { readCsvTable } from './csv-table';
import {
  type ExchangeRate,
  type ExchangeRateImportResult,
  type ExchangeRateListQuery,
  RateMonth,
  RateText,
} from '../schemas/exchange-rates';
import { recordChanges } from './audit';
import { type Actor, assertIsAdmin } from './authorization';

// The organisation's exchange rates: every signed-in role reads them (reports convert with
// them), admins set them one by one or as a whole CSV table, and every change is audited.

export type RateEntry = { currency: string; month: string; rate: string };

/** Who a change is recorded for: a signed-in admin, or the CLI (no user) at the database. */
type Changer = { orgId: string; userId: string | null };

function toExchangeRate(row: ExchangeRateRow): ExchangeRate {
  return {
    currency: row.currency,
    month: row.month.slice(0, 7),
    rate: parseRate(row.rate),
    minorUnitRate: parseRate(row.minorUnitRate),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function organisationCurrency(db: Executor, orgId: string): Promise<string> {
  const organisation = await getOrganisation(db, orgId);
  if (!organisation) throw new NotFoundError('Organisation', orgId);
  return organisation.currency;
}

function refuseOwnCurrency(currency: string, ownCurrency: string, field: string): FieldIssue[] {
  return currency === ownCurrency
    ? [{ field, reason: `${currency} is the organisation's own currency: its rate is always 1` }]
    : [];
}

export async function listExchangeRates(
  db: Executor,
  actor: Actor,
  query: ExchangeRateListQuery,
): Promise<{ items: ExchangeRate[]; total: number }> {
  const rows = await listExchangeRateRows(db, actor.orgId, query.currency);
  return { items: rows.map(toExchangeRate), total: rows.length };
}

/** Creates or replaces rates inside the caller's transaction, auditing each with its before. */
async function saveRates(
  tx: Executor,
  actor: Changer,
  ownCurrency: string,
  entries: readonly RateEntry[],
) {
  const saved: { row: ExchangeRateRow; isNew: boolean }[] = [];
  for (const entry of entries) {
    const month = `${entry.month}-01`;
    const rate = parseRate(entry.rate);
    const before = await getExchangeRate(tx, actor.orgId, entry.currency, month);
    const row = await upsertExchangeRate(tx, {
      orgId: actor.orgId,
      currency: entry.currency,
      month,
      rate,
      minorUnitRate: minorUnitRate(
        rate,
        currencyFractionDigits(entry.currency),
        currencyFractionDigits(ownCurrency),
      ),
    });
    await recordChanges(tx, actor, [
      {
        entityType: 'exchange_rate',
        entityId: `${entry.currency}/${entry.month}`,
        action: before ? 'update' : 'create',
        before,
        after: row,
      },
    ]);
    saved.push({ row, isNew: !before });
  }
  return saved;
}

/** Sets the rate of one currency and month (admins); the organisation's own currency is refused. */
export async function setExchangeRate(
  db: Database,
  actor: Actor,
  currency: string,
  month: string,
  rate: string,
): Promise<ExchangeRate> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const ownCurrency = await organisationCurrency(tx, actor.orgId);
    const issues = refuseOwnCurrency(currency, ownCurrency, 'currency');
    if (issues.length > 0) throw new ValidationError(issues);
    const [saved] = await saveRates(tx, actor, ownCurrency, [{ currency, month, rate }]);
    if (!saved) throw new Error('saving an exchange rate returned nothing');
    return toExchangeRate(saved.row);
  });
}

export async function deleteExchangeRate(
  db: Database,
  actor: Actor,
  currency: string,
  month: string,
): Promise<void> {
  assertIsAdmin(actor);
  await db.transaction(async (tx) => {
    const before = await getExchangeRate(tx, actor.orgId, currency, `${month}-01`);
    if (!before) throw new NotFoundError('Exchange rate', `${currency} ${month}`);
    await deleteExchangeRateRow(tx, actor.orgId, currency, `${month}-01`);
    await recordChanges(tx, actor, [
      { entityType: 'exchange_rate', entityId: `${currency}/${month}`, action: 'delete', before },
    ]);
  });
}

/**
 * Reads a rate table (`currency,month,rate` header, one row per currency and month). Every
 * row's problems are collected, named by line (`line 3.rate`), so one answer lists them all.
 */
export function readRateTable(csv: string, ownCurrency: string): RateEntry[] {
  const records = readCsvTable(csv, 'csv');
  const [header, ...rows] = records;
  const columns = header?.record.map((cell) => cell.toLowerCase()) ?? [];
  const missing = ['currency', 'month', 'rate'].filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new ValidationError({
      field: 'csv',
      reason: `the header needs the columns currency,month,rate (missing ${missing.join(', ')})`,
    });
  }
  const cellOf = (record: string[], name: string) => record[columns.indexOf(name)] ?? '';
  const issues: FieldIssue[] = [];
  const entries: RateEntry[] = [];
  const lineOf = new Map<string, number>();
  for (const { record, info } of rows) {
    const field = (name: string) => `line ${info.lines}.${name}`;
    const currency = Currency.safeParse(cellOf(record, 'currency').toUpperCase());
    const month = RateMonth.safeParse(cellOf(record, 'month'));
    const rate = RateText.safeParse(cellOf(record, 'rate'));
    const rowIssues: FieldIssue[] = [
      ...(currency.success
        ? []
        : [{ field: field('currency'), reason: 'must be a 3-letter ISO code' }]),
      ...(month.success ? [] : [{ field: field('month'), reason: 'must be a month like 2026-03' }]),
      ...(rate.success
        ? []
        : [{ field: field('rate'), reason: rate.error.issues[0]?.message ?? 'is invalid' }]),
    ];
    if (currency.success)
      rowIssues.push(...refuseOwnCurrency(currency.data, ownCurrency, field('currency')));
    if (currency.success && month.success) {
      const key = `${currency.data} ${month.data}`;
      const first = lineOf.get(key);
      if (first !== undefined) {
        rowIssues.push({ field: field('month'), reason: `${key} is already on line ${first}` });
      }
      lineOf.set(key, first ?? info.lines);
    }
    issues.push(...rowIssues);
    if (rowIssues.length === 0 && currency.success && month.success && rate.success) {
      entries.push({ currency: currency.data, month: month.data, rate: rate.data });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  if (entries.length === 0) throw new ValidationError({ field: 'csv', reason: 'has no rates' });
  return entries;
}

/** Imports a whole rate table (admins): every row is saved, or none when any row is wrong. */
export async function importExchangeRates(
  db: Database,
  actor: Actor,
  csv: string,
): Promise<ExchangeRateImportResult> {
  assertIsAdmin(actor);
  return importRateTable(db, actor, csv);
}

/**
 * The import itself, for `salesplan exchange-rates import`: the CLI runs with the database's own
 * rights (as `salesplan import` does), so the audit entries have no user.
 */
export async function importRateTable(
  db: Database,
  changer: Changer,
  csv: string,
): Promise<ExchangeRateImportResult> {
  return db.transaction(async (tx) => {
    const ownCurrency = await organisationCurrency(tx, changer.orgId);
    const saved = await saveRates(tx, changer, ownCurrency, readRateTable(csv, ownCurrency));
    const created = saved.filter((entry) => entry.isNew).length;
    return { created, updated: saved.length - created };
  });
}
