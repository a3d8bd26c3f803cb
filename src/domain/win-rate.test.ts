import { describe, expect, it } from 'vitest';
import { averageWonDeal, median, medianCycleDays, winRate, winRateByGroup } from './win-rate';

const rows = [
  {
    ownerId: 'ana',
    outcome: 'won' as const,
    createdOn: '2026-01-01',
    closedOn: '2026-01-31',
    amountMinor: 10_000,
  },
  {
    ownerId: 'ana',
    outcome: 'won' as const,
    createdOn: '2026-02-01',
    closedOn: '2026-02-11',
    amountMinor: 20_001,
  },
  {
    ownerId: 'ana',
    outcome: 'lost' as const,
    createdOn: '2026-02-01',
    closedOn: '2026-03-01',
    amountMinor: 50_000,
  },
  {
    ownerId: 'bob',
    outcome: 'lost' as const,
    createdOn: '2026-03-01',
    closedOn: '2026-03-02',
    amountMinor: 1,
  },
  { ownerId: 'bob', outcome: null, createdOn: '2026-03-01', closedOn: null, amountMinor: 9 },
  {
    ownerId: 'bob',
    outcome: 'won' as const,
    createdOn: '2025-01-01',
    closedOn: '2025-12-31',
    amountMinor: 7,
  },
];
const year2026 = { from: '2026-01-01', to: '2026-12-31' };

describe('win rate KPIs', () => {
  it('counts won / (won + lost) over deals closed in the period', () => {
    expect(winRate(rows, year2026)).toEqual({ won: 2, lost: 2, closed: 4, winRate: 0.5 });
    expect(winRate(rows)).toEqual({ won: 3, lost: 2, closed: 5, winRate: 0.6 });
    expect(winRate([], year2026)).toEqual({ won: 0, lost: 0, closed: 0, winRate: null });
  });

  it('groups by any key', () => {
    expect(winRateByGroup(rows, (row) => row.ownerId, year2026)).toEqual([
      { key: 'ana', won: 2, lost: 1, closed: 3, winRate: 2 / 3 },
      { key: 'bob', won: 0, lost: 1, closed: 1, winRate: 0 },
    ]);
  });

  it('averages won deals to the nearest minor unit and takes the median cycle', () => {
    // (10,000 + 20,001) / 2 = 15,000.5 → 15,001; cycles 30 and 10 days → median 20.
    expect(averageWonDeal(rows, year2026)).toEqual({
      wonDeals: 2,
      wonRevenueMinor: 30_001,
      averageMinor: 15_001,
    });
    expect(medianCycleDays(rows, year2026)).toEqual({ wonDeals: 2, medianDays: 20 });
    expect(medianCycleDays(rows)).toEqual({ wonDeals: 3, medianDays: 30 });
    expect(averageWonDeal([], year2026)).toEqual({
      wonDeals: 0,
      wonRevenueMinor: 0,
      averageMinor: null,
    });
  });

  it('counts a won deal without a close date in the all-time figures but in no period', () => {
    const undated = {
      outcome: 'won' as const,
      createdOn: '2026-01-01',
      closedOn: null,
      amountMinor: 7,
    };
    const lost = {
      outcome: 'lost' as const,
      createdOn: '2026-01-01',
      closedOn: '2026-02-01',
      amountMinor: 1,
    };
    const year = { from: '2026-01-01', to: '2026-12-31' };
    expect(winRate([undated, lost])).toEqual({ won: 1, lost: 1, closed: 2, winRate: 0.5 });
    expect(winRate([undated, lost], year)).toEqual({ won: 0, lost: 1, closed: 1, winRate: 0 });
    expect(averageWonDeal([undated])).toEqual({ wonDeals: 1, wonRevenueMinor: 7, averageMinor: 7 });
    expect(averageWonDeal([undated], year).wonDeals).toBe(0);
    // Its cycle is unknown, so it is not a 0-day cycle in the median.
    expect(medianCycleDays([undated, ...rows])).toEqual({ wonDeals: 3, medianDays: 30 });
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});
