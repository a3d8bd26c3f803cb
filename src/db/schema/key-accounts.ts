import { sql } from 'drizzle-orm';
import {
  type PgColumn,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdAtColumn,
  idColumn,
  oneOf,
  orgIdColumn,
  updatedAtColumn,
  versionColumn,
} from './columns';
import { accounts, contacts } from './accounts';
import { organisations } from './organisations';
import { users } from './users';
import {
  CRITERION_KINDS,
  KEY_ACCOUNT_OBJECTIVE_TERMS,
  KEY_ACCOUNT_STEP_STATUSES,
} from '../../domain/key-accounts';

// Explicit potential criteria the organisation scores its accounts on.
export const potentialCriteria = pgTable(
  'potential_criteria',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CRITERION_KINDS }).notNull(),
    weight: numeric('weight', { mode: 'number' }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    uniqueIndex('potential_criteria_org_name_key').on(t.orgId, t.name),
    check('potential_criteria_kind_valid', oneOf('kind', CRITERION_KINDS)),
    check('potential_criteria_weight_positive', sql`${t.weight} > 0`),
  ],
);

export const accountCriterionValues = pgTable(
  'account_criterion_values',
  {
    orgId: orgIdColumn(),
    accountId: uuid('account_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.accountId, t.criterionId] }),
    foreignKey({
      name: 'account_criterion_values_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'account_criterion_values_criterion_fk',
      columns: [t.orgId, t.criterionId],
      foreignColumns: [potentialCriteria.orgId, potentialCriteria.id],
    }).onDelete('cascade'),
  ],
);

// Accounts a leader confirmed as key accounts for a year, with the score that proposed them.
export const keyAccounts = pgTable(
  'key_accounts',
  {
    orgId: orgIdColumn(),
    accountId: uuid('account_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    score: numeric('score', { mode: 'number' }).notNull(),
    confirmedBy: uuid('confirmed_by').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.fiscalYear, t.accountId] }),
    foreignKey({
      name: 'key_accounts_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'key_accounts_confirmed_by_fk',
      columns: [t.orgId, t.confirmedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('key_accounts_score_range', sql`${t.score} between 0 and 1`),
  ],
);

export const keyAccountPlans = pgTable(
  'key_account_plans',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    accountId: uuid('account_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    ownerId: uuid('owner_id').notNull(),
    commitment: text('commitment').notNull().default(''),
    repSignedAt: timestamp('rep_signed_at', { withTimezone: true, mode: 'date' }),
    managerAcknowledgedAt: timestamp('manager_acknowledged_at', {
      withTimezone: true,
      mode: 'date',
    }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'key_account_plans_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'key_account_plans_owner_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [users.orgId, users.id],
    }),
    uniqueIndex('key_account_plans_account_year_key').on(t.orgId, t.accountId, t.fiscalYear),
  ],
);

const keyAccountPlanFk = (name: string, t: { orgId: PgColumn; keyAccountPlanId: PgColumn }) =>
  foreignKey({
    name,
    columns: [t.orgId, t.keyAccountPlanId],
    foreignColumns: [keyAccountPlans.orgId, keyAccountPlans.id],
  }).onDelete('cascade');

export const keyAccountRelationships = pgTable(
  'key_account_relationships',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    keyAccountPlanId: uuid('key_account_plan_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    currentStrength: integer('current_strength').notNull(),
    targetStrength: integer('target_strength').notNull(),
    notes: text('notes').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    keyAccountPlanFk('key_account_relationships_plan_fk', t),
    foreignKey({
      name: 'key_account_relationships_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    check('key_account_relationships_current_range', sql`${t.currentStrength} between 1 and 5`),
    check('key_account_relationships_target_range', sql`${t.targetStrength} between 1 and 5`),
  ],
);

export const keyAccountObjectives = pgTable(
  'key_account_objectives',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    keyAccountPlanId: uuid('key_account_plan_id').notNull(),
    term: text('term', { enum: KEY_ACCOUNT_OBJECTIVE_TERMS }).notNull(),
    description: text('description').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    keyAccountPlanFk('key_account_objectives_plan_fk', t),
    check('key_account_objectives_term_valid', oneOf('term', KEY_ACCOUNT_OBJECTIVE_TERMS)),
  ],
);

export const keyAccountSteps = pgTable(
  'key_account_steps',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    keyAccountPlanId: uuid('key_account_plan_id').notNull(),
    position: integer('position').notNull(),
    what: text('what').notNull(),
    ownerId: uuid('owner_id'),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: KEY_ACCOUNT_STEP_STATUSES }).notNull().default('open'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    keyAccountPlanFk('key_account_steps_plan_fk', t),
    foreignKey({
      name: 'key_account_steps_owner_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [users.orgId, users.id],
    }),
    index('key_account_steps_plan_idx').on(t.orgId, t.keyAccountPlanId, t.position),
    check('key_account_steps_status_valid', oneOf('status', KEY_ACCOUNT_STEP_STATUSES)),
  ],
);

export const keyAccountBenchmarks = pgTable(
  'key_account_benchmarks',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    keyAccountPlanId: uuid('key_account_plan_id').notNull(),
    metric: text('metric').notNull(),
    // Where the actual comes from when the app can compute it (e.g. "won_revenue").
    metricSource: text('metric_source'),
    baseline: numeric('baseline', { mode: 'number' }),
    target: numeric('target', { mode: 'number' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    actual: numeric('actual', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    keyAccountPlanFk('key_account_benchmarks_plan_fk', t),
  ],
);
