import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { reverseFunnel } from './funnel';
import type { FunnelInput } from './funnel';

// Mark's year (seed 003): a 600,000.00 goal with 120,000.00 already won, 25,000.00 deals,
// closing 1 in 4, 2 opportunities per 5 first meetings, a 45-day cycle, fiscal year July–June.
const mark: FunnelInput = {
  goalMinor: 60_000_000,
  wonMinor: 12_000_000,
  averageDealMinor: 2_500_000,
  closingRatio: 0.25,
  meetingToOpportunityRatio: 0.4,
  salesCycleDays: 45,
  periodStart: '2026-07-01',
  periodEnd: '2027-06-30',
  today: '2026-11-25',
  callsPerMeeting: 6,
};

describe('reverseFunnel', () => {
  it('turns the remaining goal into first meetings per week (worked example)', () => {
    // G = 480,000.00; W = ceil(19.2) = 20; O = ceil(20 / 0.25) = 80; M = ceil(80 / 0.4) = 200.
    // Meetings must happen by 2027-05-16 (30 June − 45 days): ISO weeks 2026-W48 … 2027-W19 = 25.
    const plan = reverseFunnel(mark);
    expect(plan).toEqual({
      remainingGoalMinor: 48_000_000,
      dealsToWin: 20,
      opportunitiesNeeded: 80,
      firstMeetingsNeeded: 200,
      exact: {
        dealsToWin: 19.2,
        opportunitiesNeeded: 76.8,
        firstMeetingsNeeded: expect.closeTo(192, 9),
      },
      meetingWindow: { from: '2026-11-25', to: '2027-05-16', workingDays: 123 },
      weeks: 25,
      meetingsPerWeek: { exact: 8, rounded: 8 },
      callsPerWeek: { exact: 48, rounded: 48 },
      // 200 split by working days 4, 23, 21, 20, 23, 22, 10 (largest remainder).
      months: [
        { month: '2026-11', workingDays: 4, firstMeetings: 7 },
        { month: '2026-12', workingDays: 23, firstMeetings: 37 },
        { month: '2027-01', workingDays: 21, firstMeetings: 34 },
        { month: '2027-02', workingDays: 20, firstMeetings: 33 },
        { month: '2027-03', workingDays: 23, firstMeetings: 37 },
        { month: '2027-04', workingDays: 22, firstMeetings: 36 },
        { month: '2027-05', workingDays: 10, firstMeetings: 16 },
      ],
      ranges: [],
      findings: [],
    });
  });

  it('counts the current week when a working day of it is left, and rounds per week up', () => {
    // Friday 2026-11-27 to Tuesday 2026-12-01: weeks W48 and W49.
    const plan = reverseFunnel({
      ...mark,
      today: '2026-11-27',
      periodEnd: '2026-12-31',
      salesCycleDays: 30,
      callsPerMeeting: 2.5,
    });
    expect(plan.meetingWindow).toEqual({ from: '2026-11-27', to: '2026-12-01', workingDays: 3 });
    expect(plan.weeks).toBe(2);
    expect(plan.meetingsPerWeek).toEqual({ exact: 100, rounded: 100 });
    expect(plan.callsPerWeek).toEqual({ exact: 250, rounded: 250 });
    // Saturday: the rest of week 48 has no working day, so only week 49 is left.
    expect(
      reverseFunnel({ ...mark, today: '2026-11-28', periodEnd: '2026-12-31', salesCycleDays: 30 })
        .weeks,
    ).toBe(1);
  });

  it('rounds a fractional sales cycle up (M10)', () => {
    // L = 45.5 → 46 days: 30 June − 46 = Saturday 15 May (45 days would give Sunday 16 May).
    expect(reverseFunnel({ ...mark, salesCycleDays: 45.5 }).meetingWindow).toEqual({
      from: '2026-11-25',
      to: '2027-05-15',
      workingDays: 123,
    });
    // L = 47.5 → 48 days: Thursday 13 May, so Friday 14 May is no longer a meeting day.
    expect(reverseFunnel({ ...mark, salesCycleDays: 47.5 }).meetingWindow).toEqual({
      from: '2026-11-25',
      to: '2027-05-13',
      workingDays: 122,
    });
  });

  it('reports a missing sales cycle plainly and spreads the meetings to the period end', () => {
    const plan = reverseFunnel({ ...mark, salesCycleDays: null });
    expect(plan.meetingWindow).toEqual({ from: '2026-11-25', to: '2027-06-30', workingDays: 156 });
    expect(plan.findings).toEqual([
      {
        code: 'missing_sales_cycle',
        severity: 'warning',
        field: 'salesCycleDays',
        message:
          'No sales cycle: enter one or win a first deal. Until then meetings are spread to the period end, so the last ones cannot close in time.',
      },
    ]);
    expect(plan.firstMeetingsNeeded).toBe(200);
  });

  it('counts the deals to win exactly, whatever the goal (F14)', () => {
    // 2,000,000,001 / 2,000 = 1,000,000.0005 deals: one more than a million, not a million.
    const plan = reverseFunnel({
      ...mark,
      goalMinor: 2_000_000_001,
      wonMinor: 0,
      averageDealMinor: 2_000,
    });
    expect(plan.dealsToWin).toBe(1_000_001);
    expect(plan.opportunitiesNeeded).toBe(4_000_004);
  });

  it('starts the window at the period start when planning ahead', () => {
    const plan = reverseFunnel({
      ...mark,
      periodStart: '2027-01-04',
      periodEnd: '2027-01-22',
      salesCycleDays: 0,
      callsPerMeeting: null,
    });
    expect(plan.meetingWindow).toEqual({ from: '2027-01-04', to: '2027-01-22', workingDays: 15 });
    expect(plan.weeks).toBe(3);
    expect(plan.meetingsPerWeek).toEqual({ exact: 200 / 3, rounded: 67 });
    expect(plan.callsPerWeek).toBeNull();
  });

  it('reports a goal already met as zero meetings and an info finding', () => {
    const plan = reverseFunnel({ ...mark, wonMinor: 70_000_000, closingRatio: null });
    expect(plan).toMatchObject({
      remainingGoalMinor: 0,
      dealsToWin: 0,
      opportunitiesNeeded: 0,
      firstMeetingsNeeded: 0,
      exact: { dealsToWin: 0, opportunitiesNeeded: 0, firstMeetingsNeeded: 0 },
      meetingsPerWeek: { exact: 0, rounded: 0 },
      callsPerWeek: { exact: 0, rounded: 0 },
    });
    expect(plan.findings).toEqual([
      {
        code: 'goal_met',
        severity: 'info',
        message:
          'The goal is already met by the revenue won in the period: no first meetings are needed.',
      },
    ]);
  });

  it('reports no week left as a finding, not a division by zero', () => {
    const plan = reverseFunnel({ ...mark, today: '2027-05-17' });
    expect(plan.weeks).toBe(0);
    expect(plan.firstMeetingsNeeded).toBe(200);
    expect(plan.meetingsPerWeek).toBeNull();
    expect(plan.callsPerWeek).toBeNull();
    expect(plan.months).toEqual([]);
    expect(plan.findings).toEqual([
      {
        code: 'no_week_left',
        severity: 'info',
        field: 'periodEnd',
        message:
          "No more first meetings are planned in this period: with a 45-day sales cycle, a deal started now closes after Jun 30, 2027. New first meetings belong to the next period's plan.",
      },
    ]);
  });

  it('reports zero and missing ratios plainly and leaves the counts they block empty', () => {
    const plan = reverseFunnel({ ...mark, closingRatio: 0, meetingToOpportunityRatio: null });
    expect(plan.dealsToWin).toBe(20);
    expect(plan.opportunitiesNeeded).toBeNull();
    expect(plan.firstMeetingsNeeded).toBeNull();
    expect(plan.exact).toEqual({
      dealsToWin: 19.2,
      opportunitiesNeeded: null,
      firstMeetingsNeeded: null,
    });
    expect(plan.meetingsPerWeek).toBeNull();
    expect(plan.findings.map((f) => [f.code, f.severity, f.field])).toEqual([
      ['zero_ratio', 'error', 'closingRatio'],
      ['missing_ratio', 'error', 'meetingToOpportunityRatio'],
    ]);
  });

  it('reports a missing average deal size', () => {
    const plan = reverseFunnel({ ...mark, averageDealMinor: 0 });
    expect(plan.dealsToWin).toBeNull();
    expect(plan.findings.map((f) => f.code)).toEqual(['missing_deal_size']);
  });

  it('shows the Wilson 80% range, the team ratio and the meetings at both ends for small samples', () => {
    // Closing: 4 won of 16 closed; meetings: 6 opportunities from 15 first meetings.
    const plan = reverseFunnel({
      ...mark,
      closingSample: { won: 4, lost: 12 },
      teamClosingRatio: 0.3,
      meetingSample: { opportunities: 6, firstMeetings: 15 },
    });
    expect(plan.ranges).toEqual([
      {
        ratio: 'closingRatio',
        successes: 4,
        sampleSize: 16,
        low: expect.closeTo(0.1391189697, 9),
        high: expect.closeTo(0.4074305186, 9),
        teamRatio: 0.3,
        // 20 deals / 0.139 → 144 opportunities → 360 meetings; 20 / 0.407 → 50 → 125.
        firstMeetingsNeededAtLow: 360,
        firstMeetingsNeededAtHigh: 125,
      },
      {
        ratio: 'meetingToOpportunityRatio',
        successes: 6,
        sampleSize: 15,
        low: expect.closeTo(0.2556495581, 9),
        high: expect.closeTo(0.5640890473, 9),
        teamRatio: null,
        firstMeetingsNeededAtLow: 313,
        firstMeetingsNeededAtHigh: 142,
      },
    ]);
    expect(plan.findings).toEqual([
      {
        code: 'small_sample',
        severity: 'warning',
        field: 'closingRatio',
        message:
          "The closing ratio comes from only 16 closed deals. The sample allows 13.9% to 40.7% (80% range). The team's ratio is 30%.",
      },
      {
        code: 'small_sample',
        severity: 'warning',
        field: 'meetingToOpportunityRatio',
        message:
          'The meeting-to-opportunity ratio comes from only 15 first meetings. The sample allows 25.6% to 56.4% (80% range).',
      },
    ]);
  });

  it('adds no range once a sample reaches 20', () => {
    const plan = reverseFunnel({ ...mark, closingSample: { won: 5, lost: 15 } });
    expect(plan.ranges).toEqual([]);
    expect(plan.findings).toEqual([]);
  });

  it('refuses impossible inputs with the field to fix', () => {
    expect(() => reverseFunnel({ ...mark, closingRatio: 1.5 })).toThrow(
      'closingRatio: must be a ratio',
    );
    expect(() => reverseFunnel({ ...mark, goalMinor: -1 })).toThrow('goalMinor');
    expect(() => reverseFunnel({ ...mark, periodEnd: '2026-06-30' })).toThrow(ValidationError);
    expect(() => reverseFunnel({ ...mark, today: '2026-13-01' })).toThrow('today');
    expect(() => reverseFunnel({ ...mark, salesCycleDays: -1 })).toThrow('salesCycleDays');
  });

  it('never plans fewer than the exact chain, and months always sum to the meetings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 1, max: 1e8 }),
        fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000),
        fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000),
        fc.integer({ min: 0, max: 400 }),
        (goalMinor, averageDealMinor, closingRatio, meetingToOpportunityRatio, salesCycleDays) => {
          const plan = reverseFunnel({
            ...mark,
            goalMinor,
            wonMinor: 0,
            averageDealMinor,
            closingRatio,
            meetingToOpportunityRatio,
            salesCycleDays,
          });
          const { dealsToWin, opportunitiesNeeded, firstMeetingsNeeded, exact } = plan;
          expect((dealsToWin ?? 0) * averageDealMinor).toBeGreaterThanOrEqual(goalMinor);
          // The counts forgive floating-point noise (rounding.ts), so the chain is compared with
          // the same relative tolerance: 8·2^-52 of its size.
          const atLeast = (exactCount: number | null) =>
            (exactCount ?? 0) * (1 - 8 * Number.EPSILON) - 1e-6;
          expect(dealsToWin).toBeGreaterThanOrEqual(atLeast(exact.dealsToWin));
          expect(opportunitiesNeeded).toBeGreaterThanOrEqual(atLeast(exact.opportunitiesNeeded));
          expect(firstMeetingsNeeded).toBeGreaterThanOrEqual(atLeast(exact.firstMeetingsNeeded));
          if (plan.weeks > 0) {
            expect(plan.months.reduce((sum, month) => sum + month.firstMeetings, 0)).toBe(
              firstMeetingsNeeded,
            );
            expect((plan.meetingsPerWeek?.rounded ?? 0) * plan.weeks).toBeGreaterThanOrEqual(
              firstMeetingsNeeded ?? 0,
            );
          } else {
            expect(plan.findings.map((f) => f.code)).toContain(
              goalMinor === 0 ? 'goal_met' : 'no_week_left',
            );
          }
        },
      ),
      // CI seed 838462710: a chain of 9.7·10^14 meetings is 0.1 above its rounded count in floats.
      { examples: [[8709618888, 1, 0.001, 0.009, 0]] },
    );
  });

  const ratio = fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000);

  it('never asks for fewer meetings when the goal grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 1, max: 1e8 }),
        ratio,
        ratio,
        (goalA, goalB, averageDealMinor, closingRatio, meetingToOpportunityRatio) => {
          const [smaller, larger] = goalA <= goalB ? [goalA, goalB] : [goalB, goalA];
          const plan = (goalMinor: number) =>
            reverseFunnel({
              ...mark,
              wonMinor: 0,
              goalMinor,
              averageDealMinor,
              closingRatio,
              meetingToOpportunityRatio,
            });
          const [low, high] = [plan(smaller), plan(larger)];
          expect(high.firstMeetingsNeeded ?? 0).toBeGreaterThanOrEqual(
            low.firstMeetingsNeeded ?? 0,
          );
          expect(high.meetingsPerWeek?.rounded ?? 0).toBeGreaterThanOrEqual(
            low.meetingsPerWeek?.rounded ?? 0,
          );
        },
      ),
    );
  });

  it('never asks for more opportunities when the closing ratio is higher', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 1, max: 1e8 }),
        ratio,
        ratio,
        (goalMinor, averageDealMinor, c1, c2) => {
          const [lower, higher] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const plan = (closingRatio: number) =>
            reverseFunnel({ ...mark, wonMinor: 0, goalMinor, averageDealMinor, closingRatio });
          expect(plan(higher).opportunitiesNeeded ?? 0).toBeLessThanOrEqual(
            plan(lower).opportunitiesNeeded ?? 0,
          );
        },
      ),
    );
  });
});
