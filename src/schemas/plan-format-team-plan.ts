import { z } from 'zod';
import { PLAN_FORMAT_VERSION } from '../domain/plan-format';
import { TEAM_GOAL_AREAS } from '../domain/team-plans';
import { AccountStatus } from './accounts';
import { IsoDate, NonBlank } from './common';
import { ProductRef, SegmentRef, UserRef } from './plan-format-records';
import { MetricCount, MetricDefinition, TeamPlanAnswers } from './team-plans';

// A team sales & marketing plan in the open plan format (docs/plan-format/team-plan.schema.json):
// the five answers and objectives → goals → activities, owners and metric members by external id
// or email, segments by code, products by external id or name. What the plan's rules check (an
// activity type for an activity count, no filter on an entered metric, a timeline that does not
// end before it starts) is checked on import and said at the document's path.

const TeamPlanMetricDefinition = z
  .object({
    counts: MetricCount,
    activityType: MetricDefinition.shape.activityType
      .unwrap()
      .describe(
        "The activity type's key (`call`, `meeting`); set exactly when `counts` is `activities`",
      ),
    member: UserRef.nullable().describe('Whose rows count; null for the whole team'),
    segment: SegmentRef.nullable(),
    accountStatus: AccountStatus.nullable(),
    product: ProductRef.nullable(),
  })
  .describe("What the activity's metric counts, whose and with which filter");

const TeamPlanActivity = z.object({
  title: NonBlank.max(500),
  owner: UserRef.nullable().describe('The manager or someone on the team; null for no one'),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  metric: z.string().trim().max(500).nullable().describe('What the manager calls the metric'),
  metricDefinition: TeamPlanMetricDefinition.nullable(),
  targetValue: z.number().min(0).max(1e15).nullable().describe('Minor units for won revenue'),
  enteredActual: z
    .number()
    .min(0)
    .max(1e15)
    .nullable()
    .describe('The actual of a metric entered by hand (`counts: entered`); else null'),
  progress: z
    .object({
      description: z.string().describe('The definition in words'),
      actual: z.number().nullable(),
      ratio: z.number().nullable(),
      isEntered: z.boolean(),
    })
    .nullable()
    .optional()
    .describe("The metric's actual counted from the data; informative, ignored on import"),
});

export const TeamPlanDocument = z
  .object({
    format: z.literal('salesplan-team-plan'),
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    manager: UserRef.extend({ name: z.string().max(300) }).describe(
      'Whose team (informative on import: the URL names the plan)',
    ),
    year: z.number().int().min(2000).max(2100).describe('The fiscal year (informative on import)'),
    answers: TeamPlanAnswers,
    objectives: z
      .array(
        z.object({
          title: NonBlank.max(500),
          goals: z
            .array(
              z.object({
                area: z.enum(TEAM_GOAL_AREAS),
                title: NonBlank.max(500),
                activities: z.array(TeamPlanActivity).max(100),
              }),
            )
            .max(50),
        }),
      )
      .max(50),
  })
  .meta({
    title: 'Salesplan team plan',
    description:
      "A manager's team sales & marketing plan for a fiscal year (the five answers, business objectives, sales and marketing goals, tactical activities with their metrics) with people named by external id or email",
  });
export type TeamPlanDocument = z.infer<typeof TeamPlanDocument>;
