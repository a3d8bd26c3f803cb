import { z } from 'zod';
import { TEAM_GOAL_AREAS } from '../domain/team-plans';
import { Id, IsoDate, NonBlank } from './common';
import { UnconvertedMoney } from './exchange-rates';

// The team sales & marketing plan (DOMAIN.md, seed 002): the five questions, then business
// objectives → sales and marketing goals → tactical, measurable activities with an owner, a
// timeline and a metric. A metric the app can count names its source.

/** `activities:<type>` (done activities of a type), `won_revenue` (minor units), `opportunities_created`. */
export const MetricSource = z
  .string()
  .regex(
    /^(activities:[a-z][a-z0-9_]{0,39}|won_revenue|opportunities_created)$/,
    'is not a metric the app can count',
  );

export const TeamPlanAnswers = z.object({
  whoIsOurCustomer: z.string().max(10_000).default(''),
  whatDoesTheCustomerValue: z.string().max(10_000).default(''),
  whatIsOurMission: z.string().max(10_000).default(''),
  whatIsOurPlan: z.string().max(10_000).default(''),
  whatAreOurDesiredResults: z.string().max(10_000).default(''),
});

export const TeamActivityInput = z
  .object({
    title: NonBlank.max(500),
    ownerId: Id.nullable().default(null),
    startsOn: IsoDate.nullable().default(null),
    endsOn: IsoDate.nullable().default(null),
    metric: z.string().trim().max(500).nullable().default(null),
    metricSource: MetricSource.nullable().default(null),
    targetValue: z.number().min(0).nullable().default(null),
  })
  .refine((a) => !a.startsOn || !a.endsOn || a.startsOn <= a.endsOn, {
    message: 'must not end before it starts',
    path: ['endsOn'],
  });

export const TeamGoalInput = z.object({
  area: z.enum(TEAM_GOAL_AREAS),
  title: NonBlank.max(500),
  activities: z.array(TeamActivityInput).max(100).default([]),
});

export const BusinessObjectiveInput = z.object({
  title: NonBlank.max(500),
  goals: z.array(TeamGoalInput).max(50).default([]),
});

export const TeamPlanInput = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Defaults to the signed-in manager. */
  managerId: Id.optional(),
});

export const TeamPlanContent = z.object({
  answers: TeamPlanAnswers,
  objectives: z.array(BusinessObjectiveInput).max(50),
});
export type TeamPlanContent = z.infer<typeof TeamPlanContent>;

// `unconverted`: for won revenue, the won deals left out for want of an exchange rate.
const Progress = z
  .object({
    actual: z.number(),
    ratio: z.number().nullable(),
    unconverted: z.array(UnconvertedMoney),
  })
  .nullable();

export const TeamPlan = z.object({
  id: z.string(),
  version: z.number().int(),
  year: z.number().int(),
  manager: z.object({ id: z.string(), name: z.string() }),
  answers: TeamPlanAnswers,
  objectives: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      goals: z.array(
        z.object({
          id: z.string(),
          area: z.enum(TEAM_GOAL_AREAS),
          title: z.string(),
          activities: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              ownerId: z.string().nullable(),
              startsOn: z.string().nullable(),
              endsOn: z.string().nullable(),
              metric: z.string().nullable(),
              metricSource: z.string().nullable(),
              targetValue: z.number().nullable(),
              progress: Progress,
            }),
          ),
        }),
      ),
    }),
  ),
});
export type TeamPlan = z.infer<typeof TeamPlan>;

export const TeamPlanListItem = TeamPlan.pick({
  id: true,
  version: true,
  year: true,
  manager: true,
});
export const TeamPlanListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
