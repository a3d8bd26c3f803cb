import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  idColumn,
  moneyColumn,
  oneOf,
  orgIdColumn,
  updatedAtColumn,
  versionColumn,
} from './columns';
import { organisations } from './organisations';
import { segments } from './segments';
import { users } from './users';
import { ORGANISATION_MODELS } from '../../domain/strategy-cascade';
import { SEASONALITY_SOURCES } from '../../domain/seasonality';

// The organisation's strategy for one fiscal year: target, model and seasonality.
export const strategies = pgTable(
  'strategies',
  {
    orgId: orgIdColumn(),
    fiscalYear: integer('fiscal_year').notNull(),
    startMonth: integer('start_month').notNull(),
    targetMinor: moneyColumn('target_minor').notNull(),
    currency: text('currency').notNull(),
    model: text('model', { enum: ORGANISATION_MODELS }).notNull().default('territory'),
    seasonalityKind: text('seasonality_kind', { enum: SEASONALITY_SOURCES })
      .notNull()
      .default('flat'),
    // Twelve weights in fiscal-month order, summing to 1, when entered.
    seasonalityWeights: jsonb('seasonality_weights').$type<number[]>(),
    version: versionColumn(),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.fiscalYear] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    foreignKey({
      name: 'strategies_updated_by_fk',
      columns: [t.orgId, t.updatedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('strategies_start_month_range', sql`${t.startMonth} between 1 and 12`),
    check('strategies_target_positive', sql`${t.targetMinor} >= 0`),
    check('strategies_model_valid', oneOf('model', ORGANISATION_MODELS)),
    check('strategies_seasonality_kind_valid', oneOf('seasonality_kind', SEASONALITY_SOURCES)),
    check('strategies_fiscal_year_range', sql`${t.fiscalYear} between 2000 and 2100`),
  ],
);

// Segment mix: each segment's share of the target, in basis points (3500 = 35%); the rest is "other".
export const strategySegmentShares = pgTable(
  'strategy_segment_shares',
  {
    orgId: orgIdColumn(),
    fiscalYear: integer('fiscal_year').notNull(),
    segmentId: uuid('segment_id').notNull(),
    shareBasisPoints: integer('share_basis_points').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.fiscalYear, t.segmentId] }),
    foreignKey({
      name: 'strategy_segment_shares_strategy_fk',
      columns: [t.orgId, t.fiscalYear],
      foreignColumns: [strategies.orgId, strategies.fiscalYear],
    }).onDelete('cascade'),
    foreignKey({
      name: 'strategy_segment_shares_segment_fk',
      columns: [t.orgId, t.segmentId],
      foreignColumns: [segments.orgId, segments.id],
    }),
    check('strategy_segment_shares_range', sql`${t.shareBasisPoints} between 0 and 10000`),
  ],
);

// Who carries which part of the target. A row without a segment is a territory share of the
// whole mix; a row with one assigns the rep to that segment (specialised), weighted.
export const strategyAssignments = pgTable(
  'strategy_assignments',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    fiscalYear: integer('fiscal_year').notNull(),
    repId: uuid('rep_id').notNull(),
    segmentId: uuid('segment_id'),
    weight: numeric('weight', { mode: 'number' }).notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'strategy_assignments_strategy_fk',
      columns: [t.orgId, t.fiscalYear],
      foreignColumns: [strategies.orgId, strategies.fiscalYear],
    }).onDelete('cascade'),
    foreignKey({
      name: 'strategy_assignments_rep_fk',
      columns: [t.orgId, t.repId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'strategy_assignments_segment_fk',
      columns: [t.orgId, t.segmentId],
      foreignColumns: [segments.orgId, segments.id],
    }),
    unique('strategy_assignments_rep_segment_key')
      .on(t.orgId, t.fiscalYear, t.repId, t.segmentId)
      .nullsNotDistinct(),
    check('strategy_assignments_weight_positive', sql`${t.weight} > 0`),
  ],
);
