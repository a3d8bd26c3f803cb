import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkActivityCapacity } from './activity-capacity';
import { checkActivityNorms, monthPlanToDay, planActivities } from './activity-plan';
import type { ActivityNorm, TargetAccount } from './activity-plan';
import { ValidationError } from './errors';

// Seed 001: 8 calls and 3 meetings a year for each segment-A prospect.
const norms: ActivityNorm[] = [
  { segmentId: 'A', status: 'prospect', activityType: 'call', countPerYear: 8 },
  { segmentId: 'A', status: 'prospect', activityType: 'meeting', countPerYear: 3 },
  { segmentId: 'A', status: 'customer', activityType: 'call', countPerYear: 4 },
];
const prospects: TargetAccount[] = Array.from({ length: 10 }, (_, index) => ({
  accountId: `a${index}`,
  segmentId: 'A',
  status: 'prospect',
}));
const accounts = [...prospects, { accountId: 'b1', segmentId: 'B', status: 'prospect' as const }];
const januaryOnly = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

describe('planActivities', () => {
  it('sums the norms over the target accounts and spreads them flat by month', () => {
    const plan = planActivities({ norms, accounts, fiscalYearStart: '2027-01' });
    expect(plan.yearly).toEqual({ call: 80, meeting: 30 });
    expect(plan.accountsWithoutNorms).toEqual(['b1']);
    // 80 / 12 = 6.67: eight months of 7, four of 6. 30 / 12 = 2.5: six months of 3, six of 2.
    expect(
      plan.monthly.map((month) => [month.month, month.counts.call, month.counts.meeting]),
    ).toEqual([
      ['2027-01', 7, 3],
      ['2027-02', 7, 3],
      ['2027-03', 7, 3],
      ['2027-04', 7, 3],
      ['2027-05', 7, 3],
      ['2027-06', 7, 3],
      ['2027-07', 7, 2],
      ['2027-08', 7, 2],
      ['2027-09', 6, 2],
      ['2027-10', 6, 2],
      ['2027-11', 6, 2],
      ['2027-12', 6, 2],
    ]);
    // January 2027 has 1 working day in 2026-W53 and 5 in each of W01–W04: 7 calls → 0, 2, 2, 2, 1.
    expect(plan.weekly.slice(0, 5)).toEqual([
      { week: '2026-W53', counts: { call: 0, meeting: 0 } },
      { week: '2027-W01', counts: { call: 2, meeting: 1 } },
      { week: '2027-W02', counts: { call: 2, meeting: 1 } },
      { week: '2027-W03', counts: { call: 2, meeting: 1 } },
      { week: '2027-W04', counts: { call: 1, meeting: 0 } },
    ]);
  });

  it('follows the seasonality weights, weeks shared by two months adding both parts', () => {
    const plan = planActivities({
      norms,
      accounts: prospects,
      fiscalYearStart: '2027-01',
      weights: januaryOnly,
    });
    expect(plan.monthly[0]?.counts).toEqual({ call: 80, meeting: 30 });
    expect(plan.monthly[1]?.counts).toEqual({ call: 0, meeting: 0 });
    expect(plan.weekly.slice(0, 6)).toEqual([
      { week: '2026-W53', counts: { call: 4, meeting: 2 } },
      { week: '2027-W01', counts: { call: 19, meeting: 7 } },
      { week: '2027-W02', counts: { call: 19, meeting: 7 } },
      { week: '2027-W03', counts: { call: 19, meeting: 7 } },
      { week: '2027-W04', counts: { call: 19, meeting: 7 } },
      { week: '2027-W05', counts: { call: 0, meeting: 0 } },
    ]);
  });

  it('refuses a norm that is not a whole count and weights that are not 12', () => {
    const bad = [{ ...norms[0], countPerYear: 2.5 } as ActivityNorm];
    expect(() => planActivities({ norms: bad, accounts, fiscalYearStart: '2027-01' })).toThrow(
      'norms[0].countPerYear',
    );
    expect(() =>
      planActivities({ norms, accounts, fiscalYearStart: '2027-01', weights: [1] }),
    ).toThrow('weights');
  });

  it('keeps months and weeks summing to the year for any weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(100), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (weights, prospectCount, startMonth) => {
          fc.pre(weights.some((weight) => weight > 0));
          const plan = planActivities({
            norms,
            accounts: prospects.slice(0, prospectCount % 11),
            fiscalYearStart: `2026-${String(startMonth).padStart(2, '0')}`,
            weights,
          });
          for (const [type, count] of Object.entries(plan.yearly)) {
            const monthly = plan.monthly.reduce((sum, month) => sum + (month.counts[type] ?? 0), 0);
            const weekly = plan.weekly.reduce((sum, week) => sum + (week.counts[type] ?? 0), 0);
            expect([monthly, weekly]).toEqual([count, count]);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('checkActivityCapacity', () => {
  const plan = planActivities({
    norms,
    accounts: prospects,
    fiscalYearStart: '2027-01',
    weights: januaryOnly,
  });

  it('finds the plan over the yearly and weekly selling hours', () => {
    // 80 calls × 0.5 h + 30 meetings × 2 h = 100 h. Weeks W01–W04: 19 × 0.5 + 7 × 2 = 23.5 h.
    expect(
      checkActivityCapacity(plan, {
        hoursPerActivity: { call: 0.5, meeting: 2 },
        sellingHoursPerYear: 90,
        sellingHoursPerWeek: 20,
      }),
    ).toEqual({
      hoursPerYear: 100,
      byType: [
        { activityType: 'call', count: 80, hours: 40 },
        { activityType: 'meeting', count: 30, hours: 60 },
      ],
      weeksOverCapacity: ['2027-W01', '2027-W02', '2027-W03', '2027-W04'],
      findings: [
        {
          check: 'realistic',
          code: 'over_capacity',
          severity: 'error',
          field: 'sellingHoursPerYear',
          message: 'The plan needs 100 hours a year but the rep has 90 selling hours.',
        },
        {
          check: 'realistic',
          code: 'weeks_over_capacity',
          severity: 'warning',
          field: 'sellingHoursPerWeek',
          message: '4 weeks need more than 20 selling hours, first 2027-W01.',
        },
      ],
    });
  });

  it('is quiet within capacity and notes activity types without hours', () => {
    const capacity = checkActivityCapacity(plan, {
      hoursPerActivity: { call: 0.5 },
      sellingHoursPerYear: 1000,
    });
    expect(capacity.hoursPerYear).toBe(40);
    expect(
      capacity.findings.map((finding) => [finding.code, finding.severity, finding.field]),
    ).toEqual([['hours_unknown', 'info', 'hoursPerActivity.meeting']]);
  });
});

describe('checkActivityNorms', () => {
  it('refuses a second norm for the same segment, account status and activity type', () => {
    const norm = { segmentId: 'A', status: 'prospect', activityType: 'call' } as const;
    expect(() =>
      checkActivityNorms([
        norm,
        { ...norm, status: 'customer' },
        { ...norm, activityType: 'demo' },
      ]),
    ).not.toThrow();
    expect(() => checkActivityNorms([norm, { ...norm, segmentId: 'B' }, norm])).toThrow(
      new ValidationError({
        field: 'norms[2].activityType',
        reason: 'this segment already has a norm for this account status and activity type',
      }),
    );
  });
});

describe('monthPlanToDay', () => {
  // December 2026 has 23 working days (Tue 1st to Thu 31st, no weekends).
  it("takes the month's plan of its working days up to and including the day", () => {
    const december = { call: 46, meeting: 0 };
    expect(monthPlanToDay(december, '2026-12', '2026-11-30')).toEqual({ call: 0, meeting: 0 });
    expect(monthPlanToDay(december, '2026-12', '2026-12-01')).toEqual({ call: 2, meeting: 0 });
    // Saturday the 5th and Sunday the 6th add nothing to Friday the 4th's four working days.
    expect(monthPlanToDay(december, '2026-12', '2026-12-06')).toEqual({ call: 8, meeting: 0 });
    expect(monthPlanToDay(december, '2026-12', '2026-12-31')).toEqual({ call: 46, meeting: 0 });
  });

  it('never plans more to date than the month, and the whole month by its last day', () => {
    fc.assert(
      fc.property(
        fc.nat(400),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (count, m, d) => {
          const month = `2026-${String(m).padStart(2, '0')}`;
          const toDay =
            monthPlanToDay({ call: count }, month, `${month}-${String(d).padStart(2, '0')}`).call ??
            0;
          expect(toDay).toBeGreaterThanOrEqual(0);
          expect(toDay).toBeLessThanOrEqual(count);
          expect(monthPlanToDay({ call: count }, month, '2027-01-01').call).toBe(count);
        },
      ),
    );
  });
});
