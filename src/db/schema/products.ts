import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, moneyColumn, orgIdColumn } from './columns';
import { organisations } from './organisations';

export const products = pgTable(
  'products',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    series: text('series'),
    listPriceMinor: moneyColumn('list_price_minor'),
    currency: text('currency').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    // The share of an account's annual revenue a key account typically spends on this product, in
    // basis points (200 = 2 %): the whitespace potential where the owner entered none.
    typicalShareBp: integer('typical_share_bp'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    uniqueIndex('products_org_name_key').on(t.orgId, t.name),
    uniqueIndex('products_org_external_id_key').on(t.orgId, t.externalId),
    check(
      'products_list_price_positive',
      sql`${t.listPriceMinor} is null or ${t.listPriceMinor} >= 0`,
    ),
    check(
      'products_typical_share_range',
      sql`${t.typicalShareBp} is null or (${t.typicalShareBp} >= 0 and ${t.typicalShareBp} <= 10000)`,
    ),
    check('products_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
