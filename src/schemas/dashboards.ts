import { z } from 'zod';
import { REP_PLAN_STATES } from '../domain/rep-plan-states';
import { PLAN_PHASES, TEAM_ATTENTION_REASONS } from '../domain/team-attention';
import { Id, IsoDate } from './common';
import { OutlierReportRow } from './reports';

// The dashboards (issue #11): a rep's (GET /api/dashboards/rep), a manager's team
// (GET /api/dashboards/team) and the organisation's (GET /api/dashboards/organisation). Declared
// once here, read by the services that compute them, the routes that serve them and the web
// pages that show them. Money is in integer minor units of the organisation's `currency`; the
// deals whose currency has no rate are left out of money figures and listed in `unconverted`.

const Money = z.number().int();
const Rate = z.number().nullable();
const Count = z.number().int();

export const UnconvertedDeals = z.array(
  z.strictObject({ currency: z.string(), count: Count, amountMinor: Money }),
);

/** The filters every dashboard reads (and the web keeps in its URL). */
export const DashboardFilters = z
  .object({
    /** The period of won revenue, win rates, outliers and created deals; default the fiscal year to date. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** A team: the reps whose manager this is. */
    managerId: Id.optional(),
    repId: Id.optional(),
    /** The account's segment. */
    segmentId: Id.optional(),
    productId: Id.optional(),
    /** The rep's territory. */
    territoryId: Id.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'is before from' });
export type DashboardFilters = z.infer<typeof DashboardFilters>;

export const Person = z.strictObject({ id: Id, name: z.string() });

/** Won revenue against the seasonally weighted target: to date, for the year and per month. */
export const AttainmentPanel = z.strictObject({
  fiscalYear: z.number().int(),
  /** The fiscal year's first and last day; `today` is clamped into it. */
  yearFrom: IsoDate,
  yearTo: IsoDate,
  targetYear: Money,
  targetToDate: Money,
  wonToDate: Money,
  /** won / target to date; null when nothing is due yet. */
  attainment: Rate,
  /** target to date − won to date (negative when ahead). */
  gap: Money,
  /** The twelve fiscal months: the month's seasonal target and the revenue won in it. */
  months: z.array(z.strictObject({ month: z.string(), target: Money, won: Money })),
  unconverted: UnconvertedDeals,
});
export type AttainmentPanel = z.infer<typeof AttainmentPanel>;

/** Planned (from the agreed rep plan's activity plan) against done activities, per type. */
export const PlanVsDoneRow = z.strictObject({
  activityType: z.string(),
  planned: Count,
  done: Count,
});
export const ActivityPanel = z.strictObject({
  week: z.strictObject({ from: IsoDate, to: IsoDate, rows: z.array(PlanVsDoneRow) }),
  month: z.strictObject({ from: IsoDate, to: IsoDate, rows: z.array(PlanVsDoneRow) }),
  /** From the fiscal year's start to the end of this week. */
  toDate: z.strictObject({ from: IsoDate, to: IsoDate, rows: z.array(PlanVsDoneRow) }),
});
export type ActivityPanel = z.infer<typeof ActivityPanel>;

/** First meetings held against what the rep plan's funnel needs. */
export const FunnelPacePanel = z.strictObject({
  /** The plan's first meetings per week (rounded up), null without a funnel. */
  neededPerWeek: z.number().nullable(),
  thisWeek: z.strictObject({ needed: z.number().nullable(), done: Count }),
  toDate: z.strictObject({ needed: z.number().nullable(), done: Count }),
});
export type FunnelPacePanel = z.infer<typeof FunnelPacePanel>;

export const PipelinePanel = z.strictObject({
  openCount: Count,
  openValue: Money,
  weightedValue: Money,
  byStage: z.array(z.strictObject({ stageId: Id, stage: z.string(), count: Count, value: Money })),
  /** Open value whose expected close falls between today and the fiscal year's end. */
  dueInYear: Money,
  /** The year's target minus won to date, at least 0. */
  remainingTarget: Money,
  /** dueInYear / remainingTarget; null when nothing remains. */
  coverage: Rate,
  /** 1 / the rep's closing ratio (DOMAIN.md, "Coverage"); for a team, of the team's. */
  neededCoverage: Rate,
  staleCount: Count,
  slippingCount: Count,
  unconverted: UnconvertedDeals,
});
export type PipelinePanel = z.infer<typeof PipelinePanel>;

export const DealRef = z.strictObject({
  id: Id,
  name: z.string(),
  accountName: z.string().nullable(),
  amount: Money.nullable(),
  expectedCloseOn: IsoDate.nullable(),
  /** Why it is listed: "no activity for 45 days", "close date moved 3 times", "2 errors". */
  reason: z.string(),
});
export const DealList = z.strictObject({ total: Count, items: z.array(DealRef) });

export const StepRef = z.strictObject({
  id: Id,
  opportunityId: Id,
  opportunityName: z.string(),
  description: z.string(),
  dueOn: IsoDate,
});
export const StepList = z.strictObject({ total: Count, items: z.array(StepRef) });

export const PlanStatus = z.strictObject({
  id: Id,
  state: z.enum(REP_PLAN_STATES),
  repSigned: z.boolean(),
  managerSigned: z.boolean(),
});

export const NextCheckIn = z.strictObject({
  id: Id,
  repPlanId: Id,
  dueOn: IsoDate,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  isOverdue: z.boolean(),
});

export const RepDashboard = z.strictObject({
  rep: Person,
  today: IsoDate,
  currency: z.string(),
  /** The rep plan of the fiscal year, null when there is none. */
  plan: PlanStatus.nullable(),
  attainment: AttainmentPanel,
  activity: ActivityPanel,
  funnelPace: FunnelPacePanel,
  pipeline: PipelinePanel,
  /** Open deals that need attention (DOMAIN.md, "KPIs"), each list its total and the first 10. */
  stale: DealList,
  slipping: DealList,
  /** Open deals worth a plan (domain rule) that have none. */
  needsPlan: DealList,
  /** Open deals whose plan has at least one error finding. */
  planErrors: DealList,
  steps: z.strictObject({ overdue: StepList, dueThisWeek: StepList }),
  nextCheckIn: NextCheckIn.nullable(),
});
export type RepDashboard = z.infer<typeof RepDashboard>;

export const TeamRepRow = z.strictObject({
  rep: Person,
  plan: PlanStatus.nullable(),
  wonToDate: Money,
  targetToDate: Money,
  targetYear: Money,
  attainment: Rate,
  gap: Money,
  /** Activities to date, all types: planned from the plan, done. */
  activityPlanned: Count,
  activityDone: Count,
  firstMeetingsNeeded: z.number().nullable(),
  firstMeetingsDone: Count,
  openCount: Count,
  openValue: Money,
  weightedValue: Money,
  coverage: Rate,
  neededCoverage: Rate,
  staleCount: Count,
  slippingCount: Count,
  won: Count,
  lost: Count,
  winRate: Rate,
  averageWonDeal: Money.nullable(),
  medianCycleDays: z.number().nullable(),
  checkInsOverdue: Count,
  unconverted: UnconvertedDeals,
  /** Activities this month to today, all types: planned from the plan (to today), done. */
  activityPlannedThisMonth: Count,
  activityDoneThisMonth: Count,
  /** Where the plan stands, by who acts next, and since when (the Team page). */
  planPhase: z.enum(PLAN_PHASES),
  planSince: IsoDate.nullable(),
  lastCheckIn: z.strictObject({ id: z.string(), heldOn: IsoDate }).nullable(),
  nextCheckIn: NextCheckIn.nullable(),
  /** What needs the manager's attention, most urgent first. */
  attention: z.array(z.enum(TEAM_ATTENTION_REASONS)),
});
export type TeamRepRow = z.infer<typeof TeamRepRow>;

export const TeamDashboard = z.strictObject({
  manager: Person,
  today: IsoDate,
  currency: z.string(),
  fiscalYear: z.number().int(),
  /** The fiscal year to date: the period of won revenue, win rates and outliers. */
  period: z.strictObject({ from: IsoDate, to: IsoDate }),
  reps: z.array(TeamRepRow),
  /** Sums over the reps (rates recomputed from the sums, medians left out). */
  totals: TeamRepRow.omit({
    rep: true,
    plan: true,
    medianCycleDays: true,
    neededCoverage: true,
    planPhase: true,
    planSince: true,
    lastCheckIn: true,
    nextCheckIn: true,
    attention: true,
  }),
  plans: z.strictObject({
    missing: z.array(Person),
    /** Drafts and proposals the rep has not signed. */
    unsigned: z.array(Person),
    /** Signed by the rep, waiting for the manager. */
    awaitingManager: z.array(Person),
  }),
  checkInsOverdue: z.array(NextCheckIn.extend({ rep: Person })),
  outliers: z.array(OutlierReportRow),
});
export type TeamDashboard = z.infer<typeof TeamDashboard>;

/** One group's won revenue (by product, segment, territory, customer type). */
export const WonByRow = z.strictObject({
  id: z.string(),
  name: z.string(),
  won: Count,
  wonRevenue: Money,
});
export const AttainmentRow = z.strictObject({
  id: z.string(),
  name: z.string(),
  wonToDate: Money,
  targetToDate: Money,
  targetYear: Money,
  attainment: Rate,
  gap: Money,
});

export const OrganisationDashboard = z.strictObject({
  today: IsoDate,
  currency: z.string(),
  fiscalYear: z.number().int(),
  /** The period the figures cover (the filters', or the fiscal year to date). */
  period: z.strictObject({ from: IsoDate, to: IsoDate }),
  attainment: AttainmentPanel,
  pipeline: PipelinePanel,
  /** The strategy's segment shares against the actual share of won revenue in the period. */
  segmentMix: z.array(
    z.strictObject({
      segmentId: z.string(),
      segment: z.string(),
      /** The strategy's share, 0–1; null without a strategy. */
      plannedShare: Rate,
      wonRevenue: Money,
      /** Of the period's won revenue, 0–1; null when nothing was won. */
      actualShare: Rate,
    }),
  ),
  wonBy: z.strictObject({
    product: z.array(WonByRow),
    segment: z.array(WonByRow),
    territory: z.array(WonByRow),
    customerType: z.array(WonByRow),
  }),
  /** Opportunities created per month of the period. */
  createdPerMonth: z.array(z.strictObject({ month: z.string(), count: Count, value: Money })),
  outliers: z.array(OutlierReportRow),
  /** Per team (manager) and per rep, against their seasonal targets. */
  teams: z.array(AttainmentRow),
  reps: z.array(AttainmentRow.extend({ managerId: z.string().nullable() })),
  unconverted: UnconvertedDeals,
});
export type OrganisationDashboard = z.infer<typeof OrganisationDashboard>;

export const RepDashboardQuery = z.object({ repId: Id.optional() });
export const TeamDashboardQuery = z.object({ managerId: Id.optional() });
