import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { allQueries, type Executor } from '../client';
import {
  actionSteps,
  auditLog,
  buyingInfluences,
  competitors,
  contacts,
  dealPlans,
  responseModeChanges,
  singleSalesObjectives,
  users,
} from '../schema';

// Rows of the deal plan, one opportunity at a time. Every query filters by orgId.

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

export async function getPlanRows(
  db: Executor,
  orgId: string,
  opportunityId: string,
): Promise<PlanRows> {
  const [[plan], objectives, influenceRows, competitorRows, stepRows] = await allQueries(db, [
    () =>
      db
        .select()
        .from(dealPlans)
        .where(ofPlan(dealPlans, orgId, opportunityId)),
    () =>
      db
        .select()
        .from(singleSalesObjectives)
        .where(ofPlan(singleSalesObjectives, orgId, opportunityId))
        .orderBy(asc(singleSalesObjectives.position), asc(singleSalesObjectives.createdAt)),
    () =>
      db
        .select({
          influence: buyingInfluences,
          firstName: contacts.firstName,
          lastName: contacts.lastName,
          title: contacts.title,
        })
        .from(buyingInfluences)
        .innerJoin(
          contacts,
          and(
            eq(contacts.orgId, buyingInfluences.orgId),
            eq(contacts.id, buyingInfluences.contactId),
          ),
        )
        .where(ofPlan(buyingInfluences, orgId, opportunityId))
        .orderBy(asc(buyingInfluences.createdAt), asc(buyingInfluences.id)),
    () =>
      db
        .select()
        .from(competitors)
        .where(ofPlan(competitors, orgId, opportunityId))
        .orderBy(asc(competitors.createdAt), asc(competitors.id)),
    () =>
      db
        .select({ step: actionSteps, ownerName: users.name })
        .from(actionSteps)
        .leftJoin(users, and(eq(users.orgId, actionSteps.orgId), eq(users.id, actionSteps.ownerId)))
        .where(ofPlan(actionSteps, orgId, opportunityId))
        .orderBy(asc(actionSteps.position), asc(actionSteps.createdAt)),
  ]);
  const influenceIds = influenceRows.map((r) => r.influence.id);
  const modeRows = influenceIds.length
    ? await db
        .select({ change: responseModeChanges, recordedByName: users.name })
        .from(responseModeChanges)
        .leftJoin(
          users,
          and(
            eq(users.orgId, responseModeChanges.orgId),
            eq(users.id, responseModeChanges.recordedBy),
          ),
        )
        .where(
          and(
            eq(responseModeChanges.orgId, orgId),
            inArray(responseModeChanges.influenceId, influenceIds),
          ),
        )
        .orderBy(asc(responseModeChanges.recordedOn), asc(responseModeChanges.createdAt))
    : [];
  return {
    plan,
    objectives,
    influences: influenceRows.map((r) => ({
      ...r.influence,
      contactName: [r.firstName, r.lastName].filter(Boolean).join(' '),
      contactTitle: r.title,
      modeHistory: modeRows
        .filter((m) => m.change.influenceId === r.influence.id)
        .map((m) => ({
          mode: m.change.responseMode,
          recordedOn: m.change.recordedOn,
          recordedByName: m.recordedByName,
        })),
    })),
    competitors: competitorRows,
    steps: stepRows.map((r) => ({ ...r.step, ownerName: r.ownerName })),
  };
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

/** The owner's open steps on their other deals with a due date, for the capacity check. */
export async function listOwnerOpenStepDates(
  db: Executor,
  orgId: string,
  ownerId: string,
  exceptOpportunityId: string,
): Promise<string[]> {
  const rows = await db
    .select({ dueOn: actionSteps.dueOn })
    .from(actionSteps)
    .where(
      and(
        eq(actionSteps.orgId, orgId),
        eq(actionSteps.ownerId, ownerId),
        eq(actionSteps.status, 'open'),
        ne(actionSteps.opportunityId, exceptOpportunityId),
        sql`${actionSteps.dueOn} is not null`,
      ),
    );
  return rows.map((r) => r.dueOn as string);
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
