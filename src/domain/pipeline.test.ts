import { describe, expect, it } from 'vitest';
import {
  countSlips,
  isStale,
  isWorthADealPlan,
  pipelineCoverage,
  summarisePipeline,
  summarisePipelineByGroup,
} from './pipeline';
import type { PipelineRow, Stage } from './pipeline';

const today = '2026-11-25';
const stages: Stage[] = [
  { id: 'propose', name: 'Propose', order: 2, winProbability: 0.5, kind: 'open' },
  { id: 'qualify', name: 'Qualify', order: 1, winProbability: 0.1, kind: 'open' },
  { id: 'won', name: 'Won', order: 3, winProbability: 1, kind: 'won' },
];

const row = (
  id: string,
  fields: Partial<PipelineRow & { ownerId: string }>,
): PipelineRow & { ownerId: string } => ({
  id,
  ownerId: 'ana',
  amountMinor: 0,
  stageId: 'qualify',
  createdOn: '2026-11-01',
  expectedClose: '2026-12-15',
  lastActivityOn: '2026-11-20',
  expectedCloseHistory: ['2026-12-15'],
  hasDealPlan: true,
  hasNextStep: true,
  hasErrorFinding: false,
  ...fields,
});

const rows = [
  row('o1', { amountMinor: 100_000 }),
  row('o2', {
    ownerId: 'bob',
    amountMinor: 200_000,
    stageId: 'propose',
    createdOn: '2026-09-26',
    expectedClose: '2026-11-20',
    lastActivityOn: '2026-11-24',
    expectedCloseHistory: ['2026-09-30', '2026-10-15', '2026-10-31', '2026-11-20'],
    hasNextStep: false,
  }),
  row('o3', {
    amountMinor: 50_001,
    stageId: 'propose',
    createdOn: '2026-10-01',
    expectedClose: '2027-01-31',
    lastActivityOn: null,
    expectedCloseHistory: ['2027-01-31', '2026-12-31', '2027-01-31'],
    hasErrorFinding: true,
  }),
  row('o4', { amountMinor: 999, stageId: 'won' }),
];

describe('summarisePipeline', () => {
  it('summarises the open deals (worked example)', () => {
    // Weighted: 100,000 × 0.1 + 200,000 × 0.5 + 50,001 × 0.5 = 135,000.5 → 135,001.
    // Ages 24, 60 and 55 days. o2 is past its expected close; o3 has had no activity for 55 days.
    expect(summarisePipeline(rows, stages, today)).toEqual({
      openCount: 3,
      openValueMinor: 350_001,
      weightedValueMinor: 135_001,
      averageAgeDays: 139 / 3,
      byStage: [
        { stageId: 'qualify', name: 'Qualify', count: 1, valueMinor: 100_000 },
        { stageId: 'propose', name: 'Propose', count: 2, valueMinor: 250_001 },
      ],
      staleIds: ['o2', 'o3'],
      goodQualityIds: ['o1'],
      slippingIds: ['o2'],
    });
  });

  it('summarises per group', () => {
    const groups = summarisePipelineByGroup(rows, stages, today, (r) => r.ownerId);
    expect(groups.map((g) => [g.key, g.openCount, g.openValueMinor])).toEqual([
      ['ana', 2, 150_001],
      ['bob', 1, 200_000],
    ]);
  });

  it('gives an empty pipeline zeros and no average age', () => {
    expect(summarisePipeline([], stages, today)).toMatchObject({
      openCount: 0,
      weightedValueMinor: 0,
      averageAgeDays: null,
    });
  });

  it('refuses a row in an unknown stage', () => {
    expect(() => summarisePipeline([row('x', { stageId: 'gone' })], stages, today)).toThrow(
      'rows.x.stageId',
    );
  });
});

describe('stale and slipping', () => {
  it('calls a deal stale after more than 30 days without activity, or past its close', () => {
    expect(
      isStale(
        { lastActivityOn: '2026-10-26', createdOn: '2026-01-01', expectedClose: null },
        today,
      ),
    ).toBe(false);
    expect(
      isStale(
        { lastActivityOn: '2026-10-25', createdOn: '2026-01-01', expectedClose: null },
        today,
      ),
    ).toBe(true);
    expect(
      isStale(
        { lastActivityOn: null, createdOn: '2026-11-20', expectedClose: '2026-11-24' },
        today,
      ),
    ).toBe(true);
  });

  it('counts only the moves to a later date', () => {
    expect(countSlips(['2026-10-01', '2026-11-01', '2026-10-15', '2026-12-01', '2026-12-01'])).toBe(
      2,
    );
    expect(countSlips([])).toBe(0);
  });
});

describe('pipelineCoverage', () => {
  it('compares the pipeline due in the period with the rep’s own need, 1 / c', () => {
    expect(
      pipelineCoverage({
        openRows: rows.slice(0, 3),
        period: { from: '2026-10-01', to: '2026-12-31' },
        remainingTargetMinor: 100_000,
        closingRatio: 0.25,
      }),
    ).toEqual({
      pipelineDueMinor: 300_000,
      remainingTargetMinor: 100_000,
      coverage: 3,
      neededCoverage: 4,
      isCovered: false,
    });
  });

  it('has nothing to cover once the target is reached, and no need without a ratio', () => {
    expect(
      pipelineCoverage({
        openRows: [],
        period: { from: '2026-10-01', to: '2026-12-31' },
        remainingTargetMinor: -5,
        closingRatio: null,
      }),
    ).toEqual({
      pipelineDueMinor: 0,
      remainingTargetMinor: 0,
      coverage: null,
      neededCoverage: null,
      isCovered: true,
    });
  });
});

describe('isWorthADealPlan', () => {
  const deal = { isOpen: true, hasDealPlan: false, amountMinor: 12_000_00 };

  it("lists an open deal without a plan worth at least the owner's average won deal", () => {
    expect(isWorthADealPlan(deal, 12_000_00)).toBe(true);
    expect(isWorthADealPlan(deal, 8_000_00)).toBe(true);
    expect(isWorthADealPlan(deal, 12_000_01)).toBe(false);
  });

  it('never lists a deal that has a plan or is closed', () => {
    expect(isWorthADealPlan({ ...deal, hasDealPlan: true }, 1)).toBe(false);
    expect(isWorthADealPlan({ ...deal, isOpen: false }, 1)).toBe(false);
    expect(isWorthADealPlan({ ...deal, isOpen: false }, null)).toBe(false);
  });

  it('lists every open deal without a plan when the owner has never won a deal', () => {
    expect(isWorthADealPlan({ ...deal, amountMinor: 0 }, null)).toBe(true);
    expect(isWorthADealPlan({ ...deal, amountMinor: null }, null)).toBe(true);
  });

  it('does not compare a deal without an exchange rate with an average', () => {
    expect(isWorthADealPlan({ ...deal, amountMinor: null }, 1)).toBe(false);
  });
});
