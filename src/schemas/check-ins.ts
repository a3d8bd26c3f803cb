import { z } from 'zod';
import { Id } from './common';
import { UnconvertedMoney } from './exchange-rates';
import { CheckInSummary } from './rep-plans';

// A check-in on a rep plan (DOMAIN.md, "Rep plan"): plan vs actual per activity type and per
// target to date, discrepancies, difficulties and agreed adjustments.

export const CheckInParams = z.object({ id: Id, checkInId: Id });

export const PlanVsActual = z.object({
  asOf: z.string(),
  activities: z.array(
    z.object({
      activityType: z.string(),
      planned: z.number().int(),
      done: z.number().int(),
      isBehind: z.boolean(),
    }),
  ),
  targets: z.array(
    z.object({
      /** A segment id, or 'total'. */
      key: z.string(),
      label: z.string(),
      /** The year's target (absent in older check-ins). */
      targetYearMinor: z.number().int().optional(),
      targetToDateMinor: z.number().int(),
      wonToDateMinor: z.number().int(),
      gapMinor: z.number().int(),
      isBehind: z.boolean(),
      /** Won deals left out of `wonToDateMinor` for want of a rate (absent in older check-ins). */
      unconverted: z.array(UnconvertedMoney).optional(),
    }),
  ),
});
export type PlanVsActual = z.infer<typeof PlanVsActual>;

export const CheckIn = CheckInSummary.extend({
  repPlanId: z.string(),
  /** Whether it can be recorded today: not before its period starts. */
  canRecord: z.boolean(),
  /** What the person recording should know, e.g. that the period has not ended yet. */
  warnings: z.array(z.string()),
  planVsActual: PlanVsActual,
  discrepancies: z.string(),
  difficulties: z.string(),
  adjustments: z.string(),
});
export type CheckIn = z.infer<typeof CheckIn>;

export const DueCheckIn = CheckInSummary.extend({
  repPlanId: z.string(),
  year: z.number().int(),
  rep: z.object({ id: z.string(), name: z.string() }),
});
