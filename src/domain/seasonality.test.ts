import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  enteredWeights,
  flatWeights,
  seasonalTargetToDate,
  weightsFromHistory,
  weightTargetBySeasonality,
} from './seasonality';
import type { MonthlyRevenue } from './seasonality';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

// Seed 001: a digital services company books 50% of its revenue in the four renewal months,
// September to December: those weigh 2, the other eight months 1 (4 × 2 = 8 × 1).
const renewalSeason = [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2];

describe('weights', () => {
  it('gives flat weights of 1/12', () => {
    expect(flatWeights()).toEqual(Array<number>(12).fill(1 / 12));
  });

  it('scales entered weights to sum 1 (50% in four months)', () => {
    const weights = enteredWeights(renewalSeason);
    expect(weights).toEqual([...Array<number>(8).fill(0.0625), 0.125, 0.125, 0.125, 0.125]);
    expect(sum(weights.slice(8))).toBe(0.5);
  });

  it('refuses weights that are not 12, negative, or all zero', () => {
    expect(() => enteredWeights([1, 2])).toThrow('weights: need 12 monthly weights, got 2');
    expect(() => enteredWeights([...Array<number>(11).fill(1), -1])).toThrow('weights[11]');
    expect(() => enteredWeights(Array<number>(12).fill(0))).toThrow('at least one weight');
  });
});

describe('weightsFromHistory', () => {
  const year = (calendarYear: number, light: number, heavy: number): MonthlyRevenue[] =>
    Array.from({ length: 12 }, (_, index) => ({
      month: `${calendarYear}-${String(index + 1).padStart(2, '0')}`,
      revenueMinor: index >= 8 ? heavy : light,
    }));

  it('averages the normalised full years (50% in four months, years of different size)', () => {
    // 2024: 100 a month, 200 from September; 2025 three times as much. Today is in January 2026.
    const seasonality = weightsFromHistory([...year(2024, 100, 200), ...year(2025, 300, 600)], {
      today: '2026-01-15',
    });
    expect(seasonality).toEqual({
      weights: [...Array<number>(8).fill(0.0625), 0.125, 0.125, 0.125, 0.125],
      source: 'history',
      yearsUsed: 2,
      reason: null,
    });
  });

  it('normalises each year before averaging, so a big year does not dominate', () => {
    const rows = [
      { month: '2024-01', revenueMinor: 1000 },
      { month: '2025-02', revenueMinor: 10 },
      { month: '2025-12', revenueMinor: 0 },
    ];
    const { weights } = weightsFromHistory(rows, { today: '2026-01-02' });
    expect(weights).toEqual([0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('uses the fiscal year before today and orders weights by fiscal month', () => {
    // History from 2025-04 to 2026-03 (today in April 2026); fiscal year starts in April.
    const rows = Array.from({ length: 12 }, (_, index) => ({
      month: index < 9 ? `2025-${String(index + 4).padStart(2, '0')}` : `2026-0${index - 8}`,
      revenueMinor: index === 0 ? 600 : index === 11 ? 400 : 0,
    }));
    const seasonality = weightsFromHistory([...rows, { month: '2026-04', revenueMinor: 99 }], {
      today: '2026-04-10',
      fiscalYearStartMonth: 4,
    });
    expect(seasonality.weights).toEqual([0.6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.4]);
    expect(seasonality.yearsUsed).toBe(1);
  });

  it('uses the full fiscal years of the data, not the 12 months before today (F13)', () => {
    // 2025 with the same revenue each month, read in February 2026: January 2026 is not yet
    // data, so 2025 is the full year and every month weighs 1/12.
    expect(weightsFromHistory(year(2025, 5, 5), { today: '2026-02-15' })).toEqual({
      weights: flatWeights(),
      source: 'history',
      yearsUsed: 1,
      reason: null,
    });
    // Fiscal years from April: the data (2024-01 … 2025-12) holds April 2024 – March 2025 in
    // full (1 a month in 2024, nothing in early 2025); April – December 2025 (0, then 9 a month
    // from September) is not a full year, so it is left out.
    const rows = [...year(2024, 1, 1), ...year(2025, 0, 9)];
    expect(weightsFromHistory(rows, { today: '2026-06-01', fiscalYearStartMonth: 4 })).toEqual({
      weights: [...Array<number>(9).fill(1 / 9), 0, 0, 0],
      source: 'history',
      yearsUsed: 1,
      reason: null,
    });
  });

  it('counts the months to historyEnd, when given, as data without revenue', () => {
    // The organisation's own history runs to last month: an empty December is a month without
    // won deals, not missing data.
    const rows = year(2025, 1, 1).slice(0, 11);
    expect(
      weightsFromHistory(rows, { today: '2026-01-10', historyEnd: '2025-12' }).weights,
    ).toEqual([...Array<number>(11).fill(1 / 11), 0]);
    expect(weightsFromHistory(rows, { today: '2026-01-10' }).source).toBe('flat');
  });

  it('is flat, saying why, when the history holds no full fiscal year', () => {
    const rows = [...year(2024, 1, 1).slice(4), ...year(2025, 1, 1).slice(0, 6)];
    expect(weightsFromHistory(rows, { today: '2025-08-01', fiscalYearStartMonth: 4 })).toEqual({
      weights: flatWeights(),
      source: 'flat',
      yearsUsed: 0,
      reason:
        'The history (2024-05 to 2025-06) holds no full fiscal year, so the weights are flat.',
    });
  });

  it('falls back to flat with a reason under 12 months of history', () => {
    expect(weightsFromHistory(year(2025, 1, 2).slice(1), { today: '2026-01-01' })).toEqual({
      weights: flatWeights(),
      source: 'flat',
      yearsUsed: 0,
      reason: 'Only 11 months of history: at least 12 are needed, so the weights are flat.',
    });
    expect(weightsFromHistory([], { today: '2026-01-01' }).reason).toBe(
      'Only 0 months of history: at least 12 are needed, so the weights are flat.',
    );
  });

  it('leaves out full years without revenue, and is flat when none has any', () => {
    const rows = [...year(2024, 0, 0), ...year(2025, 1, 1)];
    expect(weightsFromHistory(rows, { today: '2026-01-01' })).toMatchObject({
      source: 'history',
      yearsUsed: 1,
      reason: '1 full year without won revenue left out.',
    });
    expect(weightsFromHistory(year(2025, 0, 0), { today: '2026-01-01' }).source).toBe('flat');
  });

  it('refuses malformed history rows with the row to fix', () => {
    expect(() =>
      weightsFromHistory([{ month: '2025-13', revenueMinor: 1 }], { today: '2026-01-01' }),
    ).toThrow('history[0].month');
    expect(() =>
      weightsFromHistory([{ month: '2025-01', revenueMinor: -1 }], { today: '2026-01-01' }),
    ).toThrow('history[0].revenueMinor');
  });

  it('always yields 12 weights summing to 1', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1e9), { minLength: 0, maxLength: 48 }), (revenues) => {
        const rows = revenues.map((revenueMinor, index) => ({
          month: `${2022 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
          revenueMinor,
        }));
        const { weights } = weightsFromHistory(rows, { today: '2026-01-01' });
        expect(weights).toHaveLength(12);
        expect(sum(weights)).toBeCloseTo(1, 9);
        weights.forEach((weight) => expect(weight).toBeGreaterThanOrEqual(0));
      }),
    );
  });
});

describe('weightTargetBySeasonality', () => {
  it('weights a 1,200,000.00 target by the renewal season, months and quarters exact', () => {
    expect(weightTargetBySeasonality(120_000_000, enteredWeights(renewalSeason))).toEqual({
      months: [
        7_500_000, 7_500_000, 7_500_000, 7_500_000, 7_500_000, 7_500_000, 7_500_000, 7_500_000,
        15_000_000, 15_000_000, 15_000_000, 15_000_000,
      ],
      quarters: [22_500_000, 22_500_000, 30_000_000, 45_000_000],
    });
  });

  it('gives the odd minor units to the first months of a flat year', () => {
    // 100.00 / 12 = 8.333…: four months get 834, eight get 833.
    expect(weightTargetBySeasonality(10_000, flatWeights()).months).toEqual([
      834, 834, 834, 834, 833, 833, 833, 833, 833, 833, 833, 833,
    ]);
  });

  it('keeps months summing to the target and quarters to their months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }),
        (target, raw) => {
          fc.pre(raw.some((value) => value > 0));
          const { months, quarters } = weightTargetBySeasonality(target, enteredWeights(raw));
          expect(sum(months)).toBe(target);
          expect(sum(quarters)).toBe(target);
          expect(quarters[1]).toBe(sum(months.slice(3, 6)));
        },
      ),
    );
  });
});

describe('seasonalTargetToDate', () => {
  const flat = Array<number>(12).fill(10_000_000);

  it('adds whole months before the date and pro-rates its month by calendar days', () => {
    // January and February in full, plus 15/31 of March: 10,000,000 × 15 / 31 = 4,838,709.68.
    expect(seasonalTargetToDate(flat, '2026-01', '2026-03-15')).toBe(24_838_710);
    expect(seasonalTargetToDate(flat, '2026-01', '2026-03-31')).toBe(30_000_000);
  });

  it('is 0 before the fiscal year and the whole target after it', () => {
    expect(seasonalTargetToDate(flat, '2026-04', '2026-03-31')).toBe(0);
    expect(seasonalTargetToDate(flat, '2026-04', '2027-04-01')).toBe(120_000_000);
  });
});
