import { sql } from 'drizzle-orm';
import {
  type PgColumn,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
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
import { activities } from './activities';
import { contacts } from './accounts';
import { opportunities } from './opportunities';
import { users } from './users';
import {
  ACTION_STEP_STATUSES,
  BUYING_INFLUENCE_ROLES,
  COMPETITOR_KINDS,
  INFLUENCE_LEVELS,
  OBJECTIVE_STATUSES,
  RESPONSE_MODES,
} from '../../domain/deal-plan';

// One strategic action plan per opportunity; the win-win lives on it. `version` guards
// concurrent edits (If-Match).
export const dealPlans = pgTable(
  'deal_plans',
  {
    orgId: orgIdColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    version: versionColumn(),
    buyerResult: text('buyer_result').notNull().default(''),
    buyerPersonalWin: text('buyer_personal_win').notNull().default(''),
    ourWin: text('our_win').notNull().default(''),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.opportunityId] }),
    foreignKey({
      name: 'deal_plans_opportunity_fk',
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
  ],
);

const dealPlanFk = (name: string, t: { orgId: PgColumn; opportunityId: PgColumn }) =>
  foreignKey({
    name,
    columns: [t.orgId, t.opportunityId],
    foreignColumns: [dealPlans.orgId, dealPlans.opportunityId],
  }).onDelete('cascade');

export const singleSalesObjectives = pgTable(
  'single_sales_objectives',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull().default(''),
    // Buying influence ids this objective is about ("who").
    who: jsonb('who').$type<string[]>().notNull().default([]),
    whereWhen: text('where_when').notNull().default(''),
    informationToCollect: text('information_to_collect').notNull().default(''),
    how: text('how').notNull().default(''),
    desiredOutcome: text('desired_outcome').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: OBJECTIVE_STATUSES }).notNull().default('open'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    dealPlanFk('single_sales_objectives_plan_fk', t),
    index('single_sales_objectives_plan_idx').on(t.orgId, t.opportunityId, t.position),
    check('single_sales_objectives_status_valid', oneOf('status', OBJECTIVE_STATUSES)),
  ],
);

export const buyingInfluences = pgTable(
  'buying_influences',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: text('role', { enum: BUYING_INFLUENCE_ROLES }).notNull(),
    influence: text('influence', { enum: INFLUENCE_LEVELS }).notNull().default('medium'),
    // The current mode; every change is also a row in response_mode_changes.
    responseMode: text('response_mode', { enum: RESPONSE_MODES }),
    notes: text('notes').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    dealPlanFk('buying_influences_plan_fk', t),
    foreignKey({
      name: 'buying_influences_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }),
    index('buying_influences_plan_idx').on(t.orgId, t.opportunityId),
    check('buying_influences_role_valid', oneOf('role', BUYING_INFLUENCE_ROLES)),
    check('buying_influences_influence_valid', oneOf('influence', INFLUENCE_LEVELS)),
    check(
      'buying_influences_response_mode_valid',
      sql`response_mode is null or ${oneOf('response_mode', RESPONSE_MODES)}`,
    ),
  ],
);

export const responseModeChanges = pgTable(
  'response_mode_changes',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    influenceId: uuid('influence_id').notNull(),
    responseMode: text('response_mode', { enum: RESPONSE_MODES }).notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'response_mode_changes_influence_fk',
      columns: [t.orgId, t.influenceId],
      foreignColumns: [buyingInfluences.orgId, buyingInfluences.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'response_mode_changes_recorded_by_fk',
      columns: [t.orgId, t.recordedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    index('response_mode_changes_influence_idx').on(t.orgId, t.influenceId, t.recordedOn),
    check('response_mode_changes_mode_valid', oneOf('response_mode', RESPONSE_MODES)),
  ],
);

export const competitors = pgTable(
  'competitors',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    kind: text('kind', { enum: COMPETITOR_KINDS }).notNull(),
    name: text('name').notNull().default(''),
    differentiators: text('differentiators').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    dealPlanFk('competitors_plan_fk', t),
    index('competitors_plan_idx').on(t.orgId, t.opportunityId),
    check('competitors_kind_valid', oneOf('kind', COMPETITOR_KINDS)),
    check('competitors_named', sql`${t.kind} <> 'competitor' or length(trim(${t.name})) > 0`),
  ],
);

export const actionSteps = pgTable(
  'action_steps',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    position: integer('position').notNull(),
    what: text('what').notNull(),
    ownerId: uuid('owner_id'),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: ACTION_STEP_STATUSES }).notNull().default('open'),
    objectiveId: uuid('objective_id'),
    influenceId: uuid('influence_id'),
    competitorId: uuid('competitor_id'),
    dependsOnStepId: uuid('depends_on_step_id'),
    confidence: integer('confidence'),
    completedOn: date('completed_on', { mode: 'string' }),
    // The activity a completed step produced, when the rep logged one.
    activityId: uuid('activity_id'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    dealPlanFk('action_steps_plan_fk', t),
    foreignKey({
      name: 'action_steps_owner_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'action_steps_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [singleSalesObjectives.orgId, singleSalesObjectives.id],
    }),
    foreignKey({
      name: 'action_steps_influence_fk',
      columns: [t.orgId, t.influenceId],
      foreignColumns: [buyingInfluences.orgId, buyingInfluences.id],
    }),
    foreignKey({
      name: 'action_steps_competitor_fk',
      columns: [t.orgId, t.competitorId],
      foreignColumns: [competitors.orgId, competitors.id],
    }),
    foreignKey({
      name: 'action_steps_depends_on_fk',
      columns: [t.orgId, t.dependsOnStepId],
      foreignColumns: [t.orgId, t.id],
    }),
    foreignKey({
      name: 'action_steps_activity_fk',
      columns: [t.orgId, t.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }),
    index('action_steps_plan_idx').on(t.orgId, t.opportunityId, t.position),
    index('action_steps_owner_due_idx').on(t.orgId, t.ownerId, t.dueOn),
    check('action_steps_status_valid', oneOf('status', ACTION_STEP_STATUSES)),
    check(
      'action_steps_confidence_range',
      sql`${t.confidence} is null or ${t.confidence} between 1 and 5`,
    ),
    check(
      'action_steps_not_own_dependency',
      sql`${t.dependsOnStepId} is null or ${t.dependsOnStepId} <> ${t.id}`,
    ),
  ],
);

// The deal owner's and their manager's comments on the plan, oldest first. Keyed on the
// opportunity (a plan may have no row yet when the first comment comes).
export const dealPlanComments = pgTable(
  'deal_plan_comments',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    opportunityId: uuid('opportunity_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'deal_plan_comments_opportunity_fk',
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'deal_plan_comments_author_fk',
      columns: [t.orgId, t.authorId],
      foreignColumns: [users.orgId, users.id],
    }),
    index('deal_plan_comments_plan_idx').on(t.orgId, t.opportunityId, t.createdAt),
    check('deal_plan_comments_body_not_blank', sql`length(trim(${t.body})) > 0`),
  ],
);
