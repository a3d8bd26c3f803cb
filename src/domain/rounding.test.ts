import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilCount } from './rounding';

describe('ceilCount', () => {
  it('ignores floating-point noise around an integer', () => {
    expect(0.1 * 3 * 10).toBe(3.0000000000000004);
    expect(ceilCount(0.1 * 3 * 10)).toBe(3);
    expect(ceilCount(0.7 / 0.1)).toBe(7);
  });

  it('rounds real fractions up, even on large counts', () => {
    expect(ceilCount(19.2)).toBe(20);
    expect(ceilCount(76.000001)).toBe(77);
    expect(ceilCount(65_730_329_406.25)).toBe(65_730_329_407);
    expect(ceilCount(0)).toBe(0);
  });

  it('never returns less than the value minus a thousandth', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (value) => {
        const count = ceilCount(value);
        expect(Number.isInteger(count)).toBe(true);
        expect(count).toBeGreaterThanOrEqual(value - 1e-3);
        expect(count).toBeLessThan(value + 1);
      }),
    );
  });
});
