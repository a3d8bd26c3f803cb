import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { exchangeRates } from '../schema';

export type ExchangeRateRow = typeof exchangeRates.$inferSelect;
export type NewExchangeRateRow = typeof exchangeRates.$inferInsert;

/** The organisation's rates by currency, then month (one currency only when given). */
export async function listExchangeRates(db: Executor, orgId: string, currency?: string) {
  return db
    .select()
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.orgId, orgId),
        currency === undefined ? undefined : eq(exchangeRates.currency, currency),
      ),
    )
    .orderBy(asc(exchangeRates.currency), asc(exchangeRates.month));
}

/** `month` is the first day of the month ('2026-03-01'). */
export async function getExchangeRate(
  db: Executor,
  orgId: string,
  currency: string,
  month: string,
): Promise<ExchangeRateRow | undefined> {
  const [row] = await db
    .select()
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.orgId, orgId),
        eq(exchangeRates.currency, currency),
        eq(exchangeRates.month, month),
      ),
    );
  return row;
}

/** Sets the rate of a currency and month, creating the row or replacing its rate. */
export async function upsertExchangeRate(
  db: Executor,
  row: NewExchangeRateRow,
): Promise<ExchangeRateRow> {
  const [saved] = await db
    .insert(exchangeRates)
    .values(row)
    .onConflictDoUpdate({
      target: [exchangeRates.orgId, exchangeRates.currency, exchangeRates.month],
      set: { rate: row.rate, minorUnitRate: row.minorUnitRate, updatedAt: sql`now()` },
    })
    .returning();
  if (!saved) throw new Error('upsert into exchange_rates returned nothing');
  return saved;
}

export async function deleteExchangeRate(
  db: Executor,
  orgId: string,
  currency: string,
  month: string,
) {
  await db
    .delete(exchangeRates)
    .where(
      and(
        eq(exchangeRates.orgId, orgId),
        eq(exchangeRates.currency, currency),
        eq(exchangeRates.month, month),
      ),
    );
}
