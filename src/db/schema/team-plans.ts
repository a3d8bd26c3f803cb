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
import { users } from './users';
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
    metric: text('metric'),
    // A metric the app can compute from the data (e.g. "activities:first_meeting"), when it can.
    metricSource: text('metric_source'),
    targetValue: numeric('target_value', { mode: 'number' }),
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
    index('team_plan_items_plan_idx').on(t.orgId, t.teamPlanId),
    check('team_plan_items_kind_valid', oneOf('kind', TEAM_PLAN_ITEM_KINDS)),
    check('team_plan_items_area_valid', sql`area is null or ${oneOf('area', TEAM_GOAL_AREAS)}`),
    check(
      'team_plan_items_timeline_order',
      sql`${t.startsOn} is null or ${t.endsOn} is null or ${t.startsOn} <= ${t.endsOn}`,
    ),
  ],
);
