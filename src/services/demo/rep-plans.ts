import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  insertRepPlan,
  insertRepPlanComment,
  replaceTargetAccounts,
  updateRepPlan,
} from '../../db/queries/rep-plans';
import {
  insertStrategy,
  listActivityTypeHours,
  listSegmentNorms,
  replaceAssignments,
  replaceSegmentShares,
  wonRevenueByOwner,
  wonRevenueBySegment,
} from '../../db/queries/strategies';
import { countTeamPlanMetrics, insertTeamPlan } from '../../db/queries/team-plans';
import { accounts, segments, users } from '../../db/schema';
import { sellingHoursInPeriod } from '../../domain/activity-capacity';
import { daysBetween, fiscalYearPeriod, fiscalYearStartOf } from '../../domain/calendar';
import { lookBackPeriod } from '../../domain/funnel-ratios';
import type { Actor } from '../authorization';
import { scheduleCheckIns } from '../check-in-schedule';
import { computeRepPlanFigures } from '../rep-plan-figures';
import { freezeVersion } from '../rep-plan-versions';
import { saveTeamPlan } from '../team-plans';
import { holdCheckIns } from './rep-plan-check-ins';
import { DEMO_TIME_ZONE } from './generate';
import {
  type DemoTeamActivity,
  demoTeamActivities,
  demoTeamPlanContent,
} from './team-plan-content';

// The strategy chain for the demo organisation, for the anchor date's fiscal year: a strategy
// (history seasonality), a team plan per manager, and a rep plan per rep: most agreed with
// check-ins held (discrepancies written from plan vs actual), one revised at a check-in, some
// still proposed or draft, and a check-in left overdue in each team.

export type DemoRepPlanSummary = { repPlans: number; checkInsHeld: number; revisedPlans: number };

/** The segments the strategy's mix names (by code); the rest of the revenue is "Other". */
const MIX_SEGMENTS = 3;
/**
 * What each rep is asked for over their own last twelve months, by their place in the plan
 * states below (i % 5: revised, agreed with a check-in overdue, proposed, draft, agreed
 * quarterly). Asking less of some (a quiet territory) and much more of others puts some reps
 * ahead of their target to date and some behind, as in a real team.
 */
export const DEMO_GROWTH = [1.1, 1.25, 0.85, 1.35, 1.05];
const THOUSAND_MINOR = 100_000;
/** The share of a rep's selling hours the demo's plans fill at most (see accountsWithinCapacity). */
export const PLANNED_SHARE_OF_CAPACITY = 0.9;
const at = (date: string, hour: number) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * Each rep's target for the anchor's year: their own won revenue over the twelve months to the
 * anchor date plus 10, 15 or 20%, rounded up to a thousand. The year's won revenue to date lies
 * inside those twelve months, so no plan starts with its goal already met, whatever the date;
 * a rep without wins gets half the average target.
 */
async function repTargets(
  db: Executor,
  orgId: string,
  anchorDate: string,
  repIds: readonly string[],
): Promise<number[]> {
  const wonBy = await wonRevenueByOwner(db, orgId, lookBackPeriod(anchorDate, 12));
  const thousands = (minor: number) => Math.ceil(minor / THOUSAND_MINOR) * THOUSAND_MINOR;
  const targets = repIds.map((id, i) =>
    thousands((wonBy.get(id) ?? 0) * (DEMO_GROWTH[i % DEMO_GROWTH.length] ?? 1)),
  );
  const average = targets.reduce((sum, t) => sum + t, 0) / Math.max(1, targets.length);
  const fallback = Math.max(THOUSAND_MINOR, thousands(average / 2));
  return targets.map((t) => (t === 0 ? fallback : t));
}

async function loadStrategy(
  db: Executor,
  orgId: string,
  year: number,
  anchorDate: string,
  repIds: readonly string[],
) {
  const targets = await repTargets(db, orgId, anchorDate, repIds);
  await insertStrategy(db, {
    orgId,
    fiscalYear: year,
    startMonth: 1,
    targetMinor: targets.reduce((sum, t) => sum + t, 0),
    currency: 'EUR',
    model: 'territory',
    seasonalityKind: 'history',
  });
  // The segment mix is the last twelve months' won revenue by segment, in whole percent, for
  // the first three segments; the fourth and deals without a segment make up "Other".
  const wonBySegment = await wonRevenueBySegment(db, orgId, lookBackPeriod(anchorDate, 12));
  const wonTotal = [...wonBySegment.values()].reduce((sum, won) => sum + won, 0);
  const segmentRows = await db
    .select()
    .from(segments)
    .where(eq(segments.orgId, orgId))
    .orderBy(asc(segments.code));
  await replaceSegmentShares(
    db,
    orgId,
    year,
    segmentRows.slice(0, MIX_SEGMENTS).map((s) => ({
      segmentId: s.id,
      shareBasisPoints:
        wonTotal > 0 ? Math.round(((wonBySegment.get(s.id) ?? 0) / wonTotal) * 100) * 100 : 0,
    })),
  );
  // The territory weight is the rep's target in thousands: the strategy totals the reps'
  // targets, so the cascade gives each rep exactly their own.
  await replaceAssignments(
    db,
    orgId,
    year,
    repIds.map((repId, i) => ({
      repId,
      segmentId: null,
      weight: (targets[i] ?? THOUSAND_MINOR) / THOUSAND_MINOR,
    })),
  );
}

/**
 * Each counted metric's target: what the team did of it over the twelve months to the anchor
 * date, over the activity's timeline, times the activity's pace, rounded to a five: the plan asks
 * about as much as the team does, so its progress reads as a believable share.
 */
async function withTargetsFromPace(
  db: Executor,
  orgId: string,
  anchorDate: string,
  teamIds: readonly string[],
  activities: readonly DemoTeamActivity[],
): Promise<DemoTeamActivity[]> {
  const lastYear = lookBackPeriod(anchorDate, 12);
  const counted = await countTeamPlanMetrics(
    db,
    orgId,
    teamIds,
    activities.flatMap((a) =>
      a.metricDefinition && a.pace !== null
        ? [{ id: a.key, definition: a.metricDefinition, ...lastYear }]
        : [],
    ),
  );
  return activities.map((a) => {
    const lastYearCount = counted.get(a.key)?.value;
    if (a.pace === null || lastYearCount === undefined || !a.startsOn || !a.endsOn) return a;
    const share = (daysBetween(a.startsOn, a.endsOn) + 1) / 365;
    return { ...a, targetValue: Math.max(5, Math.round((lastYearCount * a.pace * share) / 5) * 5) };
  });
}

/**
 * The accounts a rep's plan targets: every account the rep works, the largest first (segment A
 * to D, customers before prospects), as long as the norms' hours for them fit in nine tenths
 * of the rep's selling hours of the year: a plan at the norms (demo-norms.ts) that the rep has the
 * hours for, with a tenth left for the busier weeks of the season and what no plan foresees.
 */
async function accountsWithinCapacity(
  db: Executor,
  orgId: string,
  rep: { id: string; sellingHoursPerWeek: number },
  year: number,
) {
  const worked = await db
    .select({
      id: accounts.id,
      segmentId: accounts.segmentId,
      status: accounts.status,
      code: segments.code,
    })
    .from(accounts)
    .innerJoin(
      segments,
      and(eq(segments.orgId, accounts.orgId), eq(segments.id, accounts.segmentId)),
    )
    .where(and(eq(accounts.orgId, orgId), eq(accounts.ownerId, rep.id)))
    .orderBy(asc(segments.code), asc(accounts.status), asc(accounts.name));
  const hoursOf = new Map((await listActivityTypeHours(db, orgId)).map((t) => [t.key, t.hours]));
  const hoursPerAccount = new Map<string, number>();
  for (const norm of await listSegmentNorms(db, orgId)) {
    const key = `${norm.segmentId}|${norm.accountStatus}`;
    hoursPerAccount.set(
      key,
      (hoursPerAccount.get(key) ?? 0) + norm.countPerYear * (hoursOf.get(norm.activityType) ?? 0),
    );
  }
  let left =
    PLANNED_SHARE_OF_CAPACITY *
    sellingHoursInPeriod(rep.sellingHoursPerWeek, fiscalYearPeriod(fiscalYearStartOf(year, 1)));
  return worked.filter((account) => {
    const hours = hoursPerAccount.get(`${account.segmentId}|${account.status}`) ?? 0;
    if (hours > left) return false;
    left -= hours;
    return true;
  });
}

/** Loads the demo's strategy, team plans, rep plans and check-ins, inside the caller's transaction. */
export async function loadDemoRepPlans(
  db: Executor,
  orgId: string,
  anchorDate: string,
): Promise<DemoRepPlanSummary> {
  const year = Number(anchorDate.slice(0, 4));
  const people = await db
    .select()
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(asc(users.email));
  // rep1 to rep15 in number order, five to a team: i % 5 is a rep's place in their team, so
  // every manager has one plan of each state below (one waiting for the countersignature, one
  // draft, one check-in overdue).
  const reps = people
    .filter((user) => user.role === 'rep' && user.managerId !== null)
    .sort((a, b) => a.email.localeCompare(b.email, 'en', { numeric: true }));
  await loadStrategy(
    db,
    orgId,
    year,
    anchorDate,
    reps.map((rep) => rep.id),
  );

  const [segmentA] = await db
    .select({ id: segments.id })
    .from(segments)
    .where(and(eq(segments.orgId, orgId), eq(segments.code, 'A')));
  const segmentAId = segmentA?.id ?? null;
  for (const manager of people.filter((user) => user.role === 'manager')) {
    const team = reps.filter((rep) => rep.managerId === manager.id).map((rep) => rep.id);
    const plan = await insertTeamPlan(db, { orgId, managerId: manager.id, fiscalYear: year });
    if (!plan) continue;
    const actor: Actor = {
      orgId,
      userId: manager.id,
      role: 'manager',
      name: manager.name,
      timeZone: DEMO_TIME_ZONE,
      visibleOwnerIds: [manager.id, ...team],
      editableOwnerIds: [manager.id, ...team],
    };
    const activities = await withTargetsFromPace(
      db,
      orgId,
      anchorDate,
      [manager.id, ...team],
      demoTeamActivities(year, team, segmentAId),
    );
    await saveTeamPlan(db, actor, plan.id, demoTeamPlanContent(activities), 1);
  }

  let checkInsHeld = 0;
  let revisedPlans = 0;
  for (const [i, rep] of reps.entries()) {
    const managerId = rep.managerId ?? '';
    const plan = await insertRepPlan(db, {
      orgId,
      repId: rep.id,
      managerId,
      fiscalYear: year,
      cadence: i % 5 === 4 ? 'quarterly' : 'monthly',
      funnelInputs: i === 1 ? { callsPerMeeting: 4 } : {},
    });
    const targets = await accountsWithinCapacity(db, orgId, rep, year);
    await replaceTargetAccounts(
      db,
      orgId,
      plan.id,
      targets.map((a) => a.id),
    );
    const repSignedAt = at(`${year}-01-0${(i % 5) + 2}`, 9);
    const managerSignedAt = at(`${year}-01-0${(i % 5) + 2}`, 16);
    if (i % 5 === 3) continue; // still a draft
    if (i % 5 === 2) {
      await updateRepPlan(db, orgId, plan.id, plan.version, { state: 'proposed', repSignedAt });
      continue;
    }
    const agreed = await updateRepPlan(db, orgId, plan.id, plan.version, {
      state: 'agreed',
      repSignedAt,
      managerSignedAt,
    });
    if (!agreed) throw new Error('demo rep plan changed while loading');
    const figures = await computeRepPlanFigures(db, agreed, anchorDate);
    await freezeVersion(
      db,
      agreed,
      figures,
      { repSignedAt, managerSignedAt },
      'Agreed by the rep and the manager',
    );
    await scheduleCheckIns(
      db,
      agreed,
      figures.fiscalYearStart,
      managerSignedAt.toISOString().slice(0, 10),
    );
    const result = await holdCheckIns(db, agreed, anchorDate, managerId, {
      leaveLastOverdue: i % 5 === 1,
      revise: i === 0,
    });
    checkInsHeld += result.held;
    revisedPlans += result.revisedPlans;
    if (i === 0) {
      await insertRepPlanComment(db, {
        orgId,
        repPlanId: plan.id,
        authorId: rep.id,
        body: 'Can we drop the accounts that froze their budgets?',
      });
      await insertRepPlanComment(db, {
        orgId,
        repPlanId: plan.id,
        authorId: managerId,
        body: 'Yes: keep 32, and we look again at the next check-in.',
      });
    }
  }
  return { repPlans: reps.length, checkInsHeld, revisedPlans };
}
