import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, oneOf, orgIdColumn } from './columns';
import { organisations } from './organisations';
import { STAGE_KINDS } from '../../domain/opportunity';

// The organisation's own pipeline stages, in order, with a win probability for weighted pipeline.
export const stages = pgTable(
  'stages',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probabilityPercent: integer('probability_percent').notNull(),
    kind: text('kind', { enum: STAGE_KINDS }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    uniqueIndex('stages_org_name_key').on(t.orgId, t.name),
    check('stages_kind_valid', oneOf('kind', STAGE_KINDS)),
    check('stages_probability_range', sql`${t.probabilityPercent} between 0 and 100`),
    check(
      'stages_closed_probability',
      sql`(${t.kind} <> 'won' or ${t.probabilityPercent} = 100) and (${t.kind} <> 'lost' or ${t.probabilityPercent} = 0)`,
    ),
  ],
);
