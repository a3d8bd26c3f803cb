import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
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
import { products } from './products';
import { segments } from './segments';
import { users } from './users';
import { ACCOUNT_STATUSES } from '../../domain/account';
import { METRIC_COUNTS } from '../../domain/team-plan-metrics';
import { TEAM_GOAL_AREAS, TEAM_PLAN_ITEM_KINDS } from '../../domain/team-plans';

// A manager's team sales & marketing plan for a year: the five questions, then the tree of
// business objectives -> sales and marketing goals -> measurable activities.
export const teamPlans = pgTable(
  'team_plans',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    managerId: uuid('manager_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    whoIsOurCustomer: text('who_is_our_customer').notNull().default(''),
    whatDoesTheCustomerValue: text('what_does_the_customer_value').notNull().default(''),
    whatIsOurMission: text('what_is_our_mission').notNull().default(''),
    whatIsOurPlan: text('what_is_our_plan').notNull().default(''),
    whatAreOurDesiredResults: text('what_are_our_desired_results').notNull().default(''),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'team_plans_manager_fk',
      columns: [t.orgId, t.managerId],
      foreignColumns: [users.orgId, users.id],
    }),
    uniqueIndex('team_plans_manager_year_key').on(t.orgId, t.managerId, t.fiscalYear),
  ],
);

export const teamPlanItems = pgTable(
  'team_plan_items',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    teamPlanId: uuid('team_plan_id').notNull(),
    parentId: uuid('parent_id'),
    kind: text('kind', { enum: TEAM_PLAN_ITEM_KINDS }).notNull(),
    area: text('area', { enum: TEAM_GOAL_AREAS }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    // What the manager calls the metric ("first meetings held"); the definition below says what counts.
    metric: text('metric'),
    // The metric's definition (domain/team-plan-metrics.ts); null: the activity has no metric.
    metricCounts: text('metric_counts', { enum: METRIC_COUNTS }),
    metricActivityType: text('metric_activity_type'),
    // Null: the whole team counts.
    metricMemberId: uuid('metric_member_id'),
    metricSegmentId: uuid('metric_segment_id'),
    metricAccountStatus: text('metric_account_status', { enum: ACCOUNT_STATUSES }),
    metricProductId: uuid('metric_product_id'),
    targetValue: numeric('target_value', { mode: 'number' }),
    // The actual of a metric the data cannot count, typed in by the manager.
    enteredActual: numeric('entered_actual', { mode: 'number' }),
    position: integer('position').notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'team_plan_items_plan_fk',
      columns: [t.orgId, t.teamPlanId],
      foreignColumns: [teamPlans.orgId, teamPlans.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'team_plan_items_parent_fk',
      columns: [t.orgId, t.parentId],
      foreignColumns: [t.orgId, t.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'team_plan_items_owner_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'team_plan_items_metric_member_fk',
      columns: [t.orgId, t.metricMemberId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'team_plan_items_metric_segment_fk',
      columns: [t.orgId, t.metricSegmentId],
      foreignColumns: [segments.orgId, segments.id],
    }),
    foreignKey({
      name: 'team_plan_items_metric_product_fk',
      columns: [t.orgId, t.metricProductId],
      foreignColumns: [products.orgId, products.id],
    }),
    index('team_plan_items_plan_idx').on(t.orgId, t.teamPlanId),
    check('team_plan_items_kind_valid', oneOf('kind', TEAM_PLAN_ITEM_KINDS)),
    check('team_plan_items_area_valid', sql`area is null or ${oneOf('area', TEAM_GOAL_AREAS)}`),
    check(
      'team_plan_items_metric_counts_valid',
      sql`metric_counts is null or ${oneOf('metric_counts', METRIC_COUNTS)}`,
    ),
    check(
      'team_plan_items_metric_account_status_valid',
      sql`metric_account_status is null or ${oneOf('metric_account_status', ACCOUNT_STATUSES)}`,
    ),
    check(
      'team_plan_items_metric_activity_type_iff_activities',
      sql`(${t.metricCounts} = 'activities') = (${t.metricActivityType} is not null)`,
    ),
    check(
      'team_plan_items_timeline_order',
      sql`${t.startsOn} is null or ${t.endsOn} is null or ${t.startsOn} <= ${t.endsOn}`,
    ),
  ],
);
