import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitColumnsAcrossRows } from './table-split';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('splitColumnsAcrossRows', () => {
  it('keeps rows and columns exact where separate splits would drift', () => {
    // 35,000,000 / 25,000,000 / 40,000,000 across three equal reps: split column by column, the
    // first rep would get every extra unit (33,333,335 in all); here the rows stay 34/33/33.
    expect(splitColumnsAcrossRows([35_000_000, 25_000_000, 40_000_000], [1, 1, 1])).toEqual({
      rowTotals: [33_333_334, 33_333_333, 33_333_333],
      cells: [
        [11_666_667, 8_333_334, 13_333_333],
        [11_666_667, 8_333_333, 13_333_333],
        [11_666_666, 8_333_333, 13_333_334],
      ],
    });
  });

  it('gives zero-weight rows nothing', () => {
    expect(splitColumnsAcrossRows([10, 5], [0, 1])).toEqual({
      rowTotals: [0, 15],
      cells: [
        [0, 0],
        [10, 5],
      ],
    });
  });

  it('sums exactly both ways with every cell the floor or ceiling of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1e9), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(50), { minLength: 1, maxLength: 12 }),
        (columns, weights) => {
          fc.pre(weights.some((weight) => weight > 0));
          const { rowTotals, cells } = splitColumnsAcrossRows(columns, weights);
          const weightSum = sum(weights);
          expect(sum(rowTotals)).toBe(sum(columns));
          cells.forEach((row, r) => {
            expect(sum(row)).toBe(rowTotals[r]);
            row.forEach((cell, c) => {
              const exact = ((columns[c] ?? 0) * (weights[r] ?? 0)) / weightSum;
              expect(cell).toBeGreaterThanOrEqual(Math.floor(exact - 1e-6));
              expect(cell).toBeLessThanOrEqual(Math.ceil(exact + 1e-6));
            });
          });
          columns.forEach((total, c) => expect(sum(cells.map((row) => row[c] ?? 0))).toBe(total));
        },
      ),
      { numRuns: 300 },
    );
  });
});
