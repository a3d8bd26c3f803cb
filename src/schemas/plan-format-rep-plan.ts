import { z } from 'zod';
import { PLAN_FORMAT_VERSION } from '../domain/plan-format';
import { AccountRef, SegmentRef, UserRef } from './plan-format-records';
import { CheckInCadence, FunnelOverrides, Qualitative, WeeklyPlanOverrides } from './rep-plans';

// A rep plan in the open plan format (docs/plan-format/rep-plan.schema.json): what the rep and
// manager write, target accounts by external id or name; the targets and the activity plan the
// strategy and the norms give, for the reader (an import leaves them to the strategy).

const Informative = 'Computed from the strategy and the norms; ignored on import';

export const RepPlanDocument = z
  .object({
    format: z.literal('salesplan-rep-plan'),
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    rep: UserRef.extend({ name: z.string().max(300) }).describe(
      'Whose plan (informative on import: the URL names the plan)',
    ),
    year: z.number().int().min(2000).max(2100).describe('The fiscal year (informative on import)'),
    cadence: CheckInCadence,
    targets: z
      .object({
        currency: z.string(),
        totalMinor: z.number().int(),
        segments: z.array(z.object({ segment: SegmentRef, targetMinor: z.number().int() })),
        months: z
          .array(z.object({ month: z.string(), targetMinor: z.number().int() }))
          .describe("The year's target weighted by the strategy's seasonality"),
      })
      .nullable()
      .optional()
      .describe(`Targets per segment and month, in minor units. ${Informative}`),
    activityPlan: z
      .object({ yearly: z.record(z.string(), z.number()) })
      .optional()
      .describe(`Activities a year per type from the segments' norms. ${Informative}`),
    targetAccounts: z.array(AccountRef).max(2000),
    funnelInputs: FunnelOverrides,
    weeklyPlanOverrides: WeeklyPlanOverrides,
    qualitative: Qualitative,
  })
  .meta({
    title: 'Salesplan rep plan',
    description:
      "A rep's plan for a fiscal year (cadence, target accounts, funnel inputs, weekly overrides, sales methods per stage) with accounts named by external id or name",
  });
export type RepPlanDocument = z.infer<typeof RepPlanDocument>;
