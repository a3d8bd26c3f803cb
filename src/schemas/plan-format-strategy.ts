import { z } from 'zod';
import { PLAN_FORMAT_VERSION } from '../domain/plan-format';
import { SegmentRef, UserRef } from './plan-format-records';
import {
  StrategyInput,
  SegmentNormInput,
  SegmentShareInput,
  StrategyAssignmentInput,
} from './strategies';

// The organisation strategy of a fiscal year in the open plan format
// (docs/plan-format/strategy.schema.json): segments by code, reps by external id or email.

export const StrategyDocument = z
  .object({
    format: z.literal('salesplan-strategy'),
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    year: z.number().int().min(2000).max(2100).describe('The fiscal year (informative on import)'),
    startMonth: StrategyInput.shape.startMonth,
    target: z.object({
      amountMinor: StrategyInput.shape.targetMinor,
      currency: StrategyInput.shape.currency.unwrap(),
    }),
    model: StrategyInput.shape.model,
    seasonality: z.object({
      kind: StrategyInput.shape.seasonality.shape.kind,
      weights: StrategyInput.shape.seasonality.shape.weights
        .unwrap()
        .nullable()
        .describe('12 weights in fiscal order, any scale, for entered seasonality; else null'),
    }),
    segmentMix: z
      .array(
        z.object({
          segment: SegmentRef,
          shareBasisPoints: SegmentShareInput.shape.shareBasisPoints,
        }),
      )
      .max(100),
    assignments: z
      .array(
        z.object({
          rep: UserRef,
          segment: SegmentRef.nullable().describe(
            'Null: a territory share of the whole mix; a segment: the rep specialises in it',
          ),
          weight: StrategyAssignmentInput.shape.weight.unwrap(),
        }),
      )
      .max(1000),
    norms: z
      .array(
        z.object({
          segment: SegmentRef,
          accountStatus: SegmentNormInput.shape.accountStatus,
          activityType: SegmentNormInput.shape.activityType,
          countPerYear: SegmentNormInput.shape.countPerYear,
        }),
      )
      .max(5000)
      .describe("The segments' activity norms; they replace the organisation's norms"),
  })
  .meta({
    title: 'Salesplan strategy',
    description:
      "The organisation's strategy for a fiscal year (target, segment mix, model, reps' assignments, seasonality, activity norms) with segments by code and reps by external id or email",
  });
export type StrategyDocument = z.infer<typeof StrategyDocument>;
