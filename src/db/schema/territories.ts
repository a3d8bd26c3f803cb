import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, orgIdColumn } from './columns';
import { organisations } from './organisations';

export const territories = pgTable(
  'territories',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    name: text('name').notNull(),
    externalId: text('external_id'),
    // Relative potential, used by the territory model of the strategy cascade.
    potential: numeric('potential', { mode: 'number' }).notNull().default(1),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    uniqueIndex('territories_org_name_key').on(t.orgId, t.name),
    check('territories_potential_positive', sql`${t.potential} >= 0`),
  ],
);
