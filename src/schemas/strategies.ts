import { z } from 'zod';
import { ACCOUNT_STATUSES } from '../domain/account';
import { SEASONALITY_SOURCES } from '../domain/seasonality';
import { ORGANISATION_MODELS, REP_MODELS, SEGMENT_COVERAGES } from '../domain/strategy-cascade';
import { AmountMinor, Currency, Id } from './common';
import { UnconvertedMoney } from './exchange-rates';

// The organisation strategy for a fiscal year (DOMAIN.md, "Strategy cascade", "Seasonality"):
// what a leader enters, and what the API answers with the cascade computed by the domain core.

export const OrganisationModel = z.enum(ORGANISATION_MODELS);
export const SeasonalityKind = z.enum(SEASONALITY_SOURCES);
export const AccountStatus = z.enum(ACCOUNT_STATUSES);

export const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const SegmentShareInput = z.object({
  segmentId: Id,
  /** 3500 = 35% of the target. */
  shareBasisPoints: z.number().int().min(0).max(10_000),
});

export const StrategyAssignmentInput = z.object({
  repId: Id,
  /** Null: a territory share of the whole mix; a segment: the rep specialises in it. */
  segmentId: Id.nullable().default(null),
  /** Territory potential or capacity share; equal weights split equally. */
  weight: z.number().positive().max(1_000_000).default(1),
});

export const SegmentNormInput = z.object({
  segmentId: Id,
  accountStatus: AccountStatus,
  activityType: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  countPerYear: z.number().int().min(0).max(1000),
});

export const StrategyInput = z.object({
  startMonth: z.number().int().min(1).max(12),
  targetMinor: AmountMinor,
  currency: Currency.optional(),
  model: OrganisationModel,
  seasonality: z.object({
    kind: SeasonalityKind,
    /** 12 weights in fiscal order, any scale, when entered. */
    weights: z.array(z.number().min(0)).length(12).optional(),
  }),
  segmentMix: z.array(SegmentShareInput).max(100),
  assignments: z.array(StrategyAssignmentInput).max(1000),
  /** The segments' activity norms; when given, they replace the organisation's norms. */
  norms: z.array(SegmentNormInput).max(5000).optional(),
});
export type StrategyInput = z.infer<typeof StrategyInput>;

const CascadeSegment = z.object({
  segmentId: z.string(),
  code: z.string(),
  name: z.string(),
  share: z.number(),
  targetMinor: z.number().int(),
  coveredBy: z.enum(SEGMENT_COVERAGES),
});

export const StrategyCascade = z.object({
  targetMinor: z.number().int(),
  segments: z.array(CascadeSegment),
  reps: z.array(
    z.object({
      repId: z.string(),
      repName: z.string(),
      model: z.enum(REP_MODELS),
      targetMinor: z.number().int(),
      segments: z.array(z.object({ segmentId: z.string(), targetMinor: z.number().int() })),
    }),
  ),
  otherMinor: z.number().int(),
  uncoveredSegments: z.array(z.string()),
  unassignedMinor: z.number().int(),
});
export type StrategyCascade = z.infer<typeof StrategyCascade>;

export const StrategySeasonality = z.object({
  kind: SeasonalityKind,
  enteredWeights: z.array(z.number()).nullable(),
  /** The weights in use, in fiscal order, summing to 1. */
  weights: z.array(z.number()),
  source: SeasonalityKind,
  yearsUsed: z.number().int(),
  reason: z.string().nullable(),
  /** From history: the won deals left out of the monthly revenue for want of an exchange rate. */
  unconverted: z.array(UnconvertedMoney),
  months: z.array(z.object({ month: z.string(), targetMinor: z.number().int() })),
  quarters: z.array(z.object({ quarter: z.number().int(), targetMinor: z.number().int() })),
});

export const Strategy = z.object({
  year: z.number().int(),
  startMonth: z.number().int(),
  targetMinor: z.number().int(),
  currency: z.string(),
  model: OrganisationModel,
  version: z.number().int(),
  updatedAt: z.string(),
  segmentMix: z.array(SegmentShareInput),
  assignments: z.array(StrategyAssignmentInput.extend({ repName: z.string() })),
  norms: z.array(SegmentNormInput),
  seasonality: StrategySeasonality,
  cascade: StrategyCascade,
});
export type Strategy = z.infer<typeof Strategy>;
