import type { Executor } from '../db/client';
import { findRepPlan, getRepPlan } from '../db/queries/rep-plans';
import { listTeamPlans } from '../db/queries/team-plans';
import { getUserWithOrganisation } from '../db/queries/users';
import { addDays, fiscalYearMonths, fiscalYearStartOf } from '../domain/calendar';
import { NotFoundError } from '../domain/errors';
import { planningOpensOn } from '../domain/rep-plan-states';
import type { PlanningCalendar } from '../schemas/planning-calendar';
import type { Actor } from './authorization';
import { todayIn } from './clock';

// What the signed-in person has to plan for a year, and when: their rep plan (reps), their team
// plan (managers), and the quarterly inspections. The year defaults to the next one.

export async function planningCalendar(
  db: Executor,
  actor: Actor,
  requestedYear: number | undefined,
): Promise<PlanningCalendar> {
  const today = todayIn(actor.timeZone);
  const me = await getUserWithOrganisation(db, actor.orgId, actor.userId);
  if (!me) throw new NotFoundError('User', actor.userId);
  const year = requestedYear ?? Number(today.slice(0, 4)) + 1;
  const start = fiscalYearStartOf(year, me.organisation.fiscalYearStartMonth);
  const months = fiscalYearMonths(start);
  const opensOn = planningOpensOn(start);
  const yearStart = months[0]?.start ?? '';
  const tasks: PlanningCalendar['tasks'] = [];
  if (actor.role === 'rep' || actor.role === 'manager') {
    const found = await findRepPlan(db, actor.orgId, actor.userId, year);
    const plan = found && (await getRepPlan(db, actor.orgId, found.id));
    tasks.push({
      kind: 'rep_plan',
      title: `Build and agree your ${year} plan with your manager`,
      from: opensOn,
      dueOn: addDays(yearStart, -1),
      isDone: plan?.plan.state === 'agreed' || plan?.plan.state === 'revised',
    });
  }
  if (actor.role === 'manager') {
    const teamPlans = await listTeamPlans(db, actor.orgId, [actor.userId], year);
    tasks.push({
      kind: 'team_plan',
      title: `Write the team's ${year} sales & marketing plan`,
      from: opensOn,
      dueOn: addDays(yearStart, -1),
      isDone: teamPlans.length > 0,
    });
  }
  for (const quarter of [0, 1, 2, 3]) {
    const first = months[quarter * 3];
    const last = months[quarter * 3 + 2];
    tasks.push({
      kind: 'inspection',
      title: `Q${quarter + 1} inspection of the plans`,
      from: first?.start ?? '',
      dueOn: last?.end ?? '',
      isDone: false,
    });
  }
  return {
    year,
    fiscalYearStart: start,
    planningOpensOn: opensOn,
    isPlanningOpen: today >= opensOn,
    tasks,
  };
}
