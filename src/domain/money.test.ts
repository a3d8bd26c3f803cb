import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { majorToMinor, minorToMajor, splitByLargestRemainder, sumMinor, sumMoney } from './money';

describe('splitByLargestRemainder', () => {
  it('gives the left-over units to the largest remainders', () => {
    // Exact shares 33.33.., 33.33.., 33.33..: one unit left, lowest index wins the tie.
    expect(splitByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // Exact shares 16.67, 33.33, 50: the 0.67 remainder beats the 0.33 one.
    expect(splitByLargestRemainder(100, [1, 2, 3])).toEqual([17, 33, 50]);
  });

  it('splits decimal weights without floating-point drift', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point; the split still gives 29.
    expect(splitByLargestRemainder(100, [0.29, 0.71])).toEqual([29, 71]);
    expect(splitByLargestRemainder(100_000_000, [0.35, 0.25, 0.4])).toEqual([
      35_000_000, 25_000_000, 40_000_000,
    ]);
  });

  it('gives zero weights nothing and splits a negative whole symmetrically', () => {
    expect(splitByLargestRemainder(10, [0, 1, 0, 1])).toEqual([0, 5, 0, 5]);
    expect(splitByLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('returns zeros for a zero whole even with zero weights', () => {
    expect(splitByLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(splitByLargestRemainder(0, [])).toEqual([]);
  });

  it('refuses only-zero weights, negative weights and fractional wholes', () => {
    expect(() => splitByLargestRemainder(5, [0, 0])).toThrow(ValidationError);
    expect(() => splitByLargestRemainder(5, [])).toThrow('weights: need at least one weight');
    expect(() => splitByLargestRemainder(5, [1, -1])).toThrow('weights[1]');
    expect(() => splitByLargestRemainder(5.5, [1])).toThrow('totalMinor');
    expect(() => splitByLargestRemainder(5, [Number.NaN])).toThrow('weights[0]');
  });

  it('keeps parts summing to the whole, each within 1 of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.oneof(fc.nat(1000), fc.double({ min: 0, max: 1000, noNaN: true })), {
          minLength: 1,
          maxLength: 20,
        }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 1e-6));
          const parts = splitByLargestRemainder(total, weights);
          const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
          expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
          parts.forEach((part, index) => {
            expect(Number.isSafeInteger(part)).toBe(true);
            const share = (total * (weights[index] ?? 0)) / weightSum;
            expect(Math.abs(part - share)).toBeLessThan(1 + Math.abs(total) * 1e-9);
          });
        },
      ),
    );
  });

  it('gives equal weights parts that differ by at most 1, larger ones first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = splitByLargestRemainder(total, Array<number>(n).fill(1));
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect([...parts].sort((a, b) => b - a)).toEqual(parts);
      }),
    );
  });
});

describe('sums', () => {
  it('adds minor units and money of one currency', () => {
    expect(sumMinor([100, 250, -50])).toBe(300);
    expect(
      sumMoney(
        [
          { amountMinor: 125_000, currency: 'EUR' },
          { amountMinor: 5, currency: 'EUR' },
        ],
        'EUR',
      ),
    ).toEqual({ amountMinor: 125_005, currency: 'EUR' });
  });

  it('refuses mixed currencies and totals beyond safe integers', () => {
    expect(() => sumMoney([{ amountMinor: 1, currency: 'USD' }], 'EUR')).toThrow(
      'amounts[0].currency: is USD, expected EUR',
    );
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(ValidationError);
  });
});

describe('majorToMinor and minorToMajor', () => {
  it('reads decimal strings exactly', () => {
    expect(majorToMinor('1234.56')).toBe(123_456);
    expect(majorToMinor('0.29')).toBe(29);
    expect(majorToMinor('1.1')).toBe(110);
    expect(majorToMinor('-20')).toBe(-2000);
    expect(majorToMinor(' 7 ')).toBe(700);
    expect(majorToMinor('12', 0)).toBe(12);
  });

  it('refuses what is not a plain decimal, naming the field', () => {
    expect(() => majorToMinor('1,234.56', 2, '--goal')).toThrow('--goal: "1,234.56" is not');
    expect(() => majorToMinor('1.234')).toThrow('more than 2 decimal places');
    expect(() => majorToMinor('abc')).toThrow(ValidationError);
    expect(() => majorToMinor('99999999999999999')).toThrow('too large');
  });

  it('writes minor units back as major decimals', () => {
    expect(minorToMajor(123_456)).toBe('1234.56');
    expect(minorToMajor(5)).toBe('0.05');
    expect(minorToMajor(-2000)).toBe('-20.00');
    expect(minorToMajor(42, 0)).toBe('42');
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (amount) => {
        expect(majorToMinor(minorToMajor(amount))).toBe(amount);
      }),
    );
  });
});
