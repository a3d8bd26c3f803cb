import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, moneyColumn, orgIdColumn, updatedAtColumn } from './columns';
import { accounts } from './accounts';
import { products } from './products';
import { stages } from './stages';
import { users } from './users';

// An opportunity's outcome (won/lost) is its stage's kind; closed_on is set when it closes.
export const opportunities = pgTable(
  'opportunities',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    // Nullable: CRMs export early deals with no account yet (the import reports them).
    accountId: uuid('account_id'),
    ownerId: uuid('owner_id').notNull(),
    productId: uuid('product_id'),
    amountMinor: moneyColumn('amount_minor').notNull().default(0),
    currency: text('currency').notNull(),
    stageId: uuid('stage_id').notNull(),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    expectedCloseOn: date('expected_close_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    nextStep: text('next_step'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'opportunities_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }),
    foreignKey({
      name: 'opportunities_owner_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'opportunities_product_fk',
      columns: [t.orgId, t.productId],
      foreignColumns: [products.orgId, products.id],
    }),
    foreignKey({
      name: 'opportunities_stage_fk',
      columns: [t.orgId, t.stageId],
      foreignColumns: [stages.orgId, stages.id],
    }),
    uniqueIndex('opportunities_org_external_id_key').on(t.orgId, t.externalId),
    index('opportunities_org_owner_idx').on(t.orgId, t.ownerId, t.closedOn),
    // With the owner: "has this account a deal of theirs?" (accounts a rep sees) from the index alone.
    index('opportunities_org_account_owner_idx').on(t.orgId, t.accountId, t.ownerId),
    index('opportunities_org_stage_idx').on(t.orgId, t.stageId),
    index('opportunities_org_closed_idx').on(t.orgId, t.closedOn),
    index('opportunities_org_name_trgm_idx').using('gin', t.orgId, sql`${t.name} gin_trgm_ops`),
    // The list's sorts, each as its keyset key then the id (db/queries/opportunities.ts
    // keysetSorts): the leader's first page, or any page after a cursor, is read in order.
    index('opportunities_org_updated_id_idx').on(t.orgId, t.updatedAt, t.id),
    index('opportunities_org_name_id_idx').on(t.orgId, sql`lower(${t.name})`, t.id),
    index('opportunities_org_amount_id_idx').on(t.orgId, t.amountMinor, t.id),
    index('opportunities_org_created_id_idx').on(t.orgId, t.createdOn, t.id),
    index('opportunities_org_expected_close_id_idx').on(
      t.orgId,
      sql`coalesce(${t.expectedCloseOn}, 'infinity'::date)`,
      t.id,
    ),
    index('opportunities_org_closed_id_idx').on(
      t.orgId,
      sql`coalesce(${t.closedOn}, 'infinity'::date)`,
      t.id,
    ),
    check('opportunities_amount_positive', sql`${t.amountMinor} >= 0`),
    check('opportunities_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('opportunities_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check(
      'opportunities_closed_after_created',
      sql`${t.closedOn} is null or ${t.closedOn} >= ${t.createdOn}`,
    ),
  ],
);

// Every stage change, dated: the source of cycle times and stage-to-stage conversion.
export const opportunityStageChanges = pgTable(
  'opportunity_stage_changes',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    changedOn: date('changed_on', { mode: 'string' }).notNull(),
    changedBy: uuid('changed_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'opportunity_stage_changes_opportunity_fk',
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'opportunity_stage_changes_to_stage_fk',
      columns: [t.orgId, t.toStageId],
      foreignColumns: [stages.orgId, stages.id],
    }),
    foreignKey({
      name: 'opportunity_stage_changes_from_stage_fk',
      columns: [t.orgId, t.fromStageId],
      foreignColumns: [stages.orgId, stages.id],
    }),
    foreignKey({
      name: 'opportunity_stage_changes_changed_by_fk',
      columns: [t.orgId, t.changedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    index('opportunity_stage_changes_opportunity_idx').on(t.orgId, t.opportunityId, t.changedOn),
  ],
);

// Every move of the expected close date: "slipping" deals moved it later three or more times.
export const opportunityCloseDateChanges = pgTable(
  'opportunity_close_date_changes',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    changedOn: date('changed_on', { mode: 'string' }).notNull(),
    changedBy: uuid('changed_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'opportunity_close_date_changes_opportunity_fk',
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'opportunity_close_date_changes_changed_by_fk',
      columns: [t.orgId, t.changedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    index('opportunity_close_date_changes_opportunity_idx').on(t.orgId, t.opportunityId),
  ],
);
