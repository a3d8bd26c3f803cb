import { sql } from 'drizzle-orm';
import { check, date, foreignKey, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAtColumn, orgIdColumn, updatedAtColumn } from './columns';
import { organisations } from './organisations';

// The organisation's exchange rates (DOMAIN.md, "Money"): one rate per currency and month, the
// value of one unit of `currency` in the organisation's currency. A deal is converted at the rate
// of its close month (an open deal: the current month), carried forward from the latest earlier
// month when that month has none (docs/domain-rules.md).
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    orgId: orgIdColumn(),
    currency: text('currency').notNull(),
    // The first day of the month the rate holds for.
    month: date('month', { mode: 'string' }).notNull(),
    // Organisation currency per one unit of `currency`, as entered: 1 USD = 0.92 EUR is 0.92.
    rate: numeric('rate', { precision: 24, scale: 12 }).notNull(),
    // The same rate in minor units (organisation minor units per one minor unit of `currency`),
    // so that SQL converts amount_minor without knowing either currency's fraction digits.
    minorUnitRate: numeric('minor_unit_rate', { precision: 30, scale: 15 }).notNull(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.currency, t.month] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    check('exchange_rates_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('exchange_rates_month_first_day', sql`extract(day from ${t.month}) = 1`),
    check('exchange_rates_rate_positive', sql`${t.rate} > 0 and ${t.minorUnitRate} > 0`),
  ],
);
