import type { Database, Executor } from '../db/client';
import {
  type PlanCheckInsRow,
  readOverdueCheckIns,
  readPlanCheckIns,
  readTeamReps,
} from '../db/queries/dashboards';
import { getOrganisation } from '../db/queries/organisations';
import { inOneRoundTrip } from '../db/round-trip';
import { readWinRateGroups } from '../db/queries/reports';
import { getUser } from '../db/queries/users';
import { NotFoundError, ValidationError } from '../domain/errors';
import { standingOf } from '../domain/standing';
import { attentionOf, planPhaseOf } from '../domain/team-attention';
import { mergeUnconverted } from '../db/queries/money';
import type { TeamDashboard, TeamRepRow } from '../schemas/dashboards';
import { type Actor, canRead } from './authorization';
import { todayIn } from './clock';
import {
  computeRepFigures,
  dashboardYear,
  type RepFigures,
  rowUnconverted,
} from './dashboard-rep-figures';
import { buildReport, type Organisation } from './reports';

// A manager's team dashboard (issue #11, GET /api/dashboards/team): one row per rep of the team
// (users whose manager is the manager, role rep), the totals, the plans not yet agreed, the
// overdue check-ins and the team's conversion outliers. Every figure of every rep comes from the
// same grouped statements (dashboard-rep-figures.ts), never one round of queries per rep.

type Person = { id: string; name: string };

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function repRow(
  rep: Person,
  figures: RepFigures,
  weeksElapsed: number,
  closed: { won: number; lost: number; wonConverted: number; wonRevenueMinor: number } & {
    medianCycleDays: number | null;
  },
  checkInsOverdue: number,
  checkIns: PlanCheckInsRow | undefined,
  today: string,
): TeamRepRow {
  const { attainment, pipeline, plan } = figures;
  const neededPerWeek = figures.firstMeetings.neededPerWeek;
  const { phase, since } = planPhaseOf(plan);
  const activityPlanned = figures.activity.toDate.reduce((sum, row) => sum + row.planned, 0);
  const activityDone = figures.activity.toDate.reduce((sum, row) => sum + row.done, 0);
  const next =
    checkIns?.nextId && checkIns.nextDueOn && checkIns.nextPeriodStart && checkIns.nextPeriodEnd
      ? {
          id: checkIns.nextId,
          repPlanId: checkIns.repPlanId,
          dueOn: checkIns.nextDueOn,
          periodStart: checkIns.nextPeriodStart,
          periodEnd: checkIns.nextPeriodEnd,
          isOverdue: checkIns.nextDueOn < today,
        }
      : null;
  return {
    rep,
    plan: plan && {
      id: plan.id,
      state: plan.state,
      repSigned: plan.repSigned,
      managerSigned: plan.managerSigned,
    },
    wonToDate: attainment.wonToDateMinor,
    targetToDate: attainment.targetToDateMinor,
    targetYear: figures.targetYearMinor,
    attainment: attainment.attainment,
    gap: attainment.gapMinor,
    activityPlanned,
    activityDone,
    firstMeetingsNeeded: neededPerWeek === null ? null : neededPerWeek * weeksElapsed,
    firstMeetingsDone: figures.firstMeetings.doneToDate,
    openCount: pipeline.openCount,
    openValue: pipeline.openValue,
    weightedValue: pipeline.weightedValue,
    coverage: pipeline.coverage.coverage,
    neededCoverage: pipeline.coverage.neededCoverage,
    staleCount: pipeline.staleCount,
    slippingCount: pipeline.slippingCount,
    won: closed.won,
    lost: closed.lost,
    winRate: ratio(closed.won, closed.won + closed.lost),
    // Over the won deals with a rate, half up (domain/win-rate.ts averageWonDeal).
    averageWonDeal:
      closed.wonConverted === 0 ? null : Math.round(closed.wonRevenueMinor / closed.wonConverted),
    medianCycleDays: closed.medianCycleDays,
    checkInsOverdue,
    unconverted: rowUnconverted(figures),
    activityPlannedThisMonth: figures.activity.month.reduce((sum, row) => sum + row.planned, 0),
    activityDoneThisMonth: figures.activity.month.reduce((sum, row) => sum + row.done, 0),
    planPhase: phase,
    planSince: since,
    lastCheckIn:
      checkIns?.lastHeldId && checkIns.lastHeldOn
        ? { id: checkIns.lastHeldId, heldOn: checkIns.lastHeldOn }
        : null,
    nextCheckIn: next,
    attention: attentionOf({
      phase,
      checkInsOverdue,
      attainment: standingOf(attainment.wonToDateMinor, attainment.targetToDateMinor),
      // The year to date, as the attainment: a month's first days say too little to judge by.
      activity: standingOf(activityDone, activityPlanned),
      coverage: pipeline.coverage.coverage,
      neededCoverage: pipeline.coverage.neededCoverage,
    }),
  };
}

/** Sums over the rows; rates from the sums; the average over every won deal with a rate. */
function totalsOf(
  rows: readonly TeamRepRow[],
  figures: readonly RepFigures[],
  wonWithRate: { count: number; revenueMinor: number },
): TeamDashboard['totals'] {
  const sum = (pick: (row: TeamRepRow) => number) => rows.reduce((s, row) => s + pick(row), 0);
  const wonToDate = sum((r) => r.wonToDate);
  const targetToDate = sum((r) => r.targetToDate);
  const won = sum((r) => r.won);
  const lost = sum((r) => r.lost);
  const needed = rows.flatMap((r) =>
    r.firstMeetingsNeeded === null ? [] : [r.firstMeetingsNeeded],
  );
  const due = figures.reduce((s, f) => s + f.pipeline.coverage.pipelineDueMinor, 0);
  const remaining = figures.reduce((s, f) => s + f.pipeline.coverage.remainingTargetMinor, 0);
  return {
    wonToDate,
    targetToDate,
    targetYear: sum((r) => r.targetYear),
    attainment: ratio(wonToDate, targetToDate),
    gap: targetToDate - wonToDate,
    activityPlanned: sum((r) => r.activityPlanned),
    activityDone: sum((r) => r.activityDone),
    activityPlannedThisMonth: sum((r) => r.activityPlannedThisMonth),
    activityDoneThisMonth: sum((r) => r.activityDoneThisMonth),
    firstMeetingsNeeded: needed.length === 0 ? null : needed.reduce((s, n) => s + n, 0),
    firstMeetingsDone: sum((r) => r.firstMeetingsDone),
    openCount: sum((r) => r.openCount),
    openValue: sum((r) => r.openValue),
    weightedValue: sum((r) => r.weightedValue),
    // The team's open value due in the year against the sum of its reps' remaining targets.
    coverage: ratio(due, remaining),
    staleCount: sum((r) => r.staleCount),
    slippingCount: sum((r) => r.slippingCount),
    won,
    lost,
    winRate: ratio(won, won + lost),
    averageWonDeal:
      wonWithRate.count === 0 ? null : Math.round(wonWithRate.revenueMinor / wonWithRate.count),
    checkInsOverdue: sum((r) => r.checkInsOverdue),
    unconverted: mergeUnconverted(rows.map((r) => ({ totalMinor: 0, unconverted: r.unconverted }))),
  };
}

/** The team dashboard of `manager` as of `today`, for an actor already allowed to read it. */
export async function buildTeamDashboard(
  db: Executor,
  org: Organisation,
  manager: Person,
  today: string,
): Promise<TeamDashboard> {
  const year = await dashboardYear(db, org, today);
  const day = year.today;
  const reps = await readTeamReps(db, org.id, manager.id);
  const repIds = reps.map((rep) => rep.id);
  const report = { orgId: org.id, today: day, scope: repIds };
  // The panels' statements together: one round trip for the raw ones (db/round-trip.ts).
  const [figures, closedRows, overdue, checkInRows, outliers] = await inOneRoundTrip(
    db,
    (batched) =>
      Promise.all([
        computeRepFigures(batched, year, repIds),
        readWinRateGroups(batched, report, 'rep', year.yearToDate),
        readOverdueCheckIns(batched, { orgId: org.id, today: day, ownerIds: repIds }),
        readPlanCheckIns(batched, org.id, repIds, year.fiscalYear),
        buildReport(batched, org, {
          kind: 'outliers',
          period: year.yearToDate,
          today: day,
          ownerIds: repIds,
        }),
      ]),
  );
  const closed = new Map(closedRows.map((row) => [row.id, row]));
  const checkIns = new Map(checkInRows.map((row) => [row.repId, row]));
  const none = { won: 0, lost: 0, wonConverted: 0, wonRevenueMinor: 0, medianCycleDays: null };
  const repFigures = reps.flatMap((rep) => figures.get(rep.id) ?? []);
  const rows = reps.flatMap((rep) => {
    const found = figures.get(rep.id);
    if (!found) return [];
    const overdueCount = overdue.filter((c) => c.repId === rep.id).length;
    return [
      repRow(
        rep,
        found,
        year.weeksElapsed,
        closed.get(rep.id) ?? none,
        overdueCount,
        checkIns.get(rep.id),
        day,
      ),
    ];
  });
  const wonWithRate = [...closed.values()].reduce(
    (s, row) => ({
      count: s.count + row.wonConverted,
      revenueMinor: s.revenueMinor + row.wonRevenueMinor,
    }),
    { count: 0, revenueMinor: 0 },
  );
  const person = (row: TeamRepRow) => row.rep;
  return {
    manager,
    today: day,
    currency: org.currency,
    fiscalYear: year.fiscalYear,
    period: year.yearToDate,
    reps: rows,
    totals: totalsOf(rows, repFigures, wonWithRate),
    plans: {
      missing: rows.filter((r) => r.plan === null).map(person),
      unsigned: rows
        .filter((r) => r.plan && ['draft', 'proposed'].includes(r.plan.state) && !r.plan.repSigned)
        .map(person),
      awaitingManager: rows
        .filter((r) => r.plan && r.plan.repSigned && !r.plan.managerSigned)
        .map(person),
    },
    checkInsOverdue: overdue.map((c) => ({
      id: c.id,
      repPlanId: c.repPlanId,
      dueOn: c.dueOn,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      isOverdue: true,
      rep: { id: c.repId, name: c.repName },
    })),
    outliers,
  };
}

/**
 * GET /api/dashboards/team: a manager's own team by default; a leader or admin names any
 * manager. A manager outside the caller's view, or anyone who is not a manager, is not found.
 */
export async function getTeamDashboard(
  db: Database,
  actor: Actor,
  query: { managerId?: string | undefined },
): Promise<TeamDashboard> {
  if (!query.managerId && actor.role !== 'manager' && actor.role !== 'rep') {
    throw new ValidationError({
      field: 'managerId',
      reason: 'name the manager whose team to show',
    });
  }
  const managerId = query.managerId ?? actor.userId;
  // A rep has no team to see; a manager sees their own and those of managers below them.
  const isVisible = actor.role !== 'rep' && canRead(actor, managerId);
  const manager = isVisible ? await getUser(db, actor.orgId, managerId) : undefined;
  if (!manager || manager.role !== 'manager') throw new NotFoundError('Team', managerId);
  const org = await getOrganisation(db, actor.orgId);
  if (!org) throw new NotFoundError('Organisation', actor.orgId);
  return buildTeamDashboard(db, org, { id: manager.id, name: manager.name }, todayIn(org.timeZone));
}
