import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilCount, ceilDivide } from './rounding';

// The exact ceiling of n / d, in integers.
const exactCeil = (n: bigint, d: bigint) => Number((n + d - 1n) / d);

describe('ceilCount', () => {
  it('ignores floating-point noise around an integer', () => {
    expect(0.1 * 3 * 10).toBe(3.0000000000000004);
    expect(ceilCount(0.1 * 3 * 10)).toBe(3);
    expect(ceilCount(0.7 / 0.1)).toBe(7);
    expect(ceilCount(3 / 0.3)).toBe(10);
  });

  it('rounds real fractions up, even on large counts', () => {
    expect(ceilCount(19.2)).toBe(20);
    expect(ceilCount(76.000001)).toBe(77);
    expect(ceilCount(65_730_329_406.25)).toBe(65_730_329_407);
    // A fraction of a thousandth above a million is still a fraction (F14).
    expect(ceilCount(2_000_000_001 / 2_000)).toBe(1_000_001);
    expect(ceilCount(0)).toBe(0);
  });

  it('never rounds a quotient of whole numbers down, nor up past its ceiling', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          expect(ceilCount(Number(n) / Number(d))).toBe(exactCeil(n, d));
        },
      ),
    );
  });
});

describe('ceilDivide', () => {
  it('is the exact ceiling of a quotient of whole numbers, whatever their size', () => {
    expect(ceilDivide(2_000_000_001, 2_000)).toBe(1_000_001);
    expect(ceilDivide(0, 7)).toBe(0);
    expect(ceilDivide(Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (n, d) => {
        expect(ceilDivide(n, d)).toBe(exactCeil(BigInt(n), BigInt(d)));
      }),
    );
  });
});
