import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatWholeMoney, roundToWholeUnits } from './money-format';

describe('formatMoney', () => {
  it('keeps each currency’s own decimals', () => {
    expect(formatMoney(123456, 'EUR', 'en-US')).toBe('€1,234.56');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatMoney(1234, 'BHD', 'en-US')).toBe('BHD\u00a01.234');
  });
});

describe('roundToWholeUnits', () => {
  it('rounds half away from zero in the currency’s own minor unit', () => {
    // EUR has 100 cents: 149 → 1.49 → 1, 150 → 1.50 → 2, and the same away from zero below it.
    expect([149, 150, -149, -150, 49, -50].map((n) => roundToWholeUnits(n, 'EUR'))).toEqual([
      1, 2, -1, -2, 0, -1,
    ]);
    // JPY has no minor unit: the amount is already whole.
    expect(roundToWholeUnits(1999, 'JPY')).toBe(1999);
    // BHD has 1000 fils: 1499 → 1.499 → 1, 1500 → 2.
    expect([1499, 1500, -2500].map((n) => roundToWholeUnits(n, 'BHD'))).toEqual([1, 2, -3]);
  });

  it('never gives negative zero', () => {
    expect(Object.is(roundToWholeUnits(-49, 'EUR'), 0)).toBe(true);
  });

  it('rounds large amounts exactly, where a float division would not', () => {
    // 2^53 - 1 cents: the whole units are 90,071,992,547,409 and 91 cents round up.
    expect(roundToWholeUnits(Number.MAX_SAFE_INTEGER, 'EUR')).toBe(90_071_992_547_410);
  });

  it('is never more than half a unit from the exact amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        const whole = roundToWholeUnits(minor, 'EUR');
        expect(Math.abs(whole * 100 - minor)).toBeLessThanOrEqual(50);
      }),
    );
  });
});

describe('formatWholeMoney', () => {
  it('shows targets and totals in whole units, cents dropped by rounding', () => {
    expect(formatWholeMoney(190_200_000, 'EUR', 'en-US')).toBe('€1,902,000');
    // €2,956,069.90 is €2,956,070 in whole euros; €1,221,815.49 stays €1,221,815.
    expect(formatWholeMoney(295_606_990, 'EUR', 'en-US')).toBe('€2,956,070');
    expect(formatWholeMoney(122_181_549, 'EUR', 'en-US')).toBe('€1,221,815');
  });

  it('follows the currency’s minor unit: JPY has none, BHD has three', () => {
    expect(formatWholeMoney(1_500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatWholeMoney(1_234_500, 'BHD', 'en-US')).toBe('BHD\u00a01,235');
    expect(formatWholeMoney(1_234_499, 'BHD', 'en-US')).toBe('BHD\u00a01,234');
  });

  it('shows a negative gap with its sign', () => {
    expect(formatWholeMoney(-57_606_990, 'EUR', 'en-US')).toBe('-€576,070');
    expect(formatWholeMoney(-57_606_990, 'EUR', 'de-DE')).toBe('-576.070\u00a0€');
  });
});
