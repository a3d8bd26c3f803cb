import type { Database, Executor } from '../db/client';
import {
  getCheckIn as getCheckInRow,
  listDueCheckIns,
  updateCheckIn,
} from '../db/queries/check-ins';
import { listDoneActivities, type RepPlanRow } from '../db/queries/rep-plans';
import { monthPlanToDay } from '../domain/activity-plan';
import { checkCheckInTiming, checkInTimingOf } from '../domain/check-ins';
import { maxDate, minDate, monthOf } from '../domain/calendar';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { decideRepPlanTransition } from '../domain/rep-plan-states';
import type { CheckIn, PlanVsActual } from '../schemas/check-ins';
import type { CheckInRecordInput } from '../schemas/rep-plans';
import { recordChanges } from './audit';
import type { Actor } from './authorization';
import { todayIn } from './clock';
import { repPlanAttainment } from './rep-plan-attainment';
import { computeRepPlanFigures } from './rep-plan-figures';
import { assertAllowed } from './rep-plan-agreement';
import { freezeVersion } from './rep-plan-versions';
import { loadVisibleRepPlan, partyOf, statusOf, writeRepPlanContent } from './rep-plans';

// Check-ins on a rep plan: the form comes pre-filled with plan vs actual (activities done in
// the DB, won revenue against the seasonal target to date); an agreed adjustment revises the plan.

type CheckInRow = NonNullable<Awaited<ReturnType<typeof getCheckInRow>>>;

/** Plan vs actual from the period's start to today (or its end): planned counts are the plan's
 * months before today's in full and today's month to today (its working days so far, the Team
 * page's rule: `monthPlanToDay`), done counts the rep's done activities; targets are to date. */
export async function planVsActualOf(
  db: Executor,
  plan: RepPlanRow,
  checkIn: Pick<CheckInRow, 'periodStart' | 'periodEnd'>,
  today: string,
): Promise<PlanVsActual> {
  const figures = await computeRepPlanFigures(db, plan, today);
  const asOf = minDate(maxDate(today, checkIn.periodStart), checkIn.periodEnd);
  const months = figures.activityPlanFull.monthly
    .filter((m) => m.month >= monthOf(checkIn.periodStart) && m.month <= monthOf(asOf))
    .map((m) =>
      m.month === monthOf(asOf) ? { ...m, counts: monthPlanToDay(m.counts, m.month, asOf) } : m,
    );
  const done = await listDoneActivities(db, plan.orgId, plan.repId, {
    from: checkIn.periodStart,
    to: asOf,
  });
  const types = [
    ...new Set([...Object.keys(figures.activityPlan.yearly), ...done.map((a) => a.activityType)]),
  ].sort();
  const activities = types.map((activityType) => {
    const planned = months.reduce((sum, m) => sum + (m.counts[activityType] ?? 0), 0);
    const doneCount = done.filter((a) => a.activityType === activityType).length;
    return { activityType, planned, done: doneCount, isBehind: doneCount < planned };
  });
  // The dashboards' attainment as of the check-in's day, per segment (rep-plan-attainment.ts).
  const attainment = await repPlanAttainment(db, plan, asOf);
  const targets = (attainment?.rows ?? []).map((row) => ({
    key: row.key,
    label: row.label,
    targetYearMinor: row.targetYearMinor,
    targetToDateMinor: row.targetToDateMinor,
    wonToDateMinor: row.wonToDateMinor,
    gapMinor: row.gapMinor,
    isBehind: row.isBehind,
    // The won deals left out of the total for want of an exchange rate.
    unconverted: row.key === 'total' ? (attainment?.unconverted ?? []) : [],
  }));
  return { asOf, activities, targets };
}

function toCheckIn(row: CheckInRow, planVsActual: PlanVsActual, today: string): CheckIn {
  return {
    id: row.id,
    repPlanId: row.repPlanId,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    dueOn: row.dueOn,
    status: row.status,
    isOverdue: row.status === 'due' && row.dueOn < today,
    heldOn: row.heldOn,
    resultingVersionNumber: row.resultingVersionNumber,
    // Before recording: whether it can be held today and is early; once held: whether it was.
    ...checkInTimingOf(row, row.heldOn ?? today),
    planVsActual,
    discrepancies: row.discrepancies,
    difficulties: row.difficulties,
    adjustments: row.adjustments,
  };
}

async function loadCheckIn(db: Executor, actor: Actor, planId: string, checkInId: string) {
  const { plan } = await loadVisibleRepPlan(db, actor, planId);
  const row = await getCheckInRow(db, actor.orgId, planId, checkInId);
  if (!row) throw new NotFoundError('Check-in', checkInId);
  return { plan, row };
}

/** The check-in form: a held one as recorded, a due one pre-filled from today's data. */
export async function getCheckIn(db: Executor, actor: Actor, planId: string, checkInId: string) {
  const today = todayIn(actor.timeZone);
  const { plan, row } = await loadCheckIn(db, actor, planId, checkInId);
  const stored = row.status === 'held' ? (row.planVsActual as PlanVsActual | null) : null;
  return toCheckIn(row, stored ?? (await planVsActualOf(db, plan, row, today)), today);
}

export async function recordCheckIn(
  db: Database,
  actor: Actor,
  planId: string,
  checkInId: string,
  input: CheckInRecordInput,
) {
  const today = todayIn(actor.timeZone);
  await db.transaction(async (tx) => {
    const { plan, row } = await loadCheckIn(tx, actor, planId, checkInId);
    const party = partyOf(actor, plan);
    if (party === 'other')
      throw new ForbiddenError('Only the rep and their manager hold a check-in');
    if (row.status === 'held') throw new ConflictError('This check-in is already recorded');
    checkCheckInTiming(row, input.heldOn ?? today);
    const planVsActual = await planVsActualOf(tx, plan, row, today);
    let resultingVersionNumber: number | null = null;
    if (input.planChanges) {
      if (input.adjustments.trim() === '') {
        throw new ValidationError({ field: 'adjustments', reason: 'say what was agreed' });
      }
      assertAllowed(
        decideRepPlanTransition(statusOf(plan), 'revised', party, { hasAdjustment: true }),
      );
      // The check-in is held together: the agreed adjustment is both sides' signature.
      const now = new Date();
      const after = await writeRepPlanContent(tx, actor, plan, {
        ...input.planChanges,
        state: 'revised',
        repSignedAt: now,
        managerSignedAt: now,
      });
      const figures = await computeRepPlanFigures(tx, after, today);
      resultingVersionNumber = await freezeVersion(
        tx,
        after,
        figures,
        { repSignedAt: now, managerSignedAt: now },
        input.adjustments,
      );
    }
    const after = await updateCheckIn(tx, actor.orgId, checkInId, {
      status: 'held',
      heldOn: input.heldOn ?? today,
      heldBy: actor.userId,
      planVsActual,
      discrepancies: input.discrepancies,
      difficulties: input.difficulties,
      adjustments: input.adjustments,
      resultingVersionNumber,
    });
    await recordChanges(tx, actor, [
      {
        entityType: 'check_in',
        entityId: checkInId,
        action: 'update',
        before: row,
        after,
        scopeType: 'rep_plan',
        scopeId: planId,
      },
    ]);
  });
  return getCheckIn(db, actor, planId, checkInId);
}

/** Check-ins due now or overdue on the plans the actor may see, soonest first. */
export async function listDue(db: Executor, actor: Actor) {
  const today = todayIn(actor.timeZone);
  const rows = await listDueCheckIns(db, actor.orgId, actor.visibleOwnerIds, today);
  const items = rows.map(({ checkIn, repId, repName, fiscalYear }) => ({
    id: checkIn.id,
    repPlanId: checkIn.repPlanId,
    periodStart: checkIn.periodStart,
    periodEnd: checkIn.periodEnd,
    dueOn: checkIn.dueOn,
    status: checkIn.status,
    isOverdue: checkIn.dueOn < today,
    heldOn: checkIn.heldOn,
    resultingVersionNumber: checkIn.resultingVersionNumber,
    year: fiscalYear,
    rep: { id: repId, name: repName },
  }));
  return { items, total: items.length };
}
