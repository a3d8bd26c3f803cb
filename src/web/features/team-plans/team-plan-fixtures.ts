import type { Me } from '../../../schemas/session';
import type { TeamPlan } from '../../../schemas/team-plans';
import type { User } from '../../../schemas/users';
import { type ApiHandler, commonHandlers, ids, me } from '../../test-utils';

// A team plan as the API answers it, and the people around it, for this feature's web tests.

export const teamPlanId = '00000000-0000-4000-8000-000000000700';
export const managerId = '00000000-0000-4000-8000-000000000701';
export const repId = ids.user;
export const otherRepId = '00000000-0000-4000-8000-000000000702';
export const segmentAId = '00000000-0000-4000-8000-000000000710';

const noFilter = { memberId: null, segmentId: null, accountStatus: null, productId: null };

export const asRole = (role: Me['user']['role'], userId = repId): Me => ({
  ...me,
  user: { ...me.user, id: userId, role },
});
export const asManager = asRole('manager', managerId);

function makeUser(id: string, name: string, role: User['role'], reportsTo: string | null): User {
  return {
    id,
    email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
    name,
    role,
    managerId: reportsTo,
    managerName: null,
    territoryId: null,
    isActive: true,
    canSignIn: true,
    createdAt: '2026-01-01T09:00:00Z',
    version: 1,
  };
}

/** Max manages Rita; Otto reports to someone else, so he is not on Max's team. */
export const users: User[] = [
  makeUser(managerId, 'Max Manager', 'manager', null),
  makeUser(repId, 'Rita Rep', 'rep', managerId),
  makeUser(otherRepId, 'Otto Other', 'rep', '00000000-0000-4000-8000-000000000799'),
];

export function makeTeamPlan(overrides: Partial<TeamPlan> = {}): TeamPlan {
  return {
    id: teamPlanId,
    version: 2,
    year: 2026,
    manager: { id: managerId, name: 'Max Manager' },
    answers: {
      whoIsOurCustomer: 'Logistics firms',
      whatDoesTheCustomerValue: 'Uptime',
      whatIsOurMission: '',
      whatIsOurPlan: 'Win segment A',
      whatAreOurDesiredResults: '+20%',
    },
    objectives: [
      {
        id: 'o1',
        title: 'Grow segment A',
        goals: [
          {
            id: 'g1',
            area: 'sales',
            title: 'More first meetings',
            activities: [
              {
                id: 'a1',
                title: 'Prospecting calls',
                ownerId: repId,
                startsOn: '2026-01-01',
                endsOn: '2026-12-31',
                metric: 'calls done',
                metricDefinition: {
                  ...noFilter,
                  counts: 'activities',
                  activityType: 'call',
                  memberId: repId,
                },
                metricDescription: 'Calls done, Rita Rep, 1 Jan–31 Dec',
                targetValue: 10,
                enteredActual: null,
                progress: { actual: 3, ratio: 0.3, isEntered: false, unconverted: [] },
              },
              {
                id: 'a2',
                title: 'Trade show',
                ownerId: null,
                startsOn: null,
                endsOn: null,
                metric: 'booth visitors',
                metricDefinition: { ...noFilter, counts: 'entered', activityType: null },
                metricDescription: 'Entered by hand (not counted from the data), 1 Jan–31 Dec',
                targetValue: 500,
                enteredActual: 120,
                progress: { actual: 120, ratio: 0.24, isEntered: true, unconverted: [] },
              },
              {
                id: 'a3',
                title: 'Close the segment A deals',
                ownerId: null,
                startsOn: null,
                endsOn: null,
                metric: 'won',
                metricDefinition: {
                  ...noFilter,
                  counts: 'won_revenue',
                  activityType: null,
                  segmentId: segmentAId,
                },
                metricDescription:
                  'Won revenue, team, accounts in segment A (Strategic), 1 Jan–31 Dec',
                targetValue: 5_000_000,
                enteredActual: null,
                progress: {
                  actual: 1_250_000,
                  ratio: 0.25,
                  isEntered: false,
                  unconverted: [{ currency: 'CHF', count: 3, amountMinor: 900_000 }],
                },
              },
            ],
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** The saved plan as PUT would send it back: the body the editor should send for the fixture. */
export const savedContent = {
  answers: makeTeamPlan().answers,
  objectives: [
    {
      title: 'Grow segment A',
      goals: [
        {
          area: 'sales',
          title: 'More first meetings',
          activities: [
            {
              title: 'Prospecting calls',
              ownerId: repId,
              startsOn: '2026-01-01',
              endsOn: '2026-12-31',
              metric: 'calls done',
              metricDefinition: {
                ...noFilter,
                counts: 'activities',
                activityType: 'call',
                memberId: repId,
              },
              targetValue: 10,
              enteredActual: null,
            },
            {
              title: 'Trade show',
              ownerId: null,
              startsOn: null,
              endsOn: null,
              metric: 'booth visitors',
              metricDefinition: { ...noFilter, counts: 'entered', activityType: null },
              targetValue: 500,
              enteredActual: 120,
            },
            {
              title: 'Close the segment A deals',
              ownerId: null,
              startsOn: null,
              endsOn: null,
              metric: 'won',
              metricDefinition: {
                ...noFilter,
                counts: 'won_revenue',
                activityType: null,
                segmentId: segmentAId,
              },
              targetValue: 5_000_000,
              enteredActual: null,
            },
          ],
        },
      ],
    },
  ],
};

export function teamHandlers(session: Me, plan: TeamPlan = makeTeamPlan()) {
  const handlers: Record<string, ApiHandler> = {
    ...commonHandlers,
    'GET /api/me': () => ({ body: session }),
    'GET /api/users': () => ({ body: { items: users, total: users.length } }),
    'GET /api/team-plans': () => ({ body: { items: [plan], total: 1 } }),
    [`GET /api/team-plans/${plan.id}`]: () => ({ body: plan }),
  };
  return handlers;
}

/** The If-Match header of the first PUT the page sent. */
export function ifMatchOfPut(fetchMock: { mock: { calls: unknown[][] } }): string | null {
  const init = fetchMock.mock.calls.find(
    (call) => (call[1] as RequestInit | undefined)?.method === 'PUT',
  )?.[1] as RequestInit | undefined;
  return new Headers(init?.headers).get('If-Match');
}
