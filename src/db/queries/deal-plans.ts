import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../client';
import { inOneRoundTrip, rowFromJson } from '../round-trip';
import {
  actionSteps,
  auditLog,
  buyingInfluences,
  competitors,
  dealPlans,
  responseModeChanges,
  singleSalesObjectives,
  users,
} from '../schema';

// Rows of deal plans, read for one opportunity or many at once. Every query filters by orgId.

export type DealPlanRow = typeof dealPlans.$inferSelect;
export type ObjectiveRow = typeof singleSalesObjectives.$inferSelect;
export type NewObjectiveRow = typeof singleSalesObjectives.$inferInsert;
export type InfluenceRow = typeof buyingInfluences.$inferSelect;
export type NewInfluenceRow = typeof buyingInfluences.$inferInsert;
export type CompetitorRow = typeof competitors.$inferSelect;
export type NewCompetitorRow = typeof competitors.$inferInsert;
export type StepRow = typeof actionSteps.$inferSelect;
export type NewStepRow = typeof actionSteps.$inferInsert;
export type ModeChangeRow = typeof responseModeChanges.$inferSelect;

export type InfluenceView = InfluenceRow & {
  contactName: string;
  contactTitle: string | null;
  modeHistory: {
    mode: ModeChangeRow['responseMode'];
    recordedOn: string;
    recordedByName: string | null;
  }[];
};
export type StepView = StepRow & { ownerName: string | null };

export type PlanRows = {
  plan: DealPlanRow | undefined;
  objectives: ObjectiveRow[];
  influences: InfluenceView[];
  competitors: CompetitorRow[];
  steps: StepView[];
};

export const ofPlan = (
  t: { orgId: PgColumn; opportunityId: PgColumn },
  orgId: string,
  opportunityId: string,
) => and(eq(t.orgId, orgId), eq(t.opportunityId, opportunityId));

export const emptyPlanRows = (): PlanRows => ({
  plan: undefined,
  objectives: [],
  influences: [],
  competitors: [],
  steps: [],
});

/** The rows of one deal plan (empty parts for a plan never saved). */
export async function getPlanRows(
  db: Executor,
  orgId: string,
  opportunityId: string,
): Promise<PlanRows> {
  return (await listPlanRows(db, orgId, [opportunityId])).get(opportunityId) ?? emptyPlanRows();
}

/**
 * The rows of many deal plans by opportunity id, in one round trip whatever the number of plans
 * (one sub-select per table, db/round-trip.ts), so a list page's plan health costs the same for
 * 2 deals or 40, and a plan read one statement.
 */
export async function listPlanRows(
  db: Executor,
  orgId: string,
  opportunityIds: readonly string[],
): Promise<Map<string, PlanRows>> {
  const byPlan = new Map(opportunityIds.map((id) => [id, emptyPlanRows()]));
  if (opportunityIds.length === 0) return byPlan;
  const ids = sql.join(
    opportunityIds.map((id) => sql`${id}`),
    sql`, `,
  );
  type Named = Record<string, unknown>;
  const [planJson, objectiveJson, influenceJson, modeJson, competitorJson, stepJson] =
    await inOneRoundTrip(db, (batched) =>
      Promise.all([
        queryRows<Named>(
          batched,
          sql`select t.* from deal_plans t where t.org_id = ${orgId} and t.opportunity_id in (${ids})`,
        ),
        queryRows<Named>(
          batched,
          sql`select t.* from single_sales_objectives t
            where t.org_id = ${orgId} and t.opportunity_id in (${ids})
            order by t.position, t.created_at`,
        ),
        queryRows<Named & { contactFirstName: string; contactLastName: string | null }>(
          batched,
          sql`select t.*, c.first_name as "contactFirstName", c.last_name as "contactLastName",
              c.title as "contactTitle"
            from buying_influences t
            join contacts c on c.org_id = t.org_id and c.id = t.contact_id
            where t.org_id = ${orgId} and t.opportunity_id in (${ids})
            order by t.created_at, t.id`,
        ),
        queryRows<Named & { recordedByName: string | null }>(
          batched,
          sql`select t.*, u.name as "recordedByName"
            from response_mode_changes t
            join buying_influences bi on bi.org_id = t.org_id and bi.id = t.influence_id
            left join users u on u.org_id = t.org_id and u.id = t.recorded_by
            where bi.org_id = ${orgId} and bi.opportunity_id in (${ids})
            order by t.recorded_on, t.created_at`,
        ),
        queryRows<Named>(
          batched,
          sql`select t.* from competitors t
            where t.org_id = ${orgId} and t.opportunity_id in (${ids})
            order by t.created_at, t.id`,
        ),
        queryRows<Named & { ownerName: string | null }>(
          batched,
          sql`select t.*, u.name as "ownerName"
            from action_steps t
            left join users u on u.org_id = t.org_id and u.id = t.owner_id
            where t.org_id = ${orgId} and t.opportunity_id in (${ids})
            order by t.position, t.created_at`,
        ),
      ]),
    );
  const plans = planJson.map((row) => rowFromJson(dealPlans, row));
  const objectives = objectiveJson.map((row) => rowFromJson(singleSalesObjectives, row));
  const influenceRows = influenceJson.map((row) => ({
    influence: rowFromJson(buyingInfluences, row),
    firstName: row.contactFirstName,
    lastName: row.contactLastName,
    title: (row.contactTitle ?? null) as string | null,
  }));
  const modeRows = modeJson.map((row) => ({
    change: rowFromJson(responseModeChanges, row),
    recordedByName: row.recordedByName ?? null,
  }));
  const competitorRows = competitorJson.map((row) => rowFromJson(competitors, row));
  const stepRows = stepJson.map((row) => ({
    step: rowFromJson(actionSteps, row),
    ownerName: row.ownerName ?? null,
  }));
  const rowsOf = (opportunityId: string) => byPlan.get(opportunityId) ?? emptyPlanRows();
  for (const plan of plans) rowsOf(plan.opportunityId).plan = plan;
  for (const objective of objectives) rowsOf(objective.opportunityId).objectives.push(objective);
  const historyOf = new Map<string, InfluenceView['modeHistory']>();
  for (const { change, recordedByName } of modeRows) {
    const history = historyOf.get(change.influenceId) ?? [];
    history.push({ mode: change.responseMode, recordedOn: change.recordedOn, recordedByName });
    historyOf.set(change.influenceId, history);
  }
  for (const r of influenceRows) {
    rowsOf(r.influence.opportunityId).influences.push({
      ...r.influence,
      contactName: [r.firstName, r.lastName].filter(Boolean).join(' '),
      contactTitle: r.title,
      modeHistory: historyOf.get(r.influence.id) ?? [],
    });
  }
  for (const competitor of competitorRows)
    rowsOf(competitor.opportunityId).competitors.push(competitor);
  for (const r of stepRows)
    rowsOf(r.step.opportunityId).steps.push({ ...r.step, ownerName: r.ownerName });
  return byPlan;
}

/** Creates the empty plan at version 0 unless it exists. */
export async function ensurePlan(db: Executor, orgId: string, opportunityId: string) {
  await db
    .insert(dealPlans)
    .values({ orgId, opportunityId, version: 0 })
    .onConflictDoNothing({ target: [dealPlans.orgId, dealPlans.opportunityId] });
}

/**
 * Moves the plan from `expected` to the next version; false when someone else got there first.
 * The row lock it takes makes concurrent writers of one plan wait their turn.
 */
export async function bumpPlanVersion(
  db: Executor,
  orgId: string,
  opportunityId: string,
  expected: number,
): Promise<boolean> {
  const rows = await db
    .update(dealPlans)
    .set({ version: sql`${dealPlans.version} + 1`, updatedAt: new Date() })
    .where(and(ofPlan(dealPlans, orgId, opportunityId), eq(dealPlans.version, expected)))
    .returning({ version: dealPlans.version });
  return rows.length === 1;
}

export async function updateWinWin(
  db: Executor,
  orgId: string,
  opportunityId: string,
  winWin: Pick<DealPlanRow, 'buyerResult' | 'buyerPersonalWin' | 'ourWin'>,
) {
  await db
    .update(dealPlans)
    .set(winWin)
    .where(ofPlan(dealPlans, orgId, opportunityId));
}

export async function insertModeChange(db: Executor, row: typeof responseModeChanges.$inferInsert) {
  await db.insert(responseModeChanges).values(row);
}

/** The open steps with a due date of these owners, on any deal: the capacity check's input. */
export async function listOwnersOpenStepDates(
  db: Executor,
  orgId: string,
  ownerIds: readonly string[],
): Promise<{ ownerId: string; opportunityId: string; dueOn: string }[]> {
  if (ownerIds.length === 0) return [];
  const rows = await db
    .select({
      ownerId: actionSteps.ownerId,
      opportunityId: actionSteps.opportunityId,
      dueOn: actionSteps.dueOn,
    })
    .from(actionSteps)
    .where(
      and(
        eq(actionSteps.orgId, orgId),
        inArray(actionSteps.ownerId, [...ownerIds]),
        eq(actionSteps.status, 'open'),
        isNotNull(actionSteps.dueOn),
      ),
    );
  return rows.flatMap(({ ownerId, opportunityId, dueOn }) =>
    ownerId && dueOn ? [{ ownerId, opportunityId, dueOn }] : [],
  );
}

/** The plan's audit entries (scope = this opportunity's deal plan), newest first, with names. */
export async function listPlanAuditEntries(db: Executor, orgId: string, opportunityId: string) {
  return db
    .select({ entry: auditLog, userName: users.name })
    .from(auditLog)
    .leftJoin(users, and(eq(users.orgId, auditLog.orgId), eq(users.id, auditLog.userId)))
    .where(
      and(
        eq(auditLog.orgId, orgId),
        eq(auditLog.scopeType, 'deal_plan'),
        eq(auditLog.scopeId, opportunityId),
      ),
    )
    .orderBy(sql`${auditLog.at} desc`, sql`${auditLog.id} desc`)
    .limit(200);
}
