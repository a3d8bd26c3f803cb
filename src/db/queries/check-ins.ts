import { and, asc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../client';
import { checkIns, repPlans, users } from '../schema';
import { inOwnerScope, type OwnerScope } from './scope';

export type CheckInRow = typeof checkIns.$inferSelect;
export type NewCheckInRow = typeof checkIns.$inferInsert;

export async function insertCheckIns(db: Executor, rows: NewCheckInRow[]) {
  if (rows.length > 0) await db.insert(checkIns).values(rows).onConflictDoNothing();
}

export async function listCheckInsOfPlan(db: Executor, orgId: string, repPlanId: string) {
  return db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.repPlanId, repPlanId)))
    .orderBy(asc(checkIns.periodStart));
}

export async function getCheckIn(db: Executor, orgId: string, repPlanId: string, id: string) {
  const [row] = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.repPlanId, repPlanId), eq(checkIns.id, id)));
  return row;
}

export async function updateCheckIn(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<NewCheckInRow>,
) {
  const [row] = await db
    .update(checkIns)
    .set(patch)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.id, id)))
    .returning();
  return row;
}

/** Check-ins still due whose period has started, of the plans whose rep is in scope. */
export async function listDueCheckIns(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  today: string,
) {
  return db
    .select({
      checkIn: checkIns,
      repId: repPlans.repId,
      repName: users.name,
      fiscalYear: repPlans.fiscalYear,
    })
    .from(checkIns)
    .innerJoin(
      repPlans,
      and(eq(repPlans.orgId, checkIns.orgId), eq(repPlans.id, checkIns.repPlanId)),
    )
    .innerJoin(users, and(eq(users.orgId, repPlans.orgId), eq(users.id, repPlans.repId)))
    .where(
      and(
        eq(checkIns.orgId, orgId),
        eq(checkIns.status, 'due'),
        lte(checkIns.periodStart, today),
        inOwnerScope(repPlans.repId, scope),
      ),
    )
    .orderBy(asc(checkIns.dueOn), asc(users.name));
}
