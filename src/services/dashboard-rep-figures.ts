import type { Executor } from '../db/client';
import {
  type DashboardPlanRow,
  type DashboardScope,
  readDoneActivityCounts,
  readFunnelActivityCounts,
  readNormActivityTypes,
  readPipelineFlags,
  readPlannedYearlyCounts,
  readRepPlansOfYear,
  readWonByMonth,
} from '../db/queries/dashboards';
import {
  readPipelineGroups,
  readStages,
  readUnconvertedByGroup,
  readWinRateGroups,
  wonWithDateInSql,
} from '../db/queries/reports';
import { type ActivityCounts, monthPlanToDay, spreadActivityPlan } from '../domain/activity-plan';
import { type Attainment, attainmentOfWon } from '../domain/attainment';
import {
  addDays,
  daysBetween,
  fiscalYearMonths,
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearStartOf,
  isoWeekOf,
  isoWeekStart,
  maxDate,
  minDate,
  monthOf,
  monthRange,
  parseIsoDate,
} from '../domain/calendar';
import type { IsoDate, IsoMonth, IsoWeek } from '../domain/calendar';
import type { UnconvertedMoney } from '../domain/exchange-rates';
import { lookBackPeriod, ratiosFromCounts } from '../domain/funnel-ratios';
import type { Period } from '../domain/opportunity';
import { coverageOfDue, type PipelineCoverage } from '../domain/pipeline';
import { flatWeights, weightTargetBySeasonality } from '../domain/seasonality';
import { FunnelOverrides } from '../schemas/rep-plans';
import { mergeUnconverted } from '../db/queries/money';
import { inOneRoundTrip } from '../db/round-trip';
import { repFunnel } from './rep-plan-figures';
import { type Organisation, pipelineFiguresOf } from './reports';
import { type ComputedStrategy, loadComputedStrategy } from './strategy-cascade';

// The figures the rep and the team dashboards show for each rep, for any number of reps at
// once: every sum and count is one grouped statement over all of them (db/queries/dashboards.ts,
// db/queries/reports.ts), and only the small per-rep results reach the domain's functions
// (attainment, activity plan spreading, funnel, coverage). The funnel goes through the rep
// plan's own `repFunnel`, fed with counts the database added up instead of the rep's rows.

/** The fiscal year a dashboard shows, as of the organisation's today. */
export type DashboardYear = {
  org: Organisation;
  /** The organisation's today, clamped into the fiscal year. */
  today: IsoDate;
  fiscalYear: number;
  fiscalYearStart: IsoMonth;
  /** The twelve fiscal months, '2026-01' …, in order. */
  months: IsoMonth[];
  period: Period;
  /** The fiscal year's start to today. */
  yearToDate: Period;
  weights: number[];
  strategy: ComputedStrategy | undefined;
  week: Period & { week: IsoWeek };
  month: Period & { month: IsoMonth };
  /** The fiscal year's start to the end of this week (activity-progress.ts "to date"). */
  toDate: Period;
  /** ISO weeks from the year's first to this one, this one included. */
  weeksElapsed: number;
};

export async function dashboardYear(
  db: Executor,
  org: Organisation,
  today: IsoDate,
  /** The strategy computed already for a year and day (a rep plan's read); used when they match. */
  known?: { fiscalYear: number; today: IsoDate; strategy: ComputedStrategy | undefined },
): Promise<DashboardYear> {
  parseIsoDate(today, 'today');
  const fiscalYear = fiscalYearOf(today, org.fiscalYearStartMonth);
  const strategy =
    known && known.fiscalYear === fiscalYear && known.today === today
      ? known.strategy
      : await loadComputedStrategy(db, org.id, fiscalYear, today);
  const fiscalYearStart =
    strategy?.fiscalYearStart ?? fiscalYearStartOf(fiscalYear, org.fiscalYearStartMonth);
  const period = fiscalYearPeriod(fiscalYearStart);
  const day = minDate(maxDate(today, period.from), period.to);
  const week = isoWeekOf(day);
  const weekStart = isoWeekStart(week);
  const weekEnd = addDays(weekStart, 6);
  const month = monthRange(monthOf(day));
  return {
    org,
    today: day,
    fiscalYear,
    fiscalYearStart,
    months: fiscalYearMonths(fiscalYearStart).map((m) => m.month),
    period,
    yearToDate: { from: period.from, to: day },
    weights: strategy?.seasonality.weights ?? flatWeights(),
    strategy,
    week: { week, from: weekStart, to: weekEnd },
    month: { month: month.month, from: month.start, to: month.end },
    toDate: { from: period.from, to: weekEnd },
    weeksElapsed: daysBetween(isoWeekStart(isoWeekOf(period.from)), weekStart) / 7 + 1,
  };
}

export type PlanVsDone = { activityType: string; planned: number; done: number };

export type RepFigures = {
  repId: string;
  plan: DashboardPlanRow | null;
  targetYearMinor: number;
  monthlyTargets: number[];
  /** Revenue won per fiscal month (the month's whole), in fiscal order. */
  wonByMonth: number[];
  /** Revenue won to date per account segment (null: no account or no segment); sums to won to date. */
  wonToDateBySegment: Map<string | null, number>;
  attainment: Attainment;
  attainmentUnconverted: UnconvertedMoney[];
  activity: { week: PlanVsDone[]; month: PlanVsDone[]; toDate: PlanVsDone[] };
  firstMeetings: { neededPerWeek: number | null; doneThisWeek: number; doneToDate: number };
  pipeline: ReturnType<typeof pipelineFiguresOf> & {
    staleCount: number;
    slippingCount: number;
    needsPlanCount: number;
    coverage: PipelineCoverage;
    unconverted: UnconvertedMoney[];
  };
};

/** The planned rows of one rep plan: this week, this month to today and every week up to this one. */
function plannedActivities(year: DashboardYear, yearly: ActivityCounts | null) {
  if (!yearly) return { week: {}, month: {}, toDate: {} };
  const plan = spreadActivityPlan(yearly, year.fiscalYearStart, year.weights);
  const toDate: ActivityCounts = {};
  for (const entry of plan.weekly) {
    if (entry.week > year.week.week) continue;
    for (const [type, count] of Object.entries(entry.counts))
      toDate[type] = (toDate[type] ?? 0) + count;
  }
  return {
    week: plan.weekly.find((entry) => entry.week === year.week.week)?.counts ?? {},
    // The month to today, like its done count: not the whole month against part of it.
    month: monthPlanToDay(
      plan.monthly.find((entry) => entry.month === year.month.month)?.counts ?? {},
      year.month.month,
      year.today,
    ),
    toDate,
  };
}

/** Planned beside done per type: the plan's types (0 included) and any type done, by name. */
function planVsDone(
  types: readonly string[],
  planned: ActivityCounts,
  done: ReadonlyMap<string, number>,
): PlanVsDone[] {
  return [...new Set([...types, ...done.keys()])].sort().map((activityType) => ({
    activityType,
    planned: planned[activityType] ?? 0,
    done: done.get(activityType) ?? 0,
  }));
}

type FunnelCounts = Parameters<typeof ratiosFromCounts>[0];

/**
 * Per rep, the funnel's history counts over their look-back (the plan's lookBackMonths, default
 * 12): one pair of grouped statements per distinct look-back, which is one pair for most teams.
 */
async function readFunnelCounts(
  db: Executor,
  scope: DashboardScope,
  lookBackMonthsByRep: ReadonlyMap<string, number>,
): Promise<Map<string, FunnelCounts>> {
  const repsByLookBack = new Map<number, string[]>();
  for (const repId of scope.ownerIds) {
    const months = lookBackMonthsByRep.get(repId) ?? 12;
    repsByLookBack.set(months, [...(repsByLookBack.get(months) ?? []), repId]);
  }
  const counts = new Map<string, FunnelCounts>();
  // Every look-back's statements issued together (one round trip under inOneRoundTrip).
  const read = await Promise.all(
    [...repsByLookBack].map(async ([months, ownerIds]) => {
      const lookBack = lookBackPeriod(scope.today, months);
      const report = { orgId: scope.orgId, today: scope.today, scope: ownerIds };
      const [closedRows, activityRows] = await Promise.all([
        readWinRateGroups(db, report, 'rep', lookBack),
        readFunnelActivityCounts(db, { ...scope, ownerIds }, lookBack),
      ]);
      return { lookBack, ownerIds, closedRows, activityRows };
    }),
  );
  for (const { lookBack, ownerIds, closedRows, activityRows } of read) {
    const closed = new Map(closedRows.map((row) => [row.id, row]));
    const activity = new Map(activityRows.map((row) => [row.ownerId, row]));
    for (const repId of ownerIds) {
      const won = closed.get(repId);
      const wonConverted = won?.wonConverted ?? 0;
      counts.set(repId, {
        lookBack,
        won: won?.won ?? 0,
        lost: won?.lost ?? 0,
        opportunitiesCreated: activity.get(repId)?.opportunitiesCreated ?? 0,
        firstMeetings: activity.get(repId)?.firstMeetings ?? 0,
        // A won deal in a period has a close date, so every one has a cycle.
        cycleWonDeals: won?.won ?? 0,
        medianCycleDays: won?.medianCycleDays ?? null,
        averageWonDeals: wonConverted,
        // Half up, as domain/win-rate.ts averageWonDeal rounds.
        averageWonDealMinor:
          wonConverted === 0 ? null : Math.round((won?.wonRevenueMinor ?? 0) / wonConverted),
      });
    }
  }
  return counts;
}

/** The dashboards' per-rep figures for every rep in `repIds`, in a constant number of statements. */
export async function computeRepFigures(
  db: Executor,
  year: DashboardYear,
  repIds: readonly string[],
): Promise<Map<string, RepFigures>> {
  const { org, today, strategy } = year;
  const scope: DashboardScope = { orgId: org.id, today, ownerIds: repIds };
  const report = { orgId: org.id, today, scope: repIds };
  // Two round trips (db/round-trip.ts): every aggregate that needs only the reps, then those
  // that need their plans (the plans' activity norms, the funnel over each plan's look-back).
  const [plans, won, wonUnconverted, stages, pipelines, flags, done, normTypes] =
    await inOneRoundTrip(db, (batched) =>
      Promise.all([
        readRepPlansOfYear(batched, org.id, repIds, year.fiscalYear),
        readWonByMonth(batched, scope, year.period),
        readUnconvertedByGroup(batched, report, 'rep', wonWithDateInSql(year.yearToDate)),
        readStages(batched, org.id),
        readPipelineGroups(batched, report, 'rep'),
        readPipelineFlags(batched, scope, year.period.to),
        readDoneActivityCounts(batched, scope, {
          week: year.week,
          month: year.month,
          toDate: year.toDate,
        }),
        readNormActivityTypes(batched, org.id),
      ]),
    );
  const planOf = new Map(plans.map((plan) => [plan.repId, plan]));
  const overridesOf = new Map(
    plans.map((plan) => [plan.repId, FunnelOverrides.safeParse(plan.funnelInputs).data ?? {}]),
  );
  const lookBackMonths = new Map(
    [...overridesOf].flatMap(([repId, o]) =>
      o.lookBackMonths === undefined ? [] : [[repId, o.lookBackMonths] as const],
    ),
  );
  const [yearly, funnelCounts] = await inOneRoundTrip(db, (batched) =>
    Promise.all([
      readPlannedYearlyCounts(
        batched,
        org.id,
        plans.map((plan) => plan.id),
      ),
      readFunnelCounts(batched, scope, lookBackMonths),
    ]),
  );
  const openStages = stages.filter((stage) => stage.kind === 'open');
  const pipelineOf = new Map(pipelines.map((group) => [group.id, group]));
  const flagsOf = new Map(flags.map((row) => [row.ownerId, row]));
  const targetOf = new Map(strategy?.cascade.reps.map((r) => [r.repId, r.targetMinor]) ?? []);

  const figures = new Map<string, RepFigures>();
  for (const repId of repIds) {
    const plan = planOf.get(repId) ?? null;
    const targetYearMinor = strategy ? (targetOf.get(repId) ?? 0) : 0;
    const monthlyTargets = weightTargetBySeasonality(targetYearMinor, year.weights).months;
    const repWon = won.filter((row) => row.ownerId === repId);
    const attainment = attainmentOfWon({
      wonToDateMinor: repWon.reduce((sum, row) => sum + row.wonToDateMinor, 0),
      monthlyTargets,
      fiscalYearStart: year.fiscalYearStart,
      today,
    });

    const planYearly = plan
      ? {
          ...Object.fromEntries(normTypes.map((type) => [type, 0])),
          ...Object.fromEntries(
            yearly
              .filter((row) => row.repPlanId === plan.id)
              .map((row) => [row.activityType, row.countPerYear]),
          ),
        }
      : null;
    // Keys in alphabetical order, as domain/activity-plan.ts yearlyActivityCounts gives them.
    const sortedYearly = planYearly
      ? Object.fromEntries(Object.entries(planYearly).sort(([a], [b]) => (a < b ? -1 : 1)))
      : null;
    const planned = plannedActivities(year, sortedYearly);
    const repDone = done.filter((row) => row.ownerId === repId);
    // The same types in each panel: the plan's and any done in one of its periods.
    const types = [
      ...Object.keys(sortedYearly ?? {}),
      ...repDone
        .filter((row) => row.week + row.month + row.toDate > 0)
        .map((row) => row.activityType),
    ];
    const doneIn = (key: 'week' | 'month' | 'toDate') =>
      new Map(repDone.map((row) => [row.activityType, row[key]]));

    const overrides = overridesOf.get(repId) ?? {};
    const counts = funnelCounts.get(repId);
    const ratios = counts ? ratiosFromCounts(counts) : null;
    // The funnel the rep plan shows (rep-plan-figures.ts), only for a rep who has a plan.
    const funnel =
      plan && ratios
        ? repFunnel({
            overrides,
            ratios,
            pricedAverageWonDeal: ratios.averageWonDeal,
            team: null,
            goalMinor: targetYearMinor,
            wonMinor: attainment.wonToDateMinor,
            period: year.period,
            today,
          })
        : null;
    // Needed coverage is 1 / the rep's closing ratio: the plan's funnel's (its override, or the
    // rep's history over the plan's look-back) when there is a plan, else the rep's own win rate
    // over the default 12-month look-back.
    const closingRatio = funnel
      ? funnel.sources.closingRatio.value
      : (ratios?.closingRatio.ratio ?? null);
    const firstMeetingsDone = repDone.find((row) => row.activityType === 'first_meeting');

    const group = pipelineOf.get(repId);
    const flag = flagsOf.get(repId);
    figures.set(repId, {
      repId,
      plan,
      targetYearMinor,
      monthlyTargets,
      wonByMonth: year.months.map((month) =>
        repWon.filter((row) => row.month === month).reduce((sum, row) => sum + row.wonMinor, 0),
      ),
      wonToDateBySegment: repWon.reduce(
        (bySegment, row) =>
          bySegment.set(row.segmentId, (bySegment.get(row.segmentId) ?? 0) + row.wonToDateMinor),
        new Map<string | null, number>(),
      ),
      attainment,
      attainmentUnconverted: wonUnconverted.get(repId) ?? [],
      activity: {
        week: planVsDone(types, planned.week, doneIn('week')),
        month: planVsDone(types, planned.month, doneIn('month')),
        toDate: planVsDone(types, planned.toDate, doneIn('toDate')),
      },
      firstMeetings: {
        neededPerWeek: funnel?.result.meetingsPerWeek?.rounded ?? null,
        doneThisWeek: firstMeetingsDone?.week ?? 0,
        doneToDate: firstMeetingsDone?.toDate ?? 0,
      },
      pipeline: {
        ...pipelineFiguresOf(group, openStages),
        staleCount: flag?.staleCount ?? 0,
        slippingCount: flag?.slippingCount ?? 0,
        needsPlanCount: flag?.needsPlanCount ?? 0,
        coverage: coverageOfDue(
          flag?.dueInYearMinor ?? 0,
          targetYearMinor - attainment.wonToDateMinor,
          closingRatio,
        ),
        unconverted: group?.unconverted ?? [],
      },
    });
  }
  return figures;
}

/** The money left out of a rep's row for want of a rate: won to date and open, per currency. */
export function rowUnconverted(figures: RepFigures): UnconvertedMoney[] {
  return mergeUnconverted([
    { totalMinor: 0, unconverted: figures.attainmentUnconverted },
    { totalMinor: 0, unconverted: figures.pipeline.unconverted },
  ]);
}
