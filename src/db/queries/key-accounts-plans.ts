import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../client';
import {
  auditLog,
  contacts,
  keyAccountBenchmarks,
  keyAccountObjectives,
  keyAccountPlanReviews,
  keyAccountPlans,
  keyAccountRelationships,
  keyAccountSteps,
  users,
} from '../schema';
import { convertedAmountJoin, convertedMinor } from './money';
import type { BenchmarkSource } from '../../domain/key-accounts-plan';
import { MEETING_ACTIVITY_TYPES } from '../../domain/key-accounts-plan';

// Rows of key-account plans: the plan, its parts, its reviews and history, and the figures its
// computed benchmarks measure. Every query filters by orgId.

export type KeyAccountPlanRow = typeof keyAccountPlans.$inferSelect;
export type ReviewRow = typeof keyAccountPlanReviews.$inferSelect & {
  reviewedByName: string | null;
};
export type PlanPartRows = {
  relationships: (typeof keyAccountRelationships.$inferSelect & {
    contactName: string;
    contactTitle: string | null;
  })[];
  objectives: (typeof keyAccountObjectives.$inferSelect)[];
  steps: (typeof keyAccountSteps.$inferSelect & { ownerName: string | null })[];
  benchmarks: (typeof keyAccountBenchmarks.$inferSelect)[];
};

export async function getPlanRow(
  db: Executor,
  orgId: string,
  accountId: string,
  fiscalYear: number,
): Promise<KeyAccountPlanRow | undefined> {
  const [row] = await db
    .select()
    .from(keyAccountPlans)
    .where(
      and(
        eq(keyAccountPlans.orgId, orgId),
        eq(keyAccountPlans.accountId, accountId),
        eq(keyAccountPlans.fiscalYear, fiscalYear),
      ),
    );
  return row;
}

export async function listPlanRows(
  db: Executor,
  orgId: string,
  fiscalYear: number,
): Promise<(KeyAccountPlanRow & { lastReviewOn: string | null })[]> {
  const plans = await db
    .select()
    .from(keyAccountPlans)
    .where(and(eq(keyAccountPlans.orgId, orgId), eq(keyAccountPlans.fiscalYear, fiscalYear)));
  const lastReviews = await db
    .select({
      planId: keyAccountPlanReviews.keyAccountPlanId,
      lastReviewOn: sql<string>`max(${keyAccountPlanReviews.heldOn})::text`,
    })
    .from(keyAccountPlanReviews)
    .where(eq(keyAccountPlanReviews.orgId, orgId))
    .groupBy(keyAccountPlanReviews.keyAccountPlanId);
  const lastOf = new Map(lastReviews.map((r) => [r.planId, r.lastReviewOn]));
  return plans.map((plan) => ({ ...plan, lastReviewOn: lastOf.get(plan.id) ?? null }));
}

export async function insertPlan(
  db: Executor,
  row: typeof keyAccountPlans.$inferInsert,
): Promise<KeyAccountPlanRow> {
  const [saved] = await db.insert(keyAccountPlans).values(row).returning();
  if (!saved) throw new Error('the plan was not saved');
  return saved;
}

/** Moves the plan from `version` to the next one; false when someone saved in between. */
export async function bumpPlanVersion(
  db: Executor,
  orgId: string,
  planId: string,
  version: number,
  changes: Partial<typeof keyAccountPlans.$inferInsert> = {},
): Promise<boolean> {
  const rows = await db
    .update(keyAccountPlans)
    .set({ ...changes, version: sql`${keyAccountPlans.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(keyAccountPlans.orgId, orgId),
        eq(keyAccountPlans.id, planId),
        eq(keyAccountPlans.version, version),
      ),
    )
    .returning({ id: keyAccountPlans.id });
  return rows.length === 1;
}

const ofPlan = (
  t: { orgId: PgColumn; keyAccountPlanId: PgColumn },
  orgId: string,
  planId: string,
) => and(eq(t.orgId, orgId), eq(t.keyAccountPlanId, planId));

export async function getPlanParts(
  db: Executor,
  orgId: string,
  planId: string,
): Promise<PlanPartRows> {
  const relationships = await db
    .select({
      relationship: keyAccountRelationships,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      title: contacts.title,
    })
    .from(keyAccountRelationships)
    .innerJoin(
      contacts,
      and(
        eq(contacts.orgId, keyAccountRelationships.orgId),
        eq(contacts.id, keyAccountRelationships.contactId),
      ),
    )
    .where(ofPlan(keyAccountRelationships, orgId, planId))
    .orderBy(asc(contacts.lastName), asc(keyAccountRelationships.id));
  const objectives = await db
    .select()
    .from(keyAccountObjectives)
    .where(ofPlan(keyAccountObjectives, orgId, planId))
    .orderBy(asc(keyAccountObjectives.position));
  const steps = await db
    .select({ step: keyAccountSteps, ownerName: users.name })
    .from(keyAccountSteps)
    .leftJoin(
      users,
      and(eq(users.orgId, keyAccountSteps.orgId), eq(users.id, keyAccountSteps.ownerId)),
    )
    .where(ofPlan(keyAccountSteps, orgId, planId))
    .orderBy(asc(keyAccountSteps.position));
  const benchmarks = await db
    .select()
    .from(keyAccountBenchmarks)
    .where(ofPlan(keyAccountBenchmarks, orgId, planId))
    .orderBy(asc(keyAccountBenchmarks.position));
  return {
    relationships: relationships.map((r) => ({
      ...r.relationship,
      contactName: `${r.firstName} ${r.lastName}`.trim(),
      contactTitle: r.title,
    })),
    objectives,
    steps: steps.map((s) => ({ ...s.step, ownerName: s.ownerName })),
    benchmarks,
  };
}

/** Replaces every part of a plan (steps first out, as they point at objectives and people). */
export async function replacePlanParts(
  db: Executor,
  orgId: string,
  planId: string,
  parts: {
    relationships: (typeof keyAccountRelationships.$inferInsert)[];
    objectives: (typeof keyAccountObjectives.$inferInsert)[];
    steps: (typeof keyAccountSteps.$inferInsert)[];
    benchmarks: (typeof keyAccountBenchmarks.$inferInsert)[];
  },
): Promise<void> {
  await db.delete(keyAccountSteps).where(ofPlan(keyAccountSteps, orgId, planId));
  await db.delete(keyAccountBenchmarks).where(ofPlan(keyAccountBenchmarks, orgId, planId));
  await db.delete(keyAccountObjectives).where(ofPlan(keyAccountObjectives, orgId, planId));
  await db.delete(keyAccountRelationships).where(ofPlan(keyAccountRelationships, orgId, planId));
  if (parts.relationships.length > 0)
    await db.insert(keyAccountRelationships).values(parts.relationships);
  if (parts.objectives.length > 0) await db.insert(keyAccountObjectives).values(parts.objectives);
  if (parts.steps.length > 0) await db.insert(keyAccountSteps).values(parts.steps);
  if (parts.benchmarks.length > 0) await db.insert(keyAccountBenchmarks).values(parts.benchmarks);
}

/** Ids among `ids` that belong to another plan's parts (a client may not reuse them). */
export async function listForeignPartIds(
  db: Executor,
  orgId: string,
  planId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from (
          select id, key_account_plan_id from key_account_relationships where org_id = ${orgId}
          union all select id, key_account_plan_id from key_account_objectives where org_id = ${orgId}
          union all select id, key_account_plan_id from key_account_steps where org_id = ${orgId}
          union all select id, key_account_plan_id from key_account_benchmarks where org_id = ${orgId}
        ) parts
        where key_account_plan_id <> ${planId}
          and id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
  );
  return rows.map((r) => r.id);
}

/**
 * The figures a plan's computed benchmarks measure, for one account from `from` to `today`
 * (both included): revenue won (in the organisation's currency; deals without a rate left
 * out), the open pipeline now, meetings held and distinct contacts met in done activities.
 */
export async function getBenchmarkFigures(
  db: Executor,
  orgId: string,
  accountId: string,
  from: string,
  today: string,
): Promise<Record<BenchmarkSource, number>> {
  const [row] = await queryRows<{
    won_revenue: string | number;
    open_pipeline: string | number;
    meetings_held: string | number;
    contacts_engaged: string | number;
  }>(
    db,
    sql`select
          (select coalesce(sum(${convertedMinor}) filter (where s.kind = 'won'
              and o.closed_on between ${from}::date and ${today}::date), 0)
           from opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
           ${convertedAmountJoin(today)}
           where o.org_id = ${orgId} and o.account_id = ${accountId}) as won_revenue,
          (select coalesce(sum(${convertedMinor}) filter (where s.kind = 'open'), 0)
           from opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
           ${convertedAmountJoin(today)}
           where o.org_id = ${orgId} and o.account_id = ${accountId}) as open_pipeline,
          (select count(*) from activities
           where org_id = ${orgId} and account_id = ${accountId} and status = 'done'
             and type in (${sql.join(
               MEETING_ACTIVITY_TYPES.map((t) => sql`${t}`),
               sql`, `,
             )})
             and occurs_on between ${from}::date and ${today}::date) as meetings_held,
          (select count(distinct contact_id) from activities
           where org_id = ${orgId} and account_id = ${accountId} and status = 'done'
             and contact_id is not null
             and occurs_on between ${from}::date and ${today}::date) as contacts_engaged`,
  );
  return {
    won_revenue: Number(row?.won_revenue ?? 0),
    open_pipeline: Number(row?.open_pipeline ?? 0),
    meetings_held: Number(row?.meetings_held ?? 0),
    contacts_engaged: Number(row?.contacts_engaged ?? 0),
  };
}

export async function listReviews(
  db: Executor,
  orgId: string,
  planId: string,
): Promise<ReviewRow[]> {
  const rows = await db
    .select({ review: keyAccountPlanReviews, reviewedByName: users.name })
    .from(keyAccountPlanReviews)
    .leftJoin(
      users,
      and(
        eq(users.orgId, keyAccountPlanReviews.orgId),
        eq(users.id, keyAccountPlanReviews.reviewedBy),
      ),
    )
    .where(
      and(
        eq(keyAccountPlanReviews.orgId, orgId),
        eq(keyAccountPlanReviews.keyAccountPlanId, planId),
      ),
    )
    .orderBy(desc(keyAccountPlanReviews.heldOn), desc(keyAccountPlanReviews.createdAt));
  return rows.map((r) => ({ ...r.review, reviewedByName: r.reviewedByName }));
}

export async function insertReview(
  db: Executor,
  row: typeof keyAccountPlanReviews.$inferInsert,
): Promise<void> {
  await db.insert(keyAccountPlanReviews).values(row);
}

/** The plan's audit entries with who made each, oldest first. */
export async function listPlanHistory(db: Executor, orgId: string, planId: string) {
  return db
    .select({
      at: auditLog.at,
      userName: users.name,
      after: auditLog.after,
      action: auditLog.action,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.orgId, auditLog.orgId), eq(users.id, auditLog.userId)))
    .where(
      and(
        eq(auditLog.orgId, orgId),
        eq(auditLog.scopeType, 'key_account_plan'),
        eq(auditLog.scopeId, planId),
      ),
    )
    .orderBy(asc(auditLog.at));
}

/** Users of the organisation among `ids` (step owners must be people of the organisation). */
export async function listUserIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, [...ids])));
  return rows.map((r) => r.id);
}

/** The account's opportunities with their stage, open ones first, newest expected close last. */
export async function listAccountOpportunities(db: Executor, orgId: string, accountId: string) {
  return queryRows<{
    id: string;
    name: string;
    stage_name: string;
    stage_kind: string;
    amount_minor: string | number;
    currency: string;
    expected_close_on: string | null;
  }>(
    db,
    sql`select o.id, o.name, s.name as stage_name, s.kind as stage_kind, o.amount_minor,
          o.currency, o.expected_close_on::text as expected_close_on
        from opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
        where o.org_id = ${orgId} and o.account_id = ${accountId}
        order by (s.kind = 'open') desc, o.expected_close_on nulls last, o.name
        limit 200`,
  );
}

export async function listAccountContacts(db: Executor, orgId: string, accountId: string) {
  const rows = await db
    .select({
      id: contacts.id,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      title: contacts.title,
    })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.accountId, accountId)))
    .orderBy(asc(contacts.lastName), asc(contacts.firstName));
  return rows.map((c) => ({
    id: c.id,
    name: `${c.firstName} ${c.lastName}`.trim(),
    title: c.title,
  }));
}
