import { describe, expect, it } from 'vitest';
import { attainmentToDate } from './attainment';

describe('attainmentToDate', () => {
  it('compares won revenue with the seasonal target due by today', () => {
    // Target to date on 2026-03-15: 10,000,000 × 2 + 10,000,000 × 15/31 = 24,838,710.
    const attainment = attainmentToDate({
      rows: [
        { outcome: 'won', closedOn: '2026-01-10', amountMinor: 5_000_000 },
        { outcome: 'won', closedOn: '2026-03-15', amountMinor: 7_000_000 },
        { outcome: 'won', closedOn: '2025-12-31', amountMinor: 1_000_000 },
        { outcome: 'won', closedOn: '2026-03-16', amountMinor: 1_000_000 },
        { outcome: 'lost', closedOn: '2026-02-01', amountMinor: 3_000_000 },
      ],
      monthlyTargets: Array<number>(12).fill(10_000_000),
      fiscalYearStart: '2026-01',
      today: '2026-03-15',
    });
    expect(attainment).toEqual({
      wonToDateMinor: 12_000_000,
      targetToDateMinor: 24_838_710,
      attainment: 12_000_000 / 24_838_710,
      gapMinor: 12_838_710,
    });
  });

  it('has no attainment ratio before anything is due', () => {
    const attainment = attainmentToDate({
      rows: [],
      monthlyTargets: Array<number>(12).fill(1),
      fiscalYearStart: '2027-01',
      today: '2026-12-31',
    });
    expect(attainment).toEqual({
      wonToDateMinor: 0,
      targetToDateMinor: 0,
      attainment: null,
      gapMinor: 0,
    });
  });
});
