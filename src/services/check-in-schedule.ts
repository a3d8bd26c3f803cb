import type { Executor } from '../db/client';
import { insertCheckIns } from '../db/queries/check-ins';
import type { RepPlanRow } from '../db/queries/rep-plans';
import type { CheckInCadence } from '../domain/rep-plan-states';
import { fiscalYearMonths } from '../domain/calendar';
import type { IsoDate, IsoMonth } from '../domain/calendar';

// Check-ins follow the plan's cadence (DOMAIN.md, "Rep plan"): one per fiscal month or quarter,
// due on the period's last day, from the period in which the plan is agreed (a plan agreed in
// November has no check-ins for January to October). Quarters are also the seed's minimum
// inspection (seed 002).

export function checkInPeriods(
  fiscalYearStart: IsoMonth,
  cadence: CheckInCadence,
  agreedOn: IsoDate,
): { periodStart: IsoDate; periodEnd: IsoDate; dueOn: IsoDate }[] {
  const months = fiscalYearMonths(fiscalYearStart);
  const size = cadence === 'monthly' ? 1 : 3;
  const periods = [];
  for (let first = 0; first < 12; first += size) {
    const start = months[first]?.start ?? '';
    const end = months[first + size - 1]?.end ?? '';
    if (end >= agreedOn) periods.push({ periodStart: start, periodEnd: end, dueOn: end });
  }
  return periods;
}

/** Adds the year's check-ins the plan does not have yet (an agreed plan keeps those it had). */
export async function scheduleCheckIns(
  db: Executor,
  plan: RepPlanRow,
  fiscalYearStart: IsoMonth,
  agreedOn: IsoDate,
): Promise<void> {
  await insertCheckIns(
    db,
    checkInPeriods(fiscalYearStart, plan.cadence, agreedOn).map((period) => ({
      orgId: plan.orgId,
      repPlanId: plan.id,
      ...period,
    })),
  );
}
