import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
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
import { accounts } from './accounts';
import { users } from './users';
import {
  CHECK_IN_CADENCES,
  CHECK_IN_STATUSES,
  REP_PLAN_STATES,
} from '../../domain/rep-plan-states';

// A rep's individual commercial action plan for one fiscal year. The editable content is here;
// each agreed version is frozen in rep_plan_versions.
export const repPlans = pgTable(
  'rep_plans',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    repId: uuid('rep_id').notNull(),
    managerId: uuid('manager_id'),
    fiscalYear: integer('fiscal_year').notNull(),
    cadence: text('cadence', { enum: CHECK_IN_CADENCES }).notNull().default('monthly'),
    state: text('state', { enum: REP_PLAN_STATES }).notNull().default('draft'),
    version: versionColumn(),
    // Funnel inputs: ratios from history or overridden (with the reason), cycle, calls per meeting.
    funnelInputs: jsonb('funnel_inputs').$type<Record<string, unknown>>().notNull().default({}),
    // The rep's own weekly figures per activity type instead of the larger of norms and funnel,
    // each with its reason (domain/weekly-plan.ts).
    weeklyPlanOverrides: jsonb('weekly_plan_overrides')
      .$type<Record<string, unknown>>()
      .notNull()
      .default({}),
    // Sales methods and expected results per stage.
    qualitative: jsonb('qualitative').$type<Record<string, unknown>>().notNull().default({}),
    repSignedAt: timestamp('rep_signed_at', { withTimezone: true, mode: 'date' }),
    managerSignedAt: timestamp('manager_signed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'rep_plans_rep_fk',
      columns: [t.orgId, t.repId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'rep_plans_manager_fk',
      columns: [t.orgId, t.managerId],
      foreignColumns: [users.orgId, users.id],
    }),
    uniqueIndex('rep_plans_rep_year_key').on(t.orgId, t.repId, t.fiscalYear),
    check('rep_plans_state_valid', oneOf('state', REP_PLAN_STATES)),
    check('rep_plans_cadence_valid', oneOf('cadence', CHECK_IN_CADENCES)),
  ],
);

export const repPlanTargetAccounts = pgTable(
  'rep_plan_target_accounts',
  {
    orgId: orgIdColumn(),
    repPlanId: uuid('rep_plan_id').notNull(),
    accountId: uuid('account_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.repPlanId, t.accountId] }),
    foreignKey({
      name: 'rep_plan_target_accounts_plan_fk',
      columns: [t.orgId, t.repPlanId],
      foreignColumns: [repPlans.orgId, repPlans.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'rep_plan_target_accounts_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }).onDelete('cascade'),
  ],
);

// Every agreed version, frozen with both signatures, so versions can be compared.
export const repPlanVersions = pgTable(
  'rep_plan_versions',
  {
    orgId: orgIdColumn(),
    repPlanId: uuid('rep_plan_id').notNull(),
    versionNumber: integer('version_number').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    reason: text('reason').notNull().default(''),
    repSignedAt: timestamp('rep_signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    managerSignedAt: timestamp('manager_signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.repPlanId, t.versionNumber] }),
    foreignKey({
      name: 'rep_plan_versions_plan_fk',
      columns: [t.orgId, t.repPlanId],
      foreignColumns: [repPlans.orgId, repPlans.id],
    }).onDelete('cascade'),
    check('rep_plan_versions_number_positive', sql`${t.versionNumber} > 0`),
  ],
);

export const repPlanComments = pgTable(
  'rep_plan_comments',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    repPlanId: uuid('rep_plan_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'rep_plan_comments_plan_fk',
      columns: [t.orgId, t.repPlanId],
      foreignColumns: [repPlans.orgId, repPlans.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'rep_plan_comments_author_fk',
      columns: [t.orgId, t.authorId],
      foreignColumns: [users.orgId, users.id],
    }),
    index('rep_plan_comments_plan_idx').on(t.orgId, t.repPlanId, t.createdAt),
    check('rep_plan_comments_body_not_blank', sql`length(trim(${t.body})) > 0`),
  ],
);

// A check-in for one period of the plan's cadence: plan vs actual, discrepancies, adjustments.
export const checkIns = pgTable(
  'check_ins',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    repPlanId: uuid('rep_plan_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: CHECK_IN_STATUSES }).notNull().default('due'),
    heldOn: date('held_on', { mode: 'string' }),
    planVsActual: jsonb('plan_vs_actual').$type<Record<string, unknown>>(),
    discrepancies: text('discrepancies').notNull().default(''),
    difficulties: text('difficulties').notNull().default(''),
    adjustments: text('adjustments').notNull().default(''),
    // The plan version an agreed adjustment produced.
    resultingVersionNumber: integer('resulting_version_number'),
    heldBy: uuid('held_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'check_ins_plan_fk',
      columns: [t.orgId, t.repPlanId],
      foreignColumns: [repPlans.orgId, repPlans.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'check_ins_held_by_fk',
      columns: [t.orgId, t.heldBy],
      foreignColumns: [users.orgId, users.id],
    }),
    uniqueIndex('check_ins_plan_period_key').on(t.orgId, t.repPlanId, t.periodStart),
    index('check_ins_org_due_idx').on(t.orgId, t.status, t.dueOn),
    check('check_ins_status_valid', oneOf('status', CHECK_IN_STATUSES)),
    check('check_ins_period_order', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);
