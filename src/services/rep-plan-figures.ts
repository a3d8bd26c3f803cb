import type { Executor } from '../db/client';
import { readDoneActivityCounts } from '../db/queries/dashboards';
import {
  listDoneActivities,
  listRepOpportunities,
  listTeamFunnelHistory,
  readRepPlanContext,
  type RepPlanContext,
  type RepOpportunity,
  type RepPlanRow,
} from '../db/queries/rep-plans';
import { inOneRoundTrip } from '../db/round-trip';
import { checkActivityCapacity, sellingHoursInPeriod } from '../domain/activity-capacity';
import { planActivities } from '../domain/activity-plan';
import type { ActivityPlan } from '../domain/activity-plan';
import { attainmentToDate } from '../domain/attainment';
import {
  addDays,
  fiscalYearMonths,
  fiscalYearPeriod,
  fiscalYearStartOf,
  isoWeekOf,
  isoWeekStart,
  maxDate,
  minDate,
  monthRange,
} from '../domain/calendar';
import type { IsoDate, IsoMonth } from '../domain/calendar';
import { reverseFunnel } from '../domain/funnel';
import type { FunnelInput } from '../domain/funnel';
import {
  type FunnelHistoryRatios,
  type FunnelInputSource,
  lookBackPeriod,
  ratiosFromHistory,
} from '../domain/funnel-ratios';
import { countUnconverted } from '../domain/exchange-rates';
import { isInPeriod, type Period } from '../domain/opportunity';
import { flatWeights, weightTargetBySeasonality } from '../domain/seasonality';
import { planWeekly } from '../domain/weekly-plan';
import { FunnelOverrides, type RepPlan, WeeklyPlanOverrides } from '../schemas/rep-plans';
import { type ComputedStrategy, computedStrategyOf } from './strategy-cascade';

// Everything a rep plan shows that is computed: targets from the cascade weighted by seasonality,
// the activity plan from the norms with its capacity check, the funnel from the rep's own
// history (or overrides) beside the team's ratios, and the week that follows. Every number
// comes from a domain function.

export type RepPlanFigures = Pick<
  RepPlan,
  'targets' | 'activityPlan' | 'funnel' | 'weekly' | 'weeklyPlan'
> & {
  fiscalYearStart: IsoMonth;
  weights: number[];
  monthlyTargets: number[];
  activityPlanFull: ActivityPlan;
  opportunities: RepOpportunity[];
};

type Override = { value: number; reason: string } | null | undefined;

function pick(
  override: Override,
  history: number | null,
  counts: Record<string, number>,
): {
  source: FunnelInputSource;
  value: number | null;
  reason: string | null;
  counts: typeof counts;
} {
  if (override)
    return { source: 'override', value: override.value, reason: override.reason, counts };
  return {
    source: history === null ? 'missing' : 'history',
    value: history,
    reason: null,
    counts,
  };
}

/**
 * The team's closing and meeting-to-opportunity ratios, by the same definitions and look-back as
 * the rep's own: the reps of the plan's manager (the rep included). No manager, no team ratios.
 */
function teamRatios(
  team: Awaited<ReturnType<typeof listTeamFunnelHistory>>,
  today: IsoDate,
  lookBackMonths: number | undefined,
) {
  const ratios = ratiosFromHistory({
    opportunities: team.opportunities,
    firstMeetingsHeldOn: team.firstMeetingsHeldOn,
    today,
    lookBackMonths,
  });
  const { closingRatio: closing, meetingToOpportunityRatio: meeting } = ratios;
  return {
    teamClosingRatio: pick(null, closing.ratio, {
      won: closing.won,
      lost: closing.lost,
      reps: team.repCount,
    }),
    teamMeetingToOpportunityRatio: pick(null, meeting.ratio, {
      opportunities: meeting.opportunities,
      firstMeetings: meeting.firstMeetings,
      reps: team.repCount,
    }),
  };
}

export type RepFunnelInput = {
  overrides: FunnelOverrides;
  /** The rep's ratios over the look-back (domain/funnel-ratios.ts), from rows or from SQL counts. */
  ratios: FunnelHistoryRatios;
  /** The average won deal over the won deals with an exchange rate only. */
  pricedAverageWonDeal: FunnelHistoryRatios['averageWonDeal'];
  /** The team's ratios, shown beside small samples; they do not change the plan's numbers. */
  team: ReturnType<typeof teamRatios> | null;
  goalMinor: number;
  /** Revenue won in the plan's year to date. */
  wonMinor: number;
  period: Period;
  today: IsoDate;
};

/**
 * The rep's reverse-engineered funnel from their history's ratios and the plan's overrides: the
 * one path the rep plan page and the dashboards (which add the history up in SQL) share.
 */
export function repFunnel(input: RepFunnelInput) {
  const { overrides, ratios, period, today } = input;
  const noTeam = pick(null, null, {});
  const sources = {
    closingRatio: pick(overrides.closingRatio, ratios.closingRatio.ratio, {
      won: ratios.closingRatio.won,
      lost: ratios.closingRatio.lost,
    }),
    meetingToOpportunityRatio: pick(
      overrides.meetingToOpportunityRatio,
      ratios.meetingToOpportunityRatio.ratio,
      {
        opportunities: ratios.meetingToOpportunityRatio.opportunities,
        firstMeetings: ratios.meetingToOpportunityRatio.firstMeetings,
      },
    ),
    // Over the won deals with an exchange rate: the others have no value in our currency.
    averageDealMinor: pick(overrides.averageDealMinor, input.pricedAverageWonDeal.amountMinor, {
      wonDeals: input.pricedAverageWonDeal.wonDeals,
    }),
    salesCycleDays: pick(overrides.salesCycleDays, ratios.medianCycleDays.days, {
      wonDeals: ratios.medianCycleDays.wonDeals,
    }),
    ...(input.team ?? {
      teamClosingRatio: noTeam,
      teamMeetingToOpportunityRatio: noTeam,
    }),
  };
  const inputs: FunnelInput = {
    goalMinor: input.goalMinor,
    wonMinor: input.wonMinor,
    averageDealMinor: sources.averageDealMinor.value,
    closingRatio: sources.closingRatio.value,
    ...(sources.closingRatio.source === 'history'
      ? { closingSample: { won: ratios.closingRatio.won, lost: ratios.closingRatio.lost } }
      : {}),
    meetingToOpportunityRatio: sources.meetingToOpportunityRatio.value,
    ...(sources.meetingToOpportunityRatio.source === 'history'
      ? {
          meetingSample: {
            opportunities: ratios.meetingToOpportunityRatio.opportunities,
            firstMeetings: ratios.meetingToOpportunityRatio.firstMeetings,
          },
        }
      : {}),
    // No won deal to measure it: the funnel reports it (missing_sales_cycle), not a 0-day cycle.
    salesCycleDays: sources.salesCycleDays.value,
    periodStart: period.from,
    periodEnd: period.to,
    today,
    callsPerMeeting: overrides.callsPerMeeting ?? null,
    // Shown beside the rep's own ratio when its sample is small (DOMAIN.md, funnel).
    teamClosingRatio: sources.teamClosingRatio.value,
    teamMeetingToOpportunityRatio: sources.teamMeetingToOpportunityRatio.value,
  };
  const { findings, ...numbers } = reverseFunnel(inputs);
  const result = {
    ...numbers,
    findings: findings.map(({ code, severity, message }) => ({ code, severity, message })),
  };
  return { inputs, sources, result };
}

/** The reads a rep plan's figures start from, with the year's strategy computed. */
export type RepPlanReads = Omit<RepPlanContext, 'strategy'> & {
  strategy: ComputedStrategy | undefined;
};

/** One statement (readRepPlanContext), and the history's when the seasonality comes from it. */
export async function loadRepPlanReads(
  db: Executor,
  plan: Pick<RepPlanRow, 'id' | 'orgId' | 'repId' | 'fiscalYear'>,
  today: IsoDate,
): Promise<RepPlanReads> {
  const context = await readRepPlanContext(db, plan.orgId, plan);
  const strategy = context.strategy && (await computedStrategyOf(db, context.strategy, today));
  return { ...context, strategy };
}

/**
 * The plan's figures as of `today`. `reads` (loadRepPlanReads, same plan and day) when the caller
 * has them; the history then goes in one round trip (db/round-trip.ts), or in the caller's.
 */
export async function computeRepPlanFigures(
  db: Executor,
  plan: RepPlanRow,
  today: IsoDate,
  reads?: RepPlanReads,
): Promise<RepPlanFigures> {
  const { orgId, repId } = plan;
  const known = reads ?? (await loadRepPlanReads(db, plan, today));
  const { rep, strategy, segments, norms, hours } = known;
  const accounts = known.targetAccounts;
  if (!rep) throw new Error(`rep ${repId} of plan ${plan.id} is missing`);
  const fiscalYearStart = fiscalYearStartOf(
    plan.fiscalYear,
    strategy?.row.startMonth ?? rep.organisation.fiscalYearStartMonth,
  );
  const period = fiscalYearPeriod(fiscalYearStart);
  const weights = strategy?.seasonality.weights ?? flatWeights();
  const cascadeRep = strategy?.cascade.reps.find((r) => r.repId === repId);
  const totalMinor = cascadeRep?.targetMinor ?? 0;
  const { months, quarters } = weightTargetBySeasonality(totalMinor, weights);
  const monthNames = fiscalYearMonths(fiscalYearStart).map((m) => m.month);
  const targets = strategy
    ? {
        totalMinor,
        currency: strategy.row.currency,
        fiscalYearStart,
        segments: (cascadeRep?.segments ?? [])
          .filter((s) => s.targetMinor > 0)
          .map((s) => {
            const segment = segments.find((x) => x.id === s.segmentId);
            return { ...s, code: segment?.code ?? s.segmentId, name: segment?.name ?? 'Other' };
          }),
        months: months.map((targetMinor, m) => ({ month: monthNames[m] ?? '', targetMinor })),
        quarters: quarters.map((targetMinor, q) => ({ quarter: q + 1, targetMinor })),
      }
    : null;

  const activityPlanFull = planActivities({
    norms: norms.map((n) => ({ ...n, status: n.accountStatus })),
    accounts: accounts.map((a) => ({
      accountId: a.accountId,
      segmentId: a.segmentId ?? '',
      status: a.status,
    })),
    fiscalYearStart,
    weights,
  });
  const sellingHoursPerYear = sellingHoursInPeriod(rep.user.sellingHoursPerWeek, period);
  const capacity = checkActivityCapacity(activityPlanFull, {
    hoursPerActivity: Object.fromEntries(hours.map((h) => [h.key, h.hours])),
    sellingHoursPerYear,
    sellingHoursPerWeek: rep.user.sellingHoursPerWeek,
  });

  const overrides = FunnelOverrides.safeParse(plan.funnelInputs).data ?? {};
  const lookBack = lookBackPeriod(today, overrides.lookBackMonths ?? 12);
  const managerId = plan.managerId ?? rep.user.managerId;
  const day = minDate(maxDate(today, period.from), period.to);
  const week = isoWeekOf(day);
  const weekEnd = addDays(isoWeekStart(week), 6);
  const toDate = { from: period.from, to: weekEnd };
  // Done this week and to date by the dashboards' own count, so both pages show the same figures.
  const month = monthRange(day.slice(0, 7));
  const [opportunities, doneActivities, teamHistory, done] = await inOneRoundTrip(db, (batched) =>
    Promise.all([
      listRepOpportunities(batched, orgId, repId, today),
      listDoneActivities(batched, orgId, repId),
      managerId
        ? listTeamFunnelHistory(batched, orgId, managerId, lookBack)
        : { repCount: 0, opportunities: [], firstMeetingsHeldOn: [] },
      readDoneActivityCounts(
        batched,
        { orgId, ownerIds: [repId] },
        {
          week: { from: isoWeekStart(week), to: weekEnd },
          month: { from: month.start, to: month.end },
          toDate,
        },
      ),
    ]),
  );
  const firstMeetings = doneActivities
    .filter((a) => a.activityType === 'first_meeting')
    .map((a) => a.doneOn);
  const ratios = ratiosFromHistory({
    opportunities,
    firstMeetingsHeldOn: firstMeetings,
    today,
    lookBackMonths: overrides.lookBackMonths,
  });
  const pricedRatios = ratiosFromHistory({
    opportunities: opportunities.filter((o) => o.hasRate),
    firstMeetingsHeldOn: firstMeetings,
    today,
    lookBackMonths: overrides.lookBackMonths,
  });
  const team = teamRatios(teamHistory, today, overrides.lookBackMonths);
  const wonPeriod = { from: period.from, to: minDate(maxDate(today, period.from), period.to) };
  const won = attainmentToDate({
    rows: opportunities,
    monthlyTargets: months,
    fiscalYearStart,
    today: wonPeriod.to,
  });
  const { inputs, sources, result } = repFunnel({
    overrides,
    ratios,
    pricedAverageWonDeal: pricedRatios.averageWonDeal,
    team,
    goalMinor: totalMinor,
    wonMinor: today < period.from ? 0 : won.wonToDateMinor,
    period,
    today,
  });

  const activities = activityPlanFull.weekly.find((w) => w.week === week)?.counts ?? {};
  // A type done this year that no norm plans shows too, with the norms' 0 beside it.
  const doneTypes = done.filter((row) => row.toDate > 0).map((row) => row.activityType);
  const weeklyPlan = planWeekly({
    normsThisWeek: {
      ...Object.fromEntries(doneTypes.map((type) => [type, 0])),
      ...(today > period.to ? {} : activities),
    },
    funnel: {
      firstMeetings: result.meetingsPerWeek?.rounded ?? null,
      calls: result.callsPerWeek?.rounded ?? null,
    },
    overrides: WeeklyPlanOverrides.safeParse(plan.weeklyPlanOverrides).data ?? {},
  });
  return {
    targets,
    activityPlan: {
      yearly: activityPlanFull.yearly,
      monthly: activityPlanFull.monthly,
      accountsWithoutNorms: activityPlanFull.accountsWithoutNorms,
      capacity: {
        hoursPerYear: capacity.hoursPerYear,
        sellingHoursPerYear,
        findings: capacity.findings.map(({ code, severity, message }) => ({
          code,
          severity,
          message,
        })),
      },
    },
    funnel: {
      inputs,
      sources,
      lookBack: ratios.lookBack,
      result,
      // The won deals to date left out of wonMinor for want of an exchange rate.
      unconverted: countUnconverted(
        opportunities
          .filter((o) => o.outcome === 'won' && isInPeriod(o.closedOn, wonPeriod))
          .map((o) => ({
            currency: o.currency,
            amountMinor: o.dealAmountMinor,
            hasRate: o.hasRate,
          })),
      ),
    },
    weekly: {
      week,
      firstMeetings: result.meetingsPerWeek?.rounded ?? null,
      calls: result.callsPerWeek?.rounded ?? activities.call ?? null,
      activities,
      weeksLeft: result.weeks,
      toDate,
    },
    weeklyPlan: weeklyPlan.map((line) => {
      const row = done.find((r) => r.activityType === line.type);
      return { ...line, doneThisWeek: row?.week ?? 0, doneToDate: row?.toDate ?? 0 };
    }),
    fiscalYearStart,
    weights,
    monthlyTargets: months,
    activityPlanFull,
    opportunities,
  };
}
