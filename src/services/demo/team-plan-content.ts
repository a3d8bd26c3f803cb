import type { MetricDefinition } from '../../domain/team-plan-metrics';
import type { TeamPlanContent } from '../../schemas/team-plans';

// A team sales & marketing plan for the demo: the five answers and one objective tree whose
// counted metrics get targets from the team's own pace (rep-plans.ts counts the last twelve
// months and asks a little more or less of each), and two metrics the data cannot count (an
// event, and a lead source no row records) with entered actuals.

type ActivityInput = TeamPlanContent['objectives'][number]['goals'][number]['activities'][number];

/** A tactical activity of the demo team plan; `pace` multiplies the last twelve months' count. */
export type DemoTeamActivity = Omit<ActivityInput, 'targetValue'> & {
  key: string;
  pace: number | null;
  targetValue: number | null;
};

const definition = (fields: Partial<MetricDefinition> & Pick<MetricDefinition, 'counts'>) => ({
  activityType: null,
  memberId: null,
  segmentId: null,
  accountStatus: null,
  productId: null,
  ...fields,
});

/** The demo plan's tactical activities, by key, before their counted targets are set. */
export function demoTeamActivities(
  year: number,
  repIds: readonly string[],
  segmentAId: string | null,
): DemoTeamActivity[] {
  const base = {
    ownerId: null,
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    enteredActual: null,
    targetValue: null,
  };
  return [
    {
      ...base,
      key: 'segment-a-first-meetings',
      title: 'First meetings with segment A prospects',
      metric: 'first meetings held',
      metricDefinition: definition({
        counts: 'activities',
        activityType: 'first_meeting',
        segmentId: segmentAId,
        accountStatus: 'prospect',
      }),
      pace: 1.1,
    },
    ...repIds.slice(0, 2).map((repId, i) => ({
      ...base,
      key: `prospecting-calls-${i}`,
      title: 'Weekly prospecting calls',
      ownerId: repId,
      metric: 'calls done',
      metricDefinition: definition({ counts: 'activities', activityType: 'call', memberId: repId }),
      // One rep asked for a quarter more calls than last year, the other for as many.
      pace: i === 0 ? 1.25 : 1,
    })),
    {
      ...base,
      key: 'customer-events',
      title: 'Two customer events',
      metric: 'events held',
      metricDefinition: definition({ counts: 'entered' }),
      targetValue: 2,
      enteredActual: 1,
      pace: null,
    },
    {
      ...base,
      key: 'event-opportunities',
      title: 'Opportunities from events',
      metric: 'opportunities whose lead source is an event (the CRM export has no lead source)',
      metricDefinition: definition({ counts: 'entered' }),
      targetValue: 12,
      enteredActual: 7,
      pace: null,
    },
    {
      ...base,
      key: 'account-reviews',
      title: 'Account reviews',
      metric: 'meetings with customers',
      metricDefinition: definition({
        counts: 'activities',
        activityType: 'meeting',
        accountStatus: 'customer',
      }),
      pace: 0.95,
    },
  ];
}

/** The plan's content with each activity's target (counted ones set by the caller). */
export function demoTeamPlanContent(activities: readonly DemoTeamActivity[]): TeamPlanContent {
  const pick = (...keys: string[]) =>
    activities
      .filter((a) => keys.some((key) => a.key.startsWith(key)))
      .map(({ key: _key, pace: _pace, ...activity }) => activity);
  return {
    answers: {
      whoIsOurCustomer:
        'Mid-size companies in our territory that run their operations on our platform or a competitor’s.',
      whatDoesTheCustomerValue: 'Uptime, a partner who knows their industry, and predictable cost.',
      whatIsOurMission: 'Make our customers’ operations run without surprises.',
      whatIsOurPlan:
        'Win segment A accounts with first meetings every week; grow customers through reviews.',
      whatAreOurDesiredResults:
        'Reach the team target with 40% from segment A and no customer lost.',
    },
    objectives: [
      {
        title: 'Grow revenue in segment A',
        goals: [
          {
            area: 'sales',
            title: 'Open more segment A opportunities',
            activities: pick('segment-a-first-meetings', 'prospecting-calls'),
          },
          {
            area: 'marketing',
            title: 'Be known in segment A',
            activities: pick('customer-events', 'event-opportunities'),
          },
        ],
      },
      {
        title: 'Keep every customer',
        goals: [
          {
            area: 'sales',
            title: 'Review every customer twice a year',
            activities: pick('account-reviews'),
          },
        ],
      },
    ],
  };
}
