import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, versionColumn } from './columns';

// The tenant. Everything else carries its id in its primary key.
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    currency: text('currency').notNull().default('EUR'),
    fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
    // IANA time zone: "today" is this zone's date on the server and in the browser.
    timeZone: text('time_zone').notNull().default('UTC'),
    // Two admins changing the settings at once: the second gets 409 (If-Match).
    version: versionColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('organisations_slug_key').on(t.slug),
    check('organisations_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check('organisations_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'organisations_fiscal_year_start_month_range',
      sql`${t.fiscalYearStartMonth} between 1 and 12`,
    ),
  ],
);
