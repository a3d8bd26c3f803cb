import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import {
  convertMoney,
  describeUnconverted,
  type ExchangeRate,
  minorUnitRate,
  parseRate,
  rateFor,
  sumConverted,
} from './exchange-rates';

const rates: ExchangeRate[] = [
  { currency: 'USD', month: '2026-01', rate: '0.9' },
  { currency: 'USD', month: '2026-03', rate: '0.95' },
  { currency: 'JPY', month: '2026-02', rate: '0.006' },
];

describe('rateFor', () => {
  it("takes the month's own rate, else carries the latest earlier one forward", () => {
    expect(rateFor(rates, 'USD', '2026-01', 'EUR')).toBe('0.9');
    expect(rateFor(rates, 'USD', '2026-02', 'EUR')).toBe('0.9');
    expect(rateFor(rates, 'USD', '2026-03', 'EUR')).toBe('0.95');
    expect(rateFor(rates, 'USD', '2027-12', 'EUR')).toBe('0.95');
  });

  it('has no rate before the first month or for a currency without rates', () => {
    expect(rateFor(rates, 'USD', '2025-12', 'EUR')).toBeNull();
    expect(rateFor(rates, 'JPY', '2026-01', 'EUR')).toBeNull();
    expect(rateFor(rates, 'CHF', '2026-05', 'EUR')).toBeNull();
  });

  it("gives 1 for the organisation's own currency", () => {
    expect(rateFor([], 'EUR', '2026-01', 'EUR')).toBe('1');
    expect(rateFor(rates, 'USD', '2025-01', 'USD')).toBe('1');
  });
});

describe('minorUnitRate', () => {
  it("shifts the rate by the two currencies' fraction digits", () => {
    // One yen (0 digits) is 0.6 cent; one fils (BHD, 3 digits) at 2.43 EUR is 0.243 cent.
    expect(minorUnitRate('0.006', 0, 2)).toBe('0.6');
    expect(minorUnitRate('2.43', 3, 2)).toBe('0.243');
    expect(minorUnitRate('0.92', 2, 2)).toBe('0.92');
    // A EUR deal in a JPY organisation: 1 EUR = 162.5 JPY, one cent is 1.625 yen.
    expect(minorUnitRate('162.5', 2, 0)).toBe('1.625');
    expect(minorUnitRate('1', 2, 2)).toBe('1');
  });

  it('rounds half up to the 15 decimals the database keeps', () => {
    expect(minorUnitRate('0.123456789012', 3, 0)).toBe('0.000123456789012');
    expect(minorUnitRate('0.000000000015', 4, 0)).toBe('0.000000000000002');
    expect(minorUnitRate('0.000000000014', 4, 0)).toBe('0.000000000000001');
  });
});

describe('convertMoney', () => {
  it('converts JPY and BHD into a EUR organisation', () => {
    expect(convertMoney({ amountMinor: 1_000_000, currency: 'JPY' }, '0.6', 'EUR')).toEqual({
      amountMinor: 600_000,
      currency: 'EUR',
    });
    // BHD 1.234 (1,234 fils) at 0.243 cent per fils = 299.862 cents → €3.00.
    expect(convertMoney({ amountMinor: 1234, currency: 'BHD' }, '0.243', 'EUR')).toEqual({
      amountMinor: 300,
      currency: 'EUR',
    });
  });

  it('rounds half up per amount, exactly where floats drift', () => {
    // 0.5 cent rounds up; in floats 1.005 * 100 is 100.49999999999999.
    expect(convertMoney({ amountMinor: 1, currency: 'USD' }, '0.5', 'EUR').amountMinor).toBe(1);
    expect(convertMoney({ amountMinor: 100, currency: 'USD' }, '1.005', 'EUR').amountMinor).toBe(
      101,
    );
    expect(convertMoney({ amountMinor: 3, currency: 'USD' }, '0.1', 'EUR').amountMinor).toBe(0);
    expect(convertMoney({ amountMinor: -15, currency: 'USD' }, '0.1', 'EUR').amountMinor).toBe(-2);
  });

  it('keeps every digit of a large amount', () => {
    expect(
      convertMoney({ amountMinor: 9_007_199_254_740_991, currency: 'JPY' }, '0.5', 'EUR'),
    ).toEqual({ amountMinor: 4_503_599_627_370_496, currency: 'EUR' });
    expect(() =>
      convertMoney({ amountMinor: 9_007_199_254_740_991, currency: 'EUR' }, '2', 'USD'),
    ).toThrow(ValidationError);
  });
});

describe('sumConverted', () => {
  it('never adds ¥1,000,000 and $10,000 as €20,000 (the review probe)', () => {
    const sum = sumConverted(
      [
        { amountMinor: 1_000_000, currency: 'JPY', month: '2026-02' },
        { amountMinor: 1_000_000, currency: 'USD', month: '2026-02' },
      ],
      rates,
      'EUR',
    );
    // ¥1,000,000 × 0.006 = €6,000; $10,000 × 0.9 = €9,000.
    expect(sum).toEqual({ total: { amountMinor: 1_500_000, currency: 'EUR' }, unconverted: [] });
  });

  it('converts each amount at its own month and rounds each before adding', () => {
    const sum = sumConverted(
      [
        { amountMinor: 1, currency: 'USD', month: '2026-01' },
        { amountMinor: 1, currency: 'USD', month: '2026-01' },
        { amountMinor: 100, currency: 'USD', month: '2026-03' },
        { amountMinor: 500, currency: 'EUR', month: '2020-01' },
      ],
      rates,
      'EUR',
    );
    // 0.9 → 1 twice (not 1.8 → 2 once), 95, and the euros as they are.
    expect(sum.total).toEqual({ amountMinor: 1 + 1 + 95 + 500, currency: 'EUR' });
  });

  it('leaves out amounts without a rate and counts them per currency', () => {
    const sum = sumConverted(
      [
        { amountMinor: 100, currency: 'CHF', month: '2026-02' },
        { amountMinor: 250, currency: 'CHF', month: '2026-03' },
        { amountMinor: 5, currency: 'JPY', month: '2026-01' },
        { amountMinor: 1000, currency: 'BHD', month: '2026-01' },
        { amountMinor: 700, currency: 'EUR', month: '2026-01' },
      ],
      rates,
      'EUR',
    );
    expect(sum).toEqual({
      total: { amountMinor: 700, currency: 'EUR' },
      unconverted: [
        { currency: 'BHD', count: 1, amountMinor: 1000 },
        { currency: 'CHF', count: 2, amountMinor: 350 },
        { currency: 'JPY', count: 1, amountMinor: 5 },
      ],
    });
    expect(describeUnconverted(sum.unconverted)).toEqual([
      '1 deal in BHD has no rate',
      '2 deals in CHF have no rate',
      '1 deal in JPY has no rate',
    ]);
  });

  it('sums in a JPY organisation with its 0 fraction digits', () => {
    const yenRates: ExchangeRate[] = [
      { currency: 'EUR', month: '2026-01', rate: '162.5' },
      { currency: 'BHD', month: '2026-01', rate: '400.123' },
    ];
    const sum = sumConverted(
      [
        { amountMinor: 1001, currency: 'EUR', month: '2026-04' },
        { amountMinor: 1500, currency: 'BHD', month: '2026-04' },
        { amountMinor: 7, currency: 'JPY', month: '2026-04' },
      ],
      yenRates,
      'JPY',
    );
    // €10.01 = ¥1,626.625 → 1,627; BHD 1.500 = ¥600.1845 → 600; ¥7.
    expect(sum.total).toEqual({ amountMinor: 1627 + 600 + 7, currency: 'JPY' });
  });

  it('equals the sum of the amounts converted one by one', () => {
    const currency = fc.constantFrom('EUR', 'USD', 'JPY', 'BHD');
    const amount = fc.record({
      amountMinor: fc.integer({ min: 0, max: 1e9 }),
      currency,
      month: fc.constantFrom('2025-12', '2026-01', '2026-02', '2026-03'),
    });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (amounts) => {
        const sum = sumConverted(amounts, rates, 'EUR');
        const counted = sum.unconverted.reduce((total, left) => total + left.count, 0);
        const converted = amounts.filter(
          (a) => rateFor(rates, a.currency, a.month, 'EUR') !== null,
        );
        expect(counted + converted.length).toBe(amounts.length);
        const digits = { EUR: 2, USD: 2, JPY: 0, BHD: 3 } as Record<string, number>;
        const expected = converted.reduce((total, a) => {
          const rate = rateFor(rates, a.currency, a.month, 'EUR') ?? '0';
          const perMinor = minorUnitRate(rate, digits[a.currency] ?? 2, 2);
          return total + convertMoney(a, perMinor, 'EUR').amountMinor;
        }, 0);
        expect(sum.total.amountMinor).toBe(expected);
      }),
    );
  });
});

describe('parseRate', () => {
  it('keeps a positive decimal and refuses zero, signs and words', () => {
    expect(parseRate('0.920')).toBe('0.92');
    expect(parseRate('155')).toBe('155');
    expect(() => parseRate('0')).toThrow('rate: must be above 0');
    expect(() => parseRate('-1')).toThrow(ValidationError);
    expect(() => parseRate('1e3')).toThrow(ValidationError);
  });
});
