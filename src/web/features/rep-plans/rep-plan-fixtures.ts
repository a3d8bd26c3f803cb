import type { RepPlan } from '../../../schemas/rep-plans';
import { ids } from '../../test-utils';

// A rep plan as the API answers it, for the web tests of this feature.

export const planId = '00000000-0000-4000-8000-000000000500';
export const year = new Date().getFullYear();
export const managerId = '00000000-0000-4000-8000-000000000009';

function attainmentRow(
  key: string,
  label: string,
  targetYearMinor: number,
  targetToDateMinor: number,
  wonToDateMinor: number,
) {
  const gapMinor = targetToDateMinor - wonToDateMinor;
  const attainment = wonToDateMinor / targetToDateMinor;
  return {
    key,
    label,
    targetYearMinor,
    targetToDateMinor,
    wonToDateMinor,
    gapMinor,
    attainment,
    isBehind: gapMinor > 0,
  };
}

export function makeRepPlan(overrides: Partial<RepPlan> = {}): RepPlan {
  return {
    id: planId,
    version: 2,
    state: 'draft',
    year,
    cadence: 'monthly',
    rep: { id: ids.user, name: 'Rita Rep' },
    manager: { id: managerId, name: 'Max Manager' },
    targets: {
      totalMinor: 2_000_000_00,
      currency: 'EUR',
      fiscalYearStart: `${year}-01`,
      segments: [
        { segmentId: ids.segment, code: 'A', name: 'Segment A', targetMinor: 1_500_000_00 },
        { segmentId: 'other', code: 'other', name: 'Other', targetMinor: 500_000_00 },
      ],
      months: [],
      quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, targetMinor: 500_000_00 })),
    },
    // Due to date 1,000,000 split 3 : 1; won 900,000 = 700,000 + 200,000.
    attainment: {
      asOf: `${year}-06-30`,
      fiscalYear: year,
      currency: 'EUR',
      rows: [
        attainmentRow('total', 'Total', 2_000_000_00, 1_000_000_00, 900_000_00),
        attainmentRow(ids.segment, 'Segment A', 1_500_000_00, 750_000_00, 700_000_00),
        attainmentRow('other', 'Other', 500_000_00, 250_000_00, 200_000_00),
      ],
      unconverted: [],
    },
    targetAccounts: [],
    activityPlan: {
      yearly: { call: 12, meeting: 10 },
      monthly: [],
      accountsWithoutNorms: [],
      capacity: { hoursPerYear: 18, sellingHoursPerYear: 1300, findings: [] },
    },
    funnel: {
      inputs: {
        goalMinor: 2_000_000_00,
        wonMinor: 60_000_00,
        closingRatio: 0.6,
        meetingToOpportunityRatio: 0.5,
      },
      sources: {
        closingRatio: { source: 'history', value: 0.6, reason: null, counts: { won: 3, lost: 2 } },
        meetingToOpportunityRatio: {
          source: 'override',
          value: 0.5,
          reason: 'New product line',
          counts: { opportunities: 5, firstMeetings: 10 },
        },
        teamClosingRatio: {
          source: 'history',
          value: 0.45,
          reason: null,
          counts: { won: 9, lost: 11, reps: 4 },
        },
      },
      lookBack: { from: `${year - 1}-11-26`, to: `${year}-11-25` },
      unconverted: [{ currency: 'CHF', count: 3, amountMinor: 12_000_00 }],
      result: {
        dealsToWin: 97,
        opportunitiesNeeded: 162,
        firstMeetingsNeeded: 324,
        exact: { dealsToWin: 96.2, opportunitiesNeeded: 160.33, firstMeetingsNeeded: 320.67 },
        weeks: 5,
        meetingsPerWeek: { exact: 64.8, rounded: 65 },
        findings: [],
      },
    },
    weekly: {
      week: `${year}-W48`,
      firstMeetings: 65,
      calls: 260,
      activities: { meeting: 1 },
      weeksLeft: 5,
      toDate: { from: `${year}-01-01`, to: `${year}-11-29` },
    },
    weeklyPlan: [
      {
        type: 'call',
        fromNorms: 3,
        fromFunnel: 260,
        gap: 257,
        planned: 260,
        basis: 'funnel',
        reason: null,
        doneThisWeek: 1,
        doneToDate: 140,
      },
      {
        type: 'first_meeting',
        fromNorms: 0,
        fromFunnel: 65,
        gap: 65,
        planned: 65,
        basis: 'funnel',
        reason: null,
        doneThisWeek: 2,
        doneToDate: 41,
      },
      {
        type: 'meeting',
        fromNorms: 1,
        fromFunnel: null,
        gap: null,
        planned: 1,
        basis: 'norms',
        reason: null,
        doneThisWeek: 0,
        doneToDate: 12,
      },
    ],
    funnelInputs: {},
    weeklyPlanOverrides: {},
    qualitative: { stages: [] },
    signatures: { repSignedAt: null, managerSignedAt: null },
    allowedTransitions: ['proposed'],
    canEdit: true,
    checkIns: [],
    ...overrides,
  };
}

/** Two agreed versions: agreed first, then revised at a check-in with its adjustment. */
export const agreedVersions = [
  {
    versionNumber: 1,
    reason: 'Agreed by the rep and the manager',
    repSignedAt: `${year}-01-10T09:00:00.000Z`,
    managerSignedAt: `${year}-01-11T09:00:00.000Z`,
    createdAt: `${year}-01-11T09:00:00.000Z`,
    content: {},
  },
  {
    versionNumber: 2,
    reason: 'Add Contoso; closing ratio 40% after the price change',
    repSignedAt: `${year}-04-30T09:00:00.000Z`,
    managerSignedAt: `${year}-04-30T09:00:00.000Z`,
    createdAt: `${year}-04-30T09:00:00.000Z`,
    content: {},
  },
];
