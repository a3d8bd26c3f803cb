import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attainmentBySegment, attainmentOfWon, attainmentToDate } from './attainment';

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

describe('attainmentBySegment', () => {
  it("splits the total due to date by the segments' yearly targets, Other included", () => {
    // Total due to date 1,000 split 60 : 30 : 10 → 600, 300, 100; won 700 = 500 + 0 + 200.
    const rows = attainmentBySegment(
      {
        targetYearMinor: 4_000,
        targetToDateMinor: 1_000,
        wonToDateMinor: 700,
        gapMinor: 300,
        attainment: 0.7,
      },
      [
        { key: 'a', label: 'A', targetYearMinor: 2_400, wonToDateMinor: 500 },
        { key: 'b', label: 'B', targetYearMinor: 1_200, wonToDateMinor: 0 },
        { key: 'other', label: 'Other', targetYearMinor: 400, wonToDateMinor: 200 },
      ],
    );
    expect(rows).toEqual([
      {
        key: 'total',
        label: 'Total',
        targetYearMinor: 4_000,
        targetToDateMinor: 1_000,
        wonToDateMinor: 700,
        gapMinor: 300,
        attainment: 0.7,
        isBehind: true,
      },
      {
        key: 'a',
        label: 'A',
        targetYearMinor: 2_400,
        targetToDateMinor: 600,
        wonToDateMinor: 500,
        gapMinor: 100,
        attainment: 500 / 600,
        isBehind: true,
      },
      {
        key: 'b',
        label: 'B',
        targetYearMinor: 1_200,
        targetToDateMinor: 300,
        wonToDateMinor: 0,
        gapMinor: 300,
        attainment: 0,
        isBehind: true,
      },
      {
        key: 'other',
        label: 'Other',
        targetYearMinor: 400,
        targetToDateMinor: 100,
        wonToDateMinor: 200,
        gapMinor: -100,
        attainment: 2,
        isBehind: false,
      },
    ]);
  });

  it('refuses segments whose won does not add up to the total', () => {
    const total = attainmentOfWon({
      wonToDateMinor: 10,
      monthlyTargets: Array<number>(12).fill(1),
      fiscalYearStart: '2026-01',
      today: '2026-12-31',
    });
    expect(() =>
      attainmentBySegment({ ...total, targetYearMinor: 12 }, [
        { key: 'a', label: 'A', targetYearMinor: 12, wonToDateMinor: 9 },
      ]),
    ).toThrow(/segments won 9, total won 10/);
  });

  it('has segment rows that add up to the total row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(
          fc.record({
            target: fc.integer({ min: 0, max: 1_000_000 }),
            won: fc.integer({ min: 0, max: 1_000_000 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (due, cells) => {
          const won = cells.reduce((sum, c) => sum + c.won, 0);
          const targetYear = cells.reduce((sum, c) => sum + c.target, 0);
          const [total, ...segments] = attainmentBySegment(
            {
              targetYearMinor: targetYear,
              targetToDateMinor: targetYear === 0 ? 0 : due,
              wonToDateMinor: won,
              gapMinor: 0,
              attainment: null,
            },
            cells.map((c, i) => ({
              key: String(i),
              label: String(i),
              targetYearMinor: c.target,
              wonToDateMinor: c.won,
            })),
          );
          const sum = (key: 'targetToDateMinor' | 'wonToDateMinor' | 'targetYearMinor') =>
            segments.reduce((s, row) => s + row[key], 0);
          expect(sum('targetToDateMinor')).toBe(total?.targetToDateMinor);
          expect(sum('wonToDateMinor')).toBe(total?.wonToDateMinor);
          expect(sum('targetYearMinor')).toBe(total?.targetYearMinor);
        },
      ),
    );
  });
});
