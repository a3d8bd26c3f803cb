import type {
  AttainmentPanel,
  OrganisationDashboard,
  PipelinePanel,
  RepDashboard,
  TeamDashboard,
  TeamRepRow,
} from '../../../schemas/dashboards';
import { ids } from '../../test-utils';

// Dashboards as the API answers them, for the web tests of this feature.

export const dashboardIds = {
  rep: ids.user,
  otherRep: '00000000-0000-4000-8000-000000000003',
  manager: '00000000-0000-4000-8000-000000000009',
  plan: '00000000-0000-4000-8000-000000000500',
  otherPlan: '00000000-0000-4000-8000-000000000501',
  checkIn: '00000000-0000-4000-8000-000000000600',
  heldCheckIn: '00000000-0000-4000-8000-000000000601',
  deal: '00000000-0000-4000-8000-000000000100',
  product: '00000000-0000-4000-8000-000000000700',
  territory: '00000000-0000-4000-8000-000000000800',
};

const months = Array.from({ length: 12 }, (_, m) => ({
  month: `2026-${String(m + 1).padStart(2, '0')}`,
  target: 100_000_00,
  won: m < 10 ? 75_000_00 : 0,
}));

export function makeAttainment(overrides: Partial<AttainmentPanel> = {}): AttainmentPanel {
  return {
    fiscalYear: 2026,
    yearFrom: '2026-01-01',
    yearTo: '2026-12-31',
    targetYear: 1_200_000_00,
    targetToDate: 1_000_000_00,
    wonToDate: 750_000_00,
    attainment: 0.75,
    gap: 250_000_00,
    months,
    unconverted: [{ currency: 'CHF', count: 4, amountMinor: 12_000_00 }],
    ...overrides,
  };
}

export function makePipeline(overrides: Partial<PipelinePanel> = {}): PipelinePanel {
  return {
    openCount: 12,
    openValue: 900_000_00,
    weightedValue: 400_000_00,
    byStage: [
      { stageId: ids.stageOpen, stage: 'Proposal', count: 7, value: 600_000_00 },
      {
        stageId: '00000000-0000-4000-8000-000000000012',
        stage: 'Qualify',
        count: 5,
        value: 300_000_00,
      },
    ],
    dueInYear: 420_000_00,
    remainingTarget: 200_000_00,
    coverage: 2.1,
    neededCoverage: 1 / 0.3,
    staleCount: 3,
    slippingCount: 1,
    unconverted: [],
    ...overrides,
  };
}

const dealRef = (name: string, reason: string) => ({
  id: dashboardIds.deal,
  name,
  accountName: 'Northwind Logistics',
  amount: 50_000_00,
  expectedCloseOn: '2026-12-15',
  reason,
});

export function makeRepDashboard(overrides: Partial<RepDashboard> = {}): RepDashboard {
  const week = { from: '2026-11-23', to: '2026-11-29' };
  return {
    rep: { id: dashboardIds.rep, name: 'Rita Rep' },
    today: '2026-11-25',
    currency: 'EUR',
    plan: { id: dashboardIds.plan, state: 'agreed', repSigned: true, managerSigned: true },
    attainment: makeAttainment(),
    activity: {
      week: {
        ...week,
        rows: [
          { activityType: 'call', planned: 10, done: 6 },
          { activityType: 'first_meeting', planned: 3, done: 3 },
        ],
      },
      month: {
        from: '2026-11-01',
        to: '2026-11-30',
        rows: [{ activityType: 'call', planned: 40, done: 31 }],
      },
      toDate: { from: '2026-01-01', to: week.to, rows: [] },
    },
    funnelPace: {
      neededPerWeek: 4,
      thisWeek: { needed: 4, done: 3 },
      toDate: { needed: 188, done: 150 },
    },
    pipeline: makePipeline(),
    stale: { total: 14, items: [dealRef('Fleet renewal 2027', 'no activity for 45 days')] },
    slipping: { total: 1, items: [dealRef('Warehouse scanners', 'close date moved 3 times')] },
    needsPlan: { total: 2, items: [dealRef('Big rollout', 'worth a plan: €50,000.00')] },
    planErrors: { total: 0, items: [] },
    steps: {
      overdue: {
        total: 1,
        items: [
          {
            id: '00000000-0000-4000-8000-000000000900',
            opportunityId: dashboardIds.deal,
            opportunityName: 'Fleet renewal 2027',
            description: 'Meet the CFO',
            dueOn: '2026-11-20',
          },
        ],
      },
      dueThisWeek: { total: 0, items: [] },
    },
    nextCheckIn: {
      id: dashboardIds.checkIn,
      repPlanId: dashboardIds.plan,
      dueOn: '2026-11-30',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      isOverdue: false,
    },
    ...overrides,
  };
}

export function makeTeamRepRow(overrides: Partial<TeamRepRow> = {}): TeamRepRow {
  return {
    rep: { id: dashboardIds.rep, name: 'Rita Rep' },
    plan: { id: dashboardIds.plan, state: 'agreed', repSigned: true, managerSigned: true },
    wonToDate: 750_000_00,
    targetToDate: 1_000_000_00,
    targetYear: 1_200_000_00,
    attainment: 0.75,
    gap: 250_000_00,
    activityPlanned: 400,
    activityDone: 380,
    firstMeetingsNeeded: 188,
    firstMeetingsDone: 150,
    openCount: 12,
    openValue: 900_000_00,
    weightedValue: 400_000_00,
    coverage: 2.1,
    neededCoverage: 3.3,
    staleCount: 3,
    slippingCount: 1,
    won: 12,
    lost: 18,
    winRate: 0.4,
    averageWonDeal: 62_500_00,
    medianCycleDays: 48,
    checkInsOverdue: 0,
    unconverted: [],
    activityPlannedThisMonth: 40,
    activityDoneThisMonth: 35,
    planPhase: 'agreed',
    planSince: '2026-01-20',
    lastCheckIn: { id: dashboardIds.heldCheckIn, heldOn: '2026-10-30' },
    nextCheckIn: null,
    // 75% of the target to date (behind), 380 of 400 activities to date (95%: slightly behind).
    attention: ['behind_target', 'thin_pipeline', 'slightly_behind_on_activity'],
    ...overrides,
  };
}

const outlier = {
  repId: dashboardIds.otherRep,
  rep: 'Dana Reyes',
  productId: dashboardIds.product,
  product: 'MG Advanced',
  direction: 'below' as const,
  won: 3,
  closed: 17,
  restWon: 52,
  restClosed: 100,
  winRate: 3 / 17,
  restWinRate: 0.52,
  z: -2.7,
};

export function makeTeamDashboard(overrides: Partial<TeamDashboard> = {}): TeamDashboard {
  const dana = makeTeamRepRow({
    rep: { id: dashboardIds.otherRep, name: 'Dana Reyes' },
    plan: { id: dashboardIds.otherPlan, state: 'proposed', repSigned: true, managerSigned: false },
    wonToDate: 950_000_00,
    attainment: 0.95,
    gap: 50_000_00,
    activityPlanned: 400,
    activityDone: 200,
    checkInsOverdue: 1,
    activityPlannedThisMonth: 40,
    activityDoneThisMonth: 10,
    planPhase: 'awaiting_countersignature',
    planSince: '2026-11-20',
    lastCheckIn: null,
    nextCheckIn: {
      id: dashboardIds.checkIn,
      repPlanId: dashboardIds.otherPlan,
      dueOn: '2026-10-31',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      isOverdue: true,
    },
    // 95% of the target to date (slightly behind), 200 of 400 activities (50%: behind).
    attention: [
      'awaiting_countersignature',
      'check_in_overdue',
      'behind_on_activity',
      'thin_pipeline',
      'slightly_behind_target',
    ],
  });
  const {
    rep: _rep,
    plan: _plan,
    medianCycleDays: _m,
    neededCoverage: _n,
    planPhase: _phase,
    planSince: _since,
    lastCheckIn: _last,
    nextCheckIn: _next,
    attention: _attention,
    ...totals
  } = makeTeamRepRow({
    wonToDate: 1_700_000_00,
    targetToDate: 2_000_000_00,
    targetYear: 2_400_000_00,
    attainment: 0.85,
    gap: 300_000_00,
    activityPlanned: 800,
    activityDone: 580,
    activityPlannedThisMonth: 80,
    activityDoneThisMonth: 45,
  });
  return {
    manager: { id: dashboardIds.manager, name: 'Max Manager' },
    today: '2026-11-25',
    currency: 'EUR',
    fiscalYear: 2026,
    period: { from: '2026-01-01', to: '2026-11-25' },
    reps: [makeTeamRepRow(), dana],
    totals,
    plans: {
      missing: [{ id: '00000000-0000-4000-8000-000000000004', name: 'Nico New' }],
      unsigned: [],
      awaitingManager: [{ id: dashboardIds.otherRep, name: 'Dana Reyes' }],
    },
    checkInsOverdue: [
      {
        id: dashboardIds.checkIn,
        repPlanId: dashboardIds.otherPlan,
        dueOn: '2026-10-31',
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
        isOverdue: true,
        rep: { id: dashboardIds.otherRep, name: 'Dana Reyes' },
      },
    ],
    outliers: [outlier],
    ...overrides,
  };
}

export function makeOrganisationDashboard(
  overrides: Partial<OrganisationDashboard> = {},
): OrganisationDashboard {
  return {
    today: '2026-11-25',
    currency: 'EUR',
    fiscalYear: 2026,
    period: { from: '2026-01-01', to: '2026-11-25' },
    attainment: makeAttainment({ unconverted: [] }),
    pipeline: makePipeline(),
    segmentMix: [
      {
        segmentId: ids.segment,
        segment: 'Segment A',
        plannedShare: 0.6,
        wonRevenue: 500_000_00,
        actualShare: 0.5,
      },
      {
        segmentId: 'other',
        segment: 'Other',
        plannedShare: 0.4,
        wonRevenue: 500_000_00,
        actualShare: 0.5,
      },
    ],
    wonBy: {
      product: [{ id: dashboardIds.product, name: 'MG Advanced', won: 8, wonRevenue: 400_000_00 }],
      segment: [{ id: ids.segment, name: 'Segment A', won: 10, wonRevenue: 500_000_00 }],
      territory: [{ id: dashboardIds.territory, name: 'North', won: 5, wonRevenue: 250_000_00 }],
      customerType: [{ id: 'new', name: 'New customer', won: 4, wonRevenue: 120_000_00 }],
    },
    createdPerMonth: [
      { month: '2026-10', count: 21, value: 800_000_00 },
      { month: '2026-11', count: 17, value: 650_000_00 },
    ],
    outliers: [outlier],
    teams: [
      {
        id: dashboardIds.manager,
        name: 'Max Manager',
        wonToDate: 1_700_000_00,
        targetToDate: 2_000_000_00,
        targetYear: 2_400_000_00,
        attainment: 0.85,
        gap: 300_000_00,
      },
    ],
    reps: [
      {
        id: dashboardIds.rep,
        name: 'Rita Rep',
        managerId: dashboardIds.manager,
        wonToDate: 750_000_00,
        targetToDate: 1_000_000_00,
        targetYear: 1_200_000_00,
        attainment: 0.75,
        gap: 250_000_00,
      },
    ],
    unconverted: [{ currency: 'CHF', count: 4, amountMinor: 12_000_00 }],
    ...overrides,
  };
}
