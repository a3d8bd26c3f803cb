import { z } from 'zod';
import { FUNNEL_INPUT_SOURCES } from '../domain/funnel-ratios';
import { WEEKLY_PLAN_BASES } from '../domain/weekly-plan';
import {
  CHECK_IN_CADENCES,
  CHECK_IN_STATUSES,
  REP_PLAN_STATES,
  SIGNING_PARTIES,
} from '../domain/rep-plan-states';
import { AmountMinor, Id, INT4_MAX, IsoDate, NonBlank } from './common';
import { UnconvertedMoney } from './exchange-rates';
import { CsvExportQuery } from './csv-export';

// The rep plan (DOMAIN.md, "Rep plan"): what the rep and manager write (cadence, target accounts,
// funnel overrides with their reason, the qualitative part) and what the API computes from the
// cascade, the norms and the rep's own history.

export const RepPlanState = z.enum(REP_PLAN_STATES);
export const CheckInCadence = z.enum(CHECK_IN_CADENCES);

const Override = <T extends z.ZodType>(value: T) =>
  z
    .object({ value, reason: NonBlank.max(1000) })
    .nullable()
    .optional();

/** Ratios and figures entered instead of the rep's history, each with the reason why. */
export const FunnelOverrides = z.object({
  closingRatio: Override(z.number().min(0).max(1)),
  meetingToOpportunityRatio: Override(z.number().min(0).max(1)),
  averageDealMinor: Override(AmountMinor),
  salesCycleDays: Override(z.number().min(0).max(3650)),
  callsPerMeeting: z.number().min(0).max(1000).nullable().optional(),
  lookBackMonths: z.number().int().min(1).max(60).optional(),
});
export type FunnelOverrides = z.infer<typeof FunnelOverrides>;

/**
 * The rep's own figure per week for an activity type, instead of the larger of the norms and the
 * funnel, with the reason why (recorded in the agreed version). Keys are activity types.
 */
export const WeeklyPlanOverrides = z
  .record(
    z.string().min(1).max(40),
    z.object({ perWeek: z.number().int().min(0).max(1000), reason: NonBlank.max(1000) }),
  )
  .refine((overrides) => Object.keys(overrides).length <= 50, 'at most 50 activity types');
export type WeeklyPlanOverrides = z.infer<typeof WeeklyPlanOverrides>;

export const Qualitative = z.object({
  stages: z
    .array(
      z.object({
        stage: NonBlank.max(200),
        salesMethods: z.string().max(5000).default(''),
        expectedResults: z.string().max(5000).default(''),
      }),
    )
    .max(50)
    .default([]),
});
export type Qualitative = z.infer<typeof Qualitative>;

export const RepPlanInput = z.object({
  /** Defaults to the signed-in user. */
  repId: Id.optional(),
  year: z.number().int().min(2000).max(2100),
  cadence: CheckInCadence.default('monthly'),
});
export type RepPlanInput = z.infer<typeof RepPlanInput>;

export const RepPlanPatch = z.object({
  cadence: CheckInCadence.optional(),
  targetAccountIds: z.array(Id).max(2000).optional(),
  funnelInputs: FunnelOverrides.optional(),
  weeklyPlanOverrides: WeeklyPlanOverrides.optional(),
  qualitative: Qualitative.optional(),
});
export type RepPlanPatch = z.infer<typeof RepPlanPatch>;

/** The list of a year; `csv` answers it as CSV (schemas/csv-export.ts). */
export const RepPlanListQuery = CsvExportQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const TransitionInput = z.object({ to: RepPlanState });
export const SignatureInput = z.object({ as: z.enum(SIGNING_PARTIES) });
export const CommentInput = z.object({ body: NonBlank.max(10_000) });
export const CompareQuery = z.object({
  from: z.coerce.number().int().min(1).max(INT4_MAX),
  to: z.coerce.number().int().min(1).max(INT4_MAX),
});

const Person = z.object({ id: z.string(), name: z.string() });
const Counts = z.record(z.string(), z.number());

export const RepPlanTargets = z.object({
  totalMinor: z.number().int(),
  currency: z.string(),
  fiscalYearStart: z.string(),
  segments: z.array(
    z.object({
      segmentId: z.string(),
      code: z.string(),
      name: z.string(),
      targetMinor: z.number().int(),
    }),
  ),
  months: z.array(z.object({ month: z.string(), targetMinor: z.number().int() })),
  quarters: z.array(z.object({ quarter: z.number().int(), targetMinor: z.number().int() })),
});

const Finding = z.object({ code: z.string(), severity: z.string(), message: z.string() });

/** Won to date against the target to date and the year: the total, then per segment (Other last). */
export const PlanAttainment = z.object({
  asOf: z.string(),
  fiscalYear: z.number().int(),
  currency: z.string(),
  rows: z.array(
    z.object({
      /** 'total', a segment id, or 'other'. */
      key: z.string(),
      label: z.string(),
      targetYearMinor: z.number().int(),
      targetToDateMinor: z.number().int(),
      wonToDateMinor: z.number().int(),
      gapMinor: z.number().int(),
      /** won / target to date; null when nothing is due yet. */
      attainment: z.number().nullable(),
      isBehind: z.boolean(),
    }),
  ),
  /** Won deals left out of the total for want of an exchange rate. */
  unconverted: z.array(UnconvertedMoney),
});
export type PlanAttainment = z.infer<typeof PlanAttainment>;

export const RepPlanFunnel = z.object({
  /** The domain funnel's inputs exactly as computed; `salesplan funnel` prints the same result. */
  inputs: z.looseObject({
    goalMinor: z.number(),
    wonMinor: z.number(),
    /** The team's ratios, shown beside the rep's own when its sample is small. */
    teamClosingRatio: z.number().nullable().optional(),
    teamMeetingToOpportunityRatio: z.number().nullable().optional(),
  }),
  /**
   * Where each ratio came from, with the history counts behind it. `teamClosingRatio` and
   * `teamMeetingToOpportunityRatio` are the team's (the reps of the plan's manager, the rep
   * included, over the same look-back), their counts with `reps`, the number of reps.
   */
  sources: z.record(
    z.string(),
    z.object({
      source: z.enum(FUNNEL_INPUT_SOURCES),
      value: z.number().nullable(),
      reason: z.string().nullable(),
      counts: Counts,
    }),
  ),
  lookBack: z.object({ from: z.string(), to: z.string() }),
  /** The won deals of the year to date left out of `inputs.wonMinor`: their currency has no rate. */
  unconverted: z.array(UnconvertedMoney),
  /** The domain funnel's result (rounded counts, the exact chain beside them, the pace...). */
  result: z.looseObject({
    remainingGoalMinor: z.number().int().optional(),
    dealsToWin: z.number().nullable(),
    opportunitiesNeeded: z.number().nullable().optional(),
    firstMeetingsNeeded: z.number().nullable(),
    exact: z
      .object({
        dealsToWin: z.number().nullable(),
        opportunitiesNeeded: z.number().nullable(),
        firstMeetingsNeeded: z.number().nullable(),
      })
      .optional(),
    weeks: z.number().int().optional(),
    meetingsPerWeek: z.object({ exact: z.number(), rounded: z.number() }).nullable().optional(),
    findings: z.array(Finding),
  }),
});

/**
 * One line of the weekly plan: per activity type, the norms' plan for this week, the funnel's
 * need per week over the weeks left, the gap, and what the plan follows (domain/weekly-plan.ts),
 * beside what was done this week and in the fiscal year to date.
 */
export const WeeklyPlanLine = z.object({
  type: z.string(),
  fromNorms: z.number().int(),
  fromFunnel: z.number().int().nullable(),
  /** fromFunnel − fromNorms; null when the funnel does not count the type. */
  gap: z.number().int().nullable(),
  planned: z.number().int(),
  basis: z.enum(WEEKLY_PLAN_BASES),
  reason: z.string().nullable(),
  doneThisWeek: z.number().int(),
  doneToDate: z.number().int(),
});
export type WeeklyPlanLine = z.infer<typeof WeeklyPlanLine>;

export const CheckInSummary = z.object({
  id: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  status: z.enum(CHECK_IN_STATUSES),
  isOverdue: z.boolean(),
  heldOn: z.string().nullable(),
  resultingVersionNumber: z.number().int().nullable(),
});

export const RepPlan = z.object({
  id: z.string(),
  version: z.number().int(),
  state: RepPlanState,
  year: z.number().int(),
  cadence: CheckInCadence,
  rep: Person,
  manager: Person.nullable(),
  targets: RepPlanTargets.nullable(),
  /** The dashboards' attainment of the plan's year as of today; null without a strategy. */
  attainment: PlanAttainment.nullable(),
  targetAccounts: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      segmentId: z.string().nullable(),
      status: z.string(),
    }),
  ),
  activityPlan: z.object({
    yearly: Counts,
    monthly: z.array(z.object({ month: z.string(), counts: Counts })),
    accountsWithoutNorms: z.array(z.string()),
    capacity: z.object({
      hoursPerYear: z.number(),
      sellingHoursPerYear: z.number(),
      findings: z.array(Finding),
    }),
  }),
  funnel: RepPlanFunnel,
  weekly: z.object({
    week: z.string(),
    firstMeetings: z.number().nullable(),
    calls: z.number().nullable(),
    activities: Counts,
    /** The working weeks the funnel spreads its first meetings over, this one included. */
    weeksLeft: z.number().int(),
    /** The days "done to date" counts: the fiscal year's first day to this week's end. */
    toDate: z.object({ from: z.string(), to: z.string() }),
  }),
  weeklyPlan: z.array(WeeklyPlanLine),
  funnelInputs: FunnelOverrides,
  weeklyPlanOverrides: WeeklyPlanOverrides,
  qualitative: Qualitative,
  signatures: z.object({
    repSignedAt: z.string().nullable(),
    managerSignedAt: z.string().nullable(),
  }),
  allowedTransitions: z.array(RepPlanState),
  canEdit: z.boolean(),
  checkIns: z.array(CheckInSummary),
});
export type RepPlan = z.infer<typeof RepPlan>;

export const RepPlanListItem = RepPlan.pick({
  id: true,
  version: true,
  state: true,
  year: true,
  cadence: true,
  rep: true,
  manager: true,
});
export type RepPlanListItem = z.infer<typeof RepPlanListItem>;

export const RepPlanVersion = z.object({
  versionNumber: z.number().int(),
  reason: z.string(),
  repSignedAt: z.string(),
  managerSignedAt: z.string(),
  createdAt: z.string(),
  content: z.record(z.string(), z.unknown()),
});

export const VersionComparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const RepPlanComment = z.object({
  id: z.string(),
  author: Person,
  body: z.string(),
  createdAt: z.string(),
});

export const CheckInRecordInput = z.object({
  heldOn: IsoDate.optional(),
  discrepancies: z.string().max(10_000).default(''),
  difficulties: z.string().max(10_000).default(''),
  adjustments: z.string().max(10_000).default(''),
  /** An agreed adjustment: changes to the plan, frozen as a revised version. */
  planChanges: RepPlanPatch.omit({ cadence: true }).optional(),
});
export type CheckInRecordInput = z.infer<typeof CheckInRecordInput>;
