import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, minorToInputText, parseMoneyInput } from './money';

describe('parseMoneyInput', () => {
  it.each([
    ['1234.56', 'EUR', 123456],
    ['0.29', 'EUR', 29],
    // 19.99 * 100 is 1998.9999999999998 in floating point; the parse must not drift.
    ['19.99', 'EUR', 1999],
    ['1234.5', 'EUR', 123450],
    ['1234', 'EUR', 123400],
    ['1,234.56', 'USD', 123456],
    ['1 234,56', 'EUR', 123456],
    ['12,5', 'EUR', 1250],
    ['1,234', 'EUR', 123400],
    ['  42.00 ', 'EUR', 4200],
    ['1500', 'JPY', 1500],
    ['1.234', 'BHD', 1234],
    ['90071992547409.91', 'EUR', 9007199254740991],
  ])('reads %s %s as %i minor units', (text, currency, expected) => {
    expect(parseMoneyInput(text, currency)).toEqual({ ok: true, amountMinor: expected });
  });

  it('reads blank as no amount', () => {
    expect(parseMoneyInput('  ', 'EUR')).toEqual({ ok: true, amountMinor: null });
  });

  it.each([
    ['12.345', 'EUR'],
    ['15.5', 'JPY'],
    ['abc', 'EUR'],
    ['1e3', 'EUR'],
    ['-5', 'EUR'],
    ['90071992547409.92', 'EUR'],
  ])('refuses %s %s', (text, currency) => {
    expect(parseMoneyInput(text, currency).ok).toBe(false);
  });

  it('round-trips every minor amount through the text an input shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amountMinor) => {
        expect(parseMoneyInput(minorToInputText(amountMinor, 'EUR'), 'EUR')).toEqual({
          ok: true,
          amountMinor,
        });
      }),
    );
  });
});

describe('formatMoney', () => {
  it('formats minor units with the currency at the edge', () => {
    expect(formatMoney(123456, 'EUR', 'en-US')).toBe('€1,234.56');
    expect(formatMoney(5, 'USD', 'en-US')).toBe('$0.05');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
  });
});
