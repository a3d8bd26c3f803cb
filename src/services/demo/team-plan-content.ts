import type { TeamPlanContent } from '../../schemas/team-plans';

/** A team sales & marketing plan for the demo: the five answers and one objective tree. */
export function demoTeamPlanContent(year: number, repIds: readonly string[]): TeamPlanContent {
  const activity = (
    title: string,
    ownerId: string | null,
    metricSource: string | null,
    targetValue: number | null,
    metric: string,
  ) => ({
    title,
    ownerId,
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    metric,
    metricSource,
    targetValue,
  });
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
            activities: [
              activity(
                'First meetings with segment A prospects',
                null,
                'activities:first_meeting',
                40 * Math.max(1, repIds.length),
                'first meetings held',
              ),
              ...repIds
                .slice(0, 2)
                .map((repId) =>
                  activity('Weekly prospecting calls', repId, 'activities:call', 300, 'calls done'),
                ),
            ],
          },
          {
            area: 'marketing',
            title: 'Be known in segment A',
            activities: [
              activity('Two customer events', null, null, 2, 'events held'),
              activity(
                'Opportunities from events',
                null,
                'opportunities_created',
                60,
                'opportunities created',
              ),
            ],
          },
        ],
      },
      {
        title: 'Keep every customer',
        goals: [
          {
            area: 'sales',
            title: 'Review every customer twice a year',
            activities: [
              activity('Account reviews', null, 'activities:meeting', 100, 'meetings held'),
            ],
          },
        ],
      },
    ],
  };
}
