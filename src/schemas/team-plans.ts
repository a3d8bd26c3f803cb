import { z } from 'zod';
import { METRIC_COUNTS, metricDefinitionIssues } from '../domain/team-plan-metrics';
import { TEAM_GOAL_AREAS } from '../domain/team-plans';
import { AccountStatus } from './accounts';
import { Id, IsoDate, NonBlank } from './common';
import { UnconvertedMoney } from './exchange-rates';
import { CsvExportQuery } from './csv-export';

// The team sales & marketing plan (DOMAIN.md, seed 002): the five questions, then business
// objectives → sales and marketing goals → tactical, measurable activities with an owner, a
// timeline and a metric defined by what it counts, whose and with which filter.

export const MetricCount = z.enum(METRIC_COUNTS);

/** What a metric counts, whose (null: the team) and with which filter; see domain/team-plan-metrics.ts. */
export const MetricDefinition = z
  .object({
    counts: MetricCount,
    activityType: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'is not an activity type')
      .nullable()
      .default(null),
    memberId: Id.nullable().default(null),
    segmentId: Id.nullable().default(null),
    accountStatus: AccountStatus.nullable().default(null),
    productId: Id.nullable().default(null),
  })
  .superRefine((definition, context) => {
    for (const issue of metricDefinitionIssues(definition))
      context.addIssue({ code: 'custom', message: issue.reason, path: [issue.field] });
  });
export type MetricDefinition = z.infer<typeof MetricDefinition>;

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
    /** What the manager calls it ("events held"); the definition says what is counted. */
    metric: z.string().trim().max(500).nullable().default(null),
    metricDefinition: MetricDefinition.nullable().default(null),
    /** Minor units for won revenue. */
    targetValue: z.number().min(0).max(1e15).nullable().default(null),
    /** The actual of a metric entered by hand; only there. */
    enteredActual: z.number().min(0).max(1e15).nullable().default(null),
  })
  .refine((a) => !a.startsOn || !a.endsOn || a.startsOn <= a.endsOn, {
    message: 'must not end before it starts',
    path: ['endsOn'],
  })
  .refine((a) => a.enteredActual === null || a.metricDefinition?.counts === 'entered', {
    message: 'only a metric entered by hand takes an entered actual',
    path: ['enteredActual'],
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
// `isEntered`: the actual was typed in (null until it is), not counted from the data.
const Progress = z
  .object({
    actual: z.number().nullable(),
    ratio: z.number().nullable(),
    isEntered: z.boolean(),
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
              metricDefinition: MetricDefinition.nullable(),
              /** The definition in words, shown beside the figure. */
              metricDescription: z.string().nullable(),
              targetValue: z.number().nullable(),
              enteredActual: z.number().nullable(),
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
/** The list of a year; `csv` answers it as CSV (schemas/csv-export.ts). */
export const TeamPlanListQuery = CsvExportQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100),
});
