import type { Executor } from '../../db/client';
import { listCheckInsOfPlan, updateCheckIn } from '../../db/queries/check-ins';
import {
  listTargetAccounts,
  replaceTargetAccounts,
  type RepPlanRow,
  updateRepPlan,
} from '../../db/queries/rep-plans';
import { addDays, minDate } from '../../domain/calendar';
import { planVsActualOf } from '../check-ins';
import { computeRepPlanFigures } from '../rep-plan-figures';
import { freezeVersion } from '../rep-plan-versions';

// The demo's past check-ins: held three days after each period, the last two with plan vs actual
// and the discrepancies written from it; optionally one left overdue, or the last one revising
// the plan (fewer target accounts) as an agreed adjustment.

const at = (date: string, hour: number) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

function discrepanciesOf(planVsActual: Awaited<ReturnType<typeof planVsActualOf>>): string {
  const behind = planVsActual.activities.filter((a) => a.isBehind);
  const lines = behind.map(
    (a) => `${a.activityType.replace('_', ' ')}: ${a.done} done of ${a.planned} planned`,
  );
  const total = planVsActual.targets.find((t) => t.key === 'total');
  if (total?.isBehind) lines.push('Won revenue is behind the seasonal target to date.');
  return lines.join('\n');
}

export async function holdCheckIns(
  db: Executor,
  plan: RepPlanRow,
  anchorDate: string,
  managerId: string,
  options: { leaveLastOverdue: boolean; revise: boolean },
) {
  const past = (await listCheckInsOfPlan(db, plan.orgId, plan.id)).filter(
    (c) => c.dueOn < anchorDate,
  );
  const held = options.leaveLastOverdue ? past.slice(0, -1) : past;
  let revisedPlans = 0;
  for (const [index, checkIn] of held.entries()) {
    const isRecent = index >= held.length - 2;
    // Three days after the period, but never after the demo's today (no check-in held in the future).
    const heldOn = minDate(addDays(checkIn.periodEnd, 3), anchorDate);
    const planVsActual = isRecent
      ? await planVsActualOf(db, plan, checkIn, checkIn.periodEnd)
      : null;
    const isRevision = options.revise && index === held.length - 1;
    let resultingVersionNumber: number | null = null;
    if (isRevision) {
      const current = (await listTargetAccounts(db, plan.orgId, plan.id)).slice(0, 32);
      await replaceTargetAccounts(
        db,
        plan.orgId,
        plan.id,
        current.map((a) => a.accountId),
      );
      const signed = at(heldOn, 11);
      const after = await updateRepPlan(db, plan.orgId, plan.id, plan.version, {
        state: 'revised',
        repSignedAt: signed,
        managerSignedAt: signed,
      });
      if (!after) throw new Error('demo rep plan changed while loading');
      resultingVersionNumber = await freezeVersion(
        db,
        after,
        await computeRepPlanFigures(db, after, anchorDate),
        { repSignedAt: signed, managerSignedAt: signed },
        'Fewer target accounts so each gets its full call and meeting norm',
      );
      revisedPlans += 1;
    }
    await updateCheckIn(db, plan.orgId, checkIn.id, {
      status: 'held',
      heldOn,
      heldBy: managerId,
      planVsActual,
      discrepancies: planVsActual ? discrepanciesOf(planVsActual) : '',
      difficulties: isRecent ? 'Prospects postpone first meetings until budgets are set.' : '',
      adjustments: isRevision
        ? 'Focus on 32 target accounts; drop the ones that froze their budgets.'
        : '',
      resultingVersionNumber,
    });
  }
  return { held: held.length, revisedPlans };
}
