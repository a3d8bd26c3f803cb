import { sql } from 'drizzle-orm';
import {
  type PgColumn,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
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
  moneyColumn,
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
import { CRITERION_SOURCES, KEY_ACCOUNT_OVERRIDES } from '../../domain/key-accounts-model';
import { BENCHMARK_SOURCES } from '../../domain/key-accounts-plan';
import { BUYING_INFLUENCE_ROLES } from '../../domain/deal-plan';
import { CHECK_IN_CADENCES } from '../../domain/rep-plan-states';
import { products } from './products';

// Explicit potential criteria the organisation scores its accounts on.
export const potentialCriteria = pgTable(
  'potential_criteria',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CRITERION_KINDS }).notNull(),
    // Where the value comes from: an account field, a figure from the data, or a rating.
    source: text('source', { enum: CRITERION_SOURCES }).notNull(),
    weight: numeric('weight', { mode: 'number' }).notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    uniqueIndex('potential_criteria_org_name_key').on(t.orgId, t.name),
    check('potential_criteria_kind_valid', oneOf('kind', CRITERION_KINDS)),
    check('potential_criteria_weight_positive', sql`${t.weight} > 0`),
    check('potential_criteria_source_valid', oneOf('source', CRITERION_SOURCES)),
    check('potential_criteria_rating_kind', sql`(${t.source} = 'rating') = (${t.kind} = 'rating')`),
  ],
);

// Every saved scoring model, numbered per organisation: the latest is the one in use. The
// criteria are kept as they were, so a ranking can be compared with an earlier model's.
export const keyAccountModelVersions = pgTable(
  'key_account_model_versions',
  {
    orgId: orgIdColumn(),
    version: integer('version').notNull(),
    cutPercent: integer('cut_percent').notNull().default(10),
    criteria: jsonb('criteria')
      .$type<{ id: string; name: string; source: string; kind: string; weight: number }[]>()
      .notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.version] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    foreignKey({
      name: 'key_account_model_versions_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('key_account_model_versions_cut_range', sql`${t.cutPercent} between 5 and 20`),
    check('key_account_model_versions_version_positive', sql`${t.version} > 0`),
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
    modelVersion: integer('model_version'),
    // False when a leader included it below the cut (the reason is in key_account_overrides).
    isProposed: boolean('is_proposed').notNull().default(true),
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

// A leader's departures from the proposal when confirming a year's list, each with its reason.
export const keyAccountOverrides = pgTable(
  'key_account_overrides',
  {
    orgId: orgIdColumn(),
    fiscalYear: integer('fiscal_year').notNull(),
    accountId: uuid('account_id').notNull(),
    decision: text('decision', { enum: KEY_ACCOUNT_OVERRIDES }).notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.fiscalYear, t.accountId] }),
    foreignKey({
      name: 'key_account_overrides_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'key_account_overrides_decided_by_fk',
      columns: [t.orgId, t.decidedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('key_account_overrides_decision_valid', oneOf('decision', KEY_ACCOUNT_OVERRIDES)),
    check('key_account_overrides_reason_not_blank', sql`length(trim(${t.reason})) > 0`),
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
    cadence: text('cadence', { enum: CHECK_IN_CADENCES }).notNull().default('quarterly'),
    managerComment: text('manager_comment').notNull().default(''),
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
    check('key_account_plans_cadence_valid', oneOf('cadence', CHECK_IN_CADENCES)),
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
    // The buying-influence role the deal plans use, when the person plays one.
    role: text('role', { enum: BUYING_INFLUENCE_ROLES }),
    nextStep: text('next_step').notNull().default(''),
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
    check('key_account_relationships_role_valid', oneOf('role', BUYING_INFLUENCE_ROLES)),
    uniqueIndex('key_account_relationships_contact_key').on(
      t.orgId,
      t.keyAccountPlanId,
      t.contactId,
    ),
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
    // The objective the step serves and the key person it is aimed at, if any.
    objectiveId: uuid('objective_id'),
    relationshipId: uuid('relationship_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    keyAccountPlanFk('key_account_steps_plan_fk', t),
    foreignKey({
      name: 'key_account_steps_owner_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [users.orgId, users.id],
    }),
    // No ON DELETE SET NULL: it would null org_id too, which Citus refuses (docs/SCALING.md);
    // a plan's parts are replaced steps first (db/queries/key-accounts-plans.ts).
    foreignKey({
      name: 'key_account_steps_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [keyAccountObjectives.orgId, keyAccountObjectives.id],
    }),
    foreignKey({
      name: 'key_account_steps_relationship_fk',
      columns: [t.orgId, t.relationshipId],
      foreignColumns: [keyAccountRelationships.orgId, keyAccountRelationships.id],
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
    metricSource: text('metric_source', { enum: BENCHMARK_SOURCES }),
    baseline: numeric('baseline', { mode: 'number' }),
    target: numeric('target', { mode: 'number' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    actual: numeric('actual', { mode: 'number' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    keyAccountPlanFk('key_account_benchmarks_plan_fk', t),
    check('key_account_benchmarks_source_valid', oneOf('metric_source', BENCHMARK_SOURCES)),
  ],
);

// A review of a plan: the benchmark actuals as they stood, what changed, the adjustments, and
// the plan as it was after the review (a version to compare later ones with).
export const keyAccountPlanReviews = pgTable(
  'key_account_plan_reviews',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    keyAccountPlanId: uuid('key_account_plan_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    planVersion: integer('plan_version').notNull(),
    benchmarkActuals: jsonb('benchmark_actuals').notNull(),
    whatChanged: text('what_changed').notNull().default(''),
    adjustments: text('adjustments').notNull().default(''),
    snapshot: jsonb('snapshot').notNull(),
    reviewedBy: uuid('reviewed_by').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    keyAccountPlanFk('key_account_plan_reviews_plan_fk', t),
    foreignKey({
      name: 'key_account_plan_reviews_reviewed_by_fk',
      columns: [t.orgId, t.reviewedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    index('key_account_plan_reviews_plan_idx').on(t.orgId, t.keyAccountPlanId, t.heldOn),
  ],
);

// The potential of a key account for a product, entered by its owner (whitespace).
export const keyAccountProductPotentials = pgTable(
  'key_account_product_potentials',
  {
    orgId: orgIdColumn(),
    accountId: uuid('account_id').notNull(),
    productId: uuid('product_id').notNull(),
    potentialMinor: moneyColumn('potential_minor').notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.accountId, t.productId] }),
    foreignKey({
      name: 'key_account_product_potentials_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'key_account_product_potentials_product_fk',
      columns: [t.orgId, t.productId],
      foreignColumns: [products.orgId, products.id],
    }).onDelete('cascade'),
    check('key_account_product_potentials_positive', sql`${t.potentialMinor} >= 0`),
  ],
);

// The version of a key account's whitespace potentials, for If-Match: 0 (no row) before the
// owner first saves them, one more on every save.
export const keyAccountWhitespaceVersions = pgTable(
  'key_account_whitespace_versions',
  {
    orgId: orgIdColumn(),
    accountId: uuid('account_id').notNull(),
    version: integer('version').notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.accountId] }),
    foreignKey({
      name: 'key_account_whitespace_versions_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }).onDelete('cascade'),
    check('key_account_whitespace_versions_version_positive', sql`${t.version} > 0`),
  ],
);
