import { describe, expect, it } from 'vitest';
import { normaliseDecimal, parseCount, parseDate, parseMoney, shiftDecimal } from './values';

describe('parseDate', () => {
  it('reads ISO dates, with or without a time, keeping the day written', () => {
    expect(parseDate('2026-03-31', { dateOrder: null })).toEqual({ value: '2026-03-31' });
    expect(parseDate('2026-03-31T23:30:00-05:00', { dateOrder: null })).toEqual({
      value: '2026-03-31',
    });
    expect(parseDate('2026-03-31 14:05', { dateOrder: null })).toEqual({ value: '2026-03-31' });
    expect(parseDate('2026/3/9', { dateOrder: null })).toEqual({ value: '2026-03-09' });
  });

  it('reads day/month/year or month/day/year only when told which', () => {
    expect(parseDate('04/03/2026', { dateOrder: 'dmy' })).toEqual({ value: '2026-03-04' });
    expect(parseDate('04/03/2026', { dateOrder: 'mdy' })).toEqual({ value: '2026-04-03' });
    expect(parseDate('3/31/2026 2:05 PM', { dateOrder: 'mdy' })).toEqual({ value: '2026-03-31' });
    // Salesforce Lightning writes a date-time with a comma before the time.
    expect(parseDate('3/31/2026, 2:05 PM', { dateOrder: 'mdy' })).toEqual({ value: '2026-03-31' });
    expect(parseDate('3/31/20262:05', { dateOrder: 'mdy' })).toHaveProperty('reason');
    expect(parseDate('04/03/2026', { dateOrder: null })).toEqual({
      reason: '"04/03/2026" needs a day order: say whether it is day/month/year or month/day/year',
    });
  });

  it('refuses dates that do not exist and two-digit years', () => {
    expect(parseDate('2026-02-30', { dateOrder: null })).toEqual({
      reason: '"2026-02-30" is not a real calendar date',
    });
    expect(parseDate('31/03/2026', { dateOrder: 'mdy' })).toEqual({
      reason: '"31/03/2026" is not a real calendar date (mdy)',
    });
    expect(parseDate('3/31/26', { dateOrder: 'mdy' })).toEqual({
      reason: '"3/31/26" is not a date like 2026-03-31',
    });
  });
});

describe('parseMoney', () => {
  const dot = { decimalSeparator: '.' } as const;
  const comma = { decimalSeparator: ',' } as const;

  it('reads amounts into minor units, with grouping and the organisation currency mark', () => {
    expect(parseMoney('1054', 'USD', dot)).toEqual({ value: 105_400 });
    expect(parseMoney('$1,234.5', 'USD', dot)).toEqual({ value: 123_450 });
    expect(parseMoney('USD 12,000.00', 'USD', dot)).toEqual({ value: 1_200_000 });
    expect(parseMoney('1.234,56 €', 'EUR', comma)).toEqual({ value: 123_456 });
    expect(parseMoney('1 234,56', 'EUR', comma)).toEqual({ value: 123_456 });
    expect(parseMoney('1500', 'JPY', dot)).toEqual({ value: 1500 });
  });

  it('refuses another currency, negatives, extra decimals and bad grouping', () => {
    expect(parseMoney('€100', 'USD', dot)).toEqual({
      reason: '"€100" is in EUR, the organisation works in USD',
    });
    expect(parseMoney('-5', 'USD', dot)).toEqual({ reason: '"-5" is negative' });
    expect(parseMoney('1.005', 'USD', dot)).toEqual({
      reason: '"1.005" has more than 2 decimals for USD',
    });
    expect(parseMoney('12,34.00', 'USD', dot)).toEqual({
      reason: '"12,34.00" is not an amount like 1234.56',
    });
    expect(parseMoney('1,5', 'USD', dot)).toEqual({
      reason: '"1,5" is not an amount like 1234.56',
    });
  });
});

describe('decimals and counts', () => {
  it('normalises grouped numbers and shifts decimals exactly', () => {
    expect(normaliseDecimal('1,100.04', '.')).toBe('1100.04');
    expect(shiftDecimal('1100.04', 6)).toBe('1100040000');
    expect(shiftDecimal('0.5', 1)).toBe('5');
    expect(shiftDecimal('2.25', 1)).toBe('22.5');
  });

  it('reads whole counts and refuses fractions', () => {
    expect(parseCount('2,822', { decimalSeparator: '.' })).toEqual({ value: 2822 });
    expect(parseCount('2.5', { decimalSeparator: '.' })).toEqual({
      reason: '"2.5" is not a whole number of at least 0',
    });
  });
});
