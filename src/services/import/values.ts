import { isIsoDate } from '../../domain/calendar';
import type { IsoDate } from '../../domain/calendar';
import { currencyFractionDigits } from '../../domain/money-format';
import type { ValueFormat } from '../../schemas/import';

// How CSV cells become dates and money (docs/IMPORT.md, "Values"). A cell that does not follow
// the rules is a row problem with the reason; nothing is rounded or guessed. Results are values,
// not exceptions: the hot path runs half a million times per import.

export type Parsed<T> = { value: T } | { reason: string };

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const YEAR_LAST =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:(?:, |[ T])\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?$/;

function isoOf(year: string, month: string, day: string): IsoDate | null {
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(text) ? text : null;
}

/**
 * A calendar day from `2026-03-31`, `2026-03-31T14:05:00Z`, `2026-03-31 14:05`, `2026/03/31`, or,
 * with a stated day order, `31/03/2026` (dmy) or `03/31/2026` (mdy). A time is dropped, never
 * converted between time zones: the day written is the day kept.
 */
export function parseDate(text: string, format: Pick<ValueFormat, 'dateOrder'>): Parsed<IsoDate> {
  const iso = ISO_DATE_TIME.exec(text) ?? YEAR_FIRST.exec(text);
  if (iso) {
    const date = isoOf(iso[1] ?? '', iso[2] ?? '', iso[3] ?? '');
    return date ? { value: date } : { reason: `"${text}" is not a real calendar date` };
  }
  const local = YEAR_LAST.exec(text);
  if (local) {
    if (!format.dateOrder) {
      return {
        reason: `"${text}" needs a day order: say whether it is day/month/year or month/day/year`,
      };
    }
    const [first = '', second = '', year = ''] = local.slice(1);
    const date =
      format.dateOrder === 'dmy' ? isoOf(year, second, first) : isoOf(year, first, second);
    return date
      ? { value: date }
      : { reason: `"${text}" is not a real calendar date (${format.dateOrder})` };
  }
  return { reason: `"${text}" is not a date like 2026-03-31` };
}

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

function decimalPattern(decimalSeparator: ValueFormat['decimalSeparator']): RegExp {
  const group = decimalSeparator === '.' ? "[,\\s'\u00a0\u202f]" : "[.\\s'\u00a0\u202f]";
  const point = decimalSeparator === '.' ? '\\.' : ',';
  return new RegExp(`^([+-]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${point}(\\d+))?$`);
}

const DECIMAL_PATTERNS = { '.': decimalPattern('.'), ',': decimalPattern(',') };

/**
 * A plain decimal from a number written with the file's decimal separator and optional
 * thousands grouping: `1,234.56` or `1 234,56` → `1234.56`. Null when it is not one.
 */
export function normaliseDecimal(
  text: string,
  decimalSeparator: ValueFormat['decimalSeparator'],
): string | null {
  const match = DECIMAL_PATTERNS[decimalSeparator].exec(text);
  if (!match) return null;
  const whole = (match[2] ?? '').replace(/\D/g, '');
  return `${match[1] ?? ''}${whole}${match[3] === undefined ? '' : `.${match[3]}`}`;
}

/** Multiplies a plain decimal by 10^places exactly: ('1100.04', 6) → '1100040000'. */
export function shiftDecimal(decimal: string, places: number): string {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const digits = `${whole}${fraction.padEnd(places, '0')}`;
  const cut = whole.length + places;
  const shifted = `${digits.slice(0, cut)}.${digits.slice(cut)}`.replace(/\.$/, '');
  return shifted.replace(/^([+-]?)0+(?=\d)/, '$1');
}

/**
 * Money in the organisation's currency, to integer minor units. A currency symbol or ISO code
 * before or after the number is allowed when it is the organisation's; negative amounts and more
 * decimals than the currency has are refused (not rounded).
 */
export function parseMoney(
  text: string,
  currency: string,
  format: Pick<ValueFormat, 'decimalSeparator'>,
): Parsed<number> {
  const match = /^([A-Z]{3}|[$€£¥])?\s*(.*?)\s*([A-Z]{3}|[$€£¥])?$/.exec(text);
  const marks = [match?.[1], match?.[3]].filter((mark) => mark !== undefined);
  for (const mark of marks) {
    const code = CURRENCY_SYMBOLS[mark] ?? mark;
    if (code !== currency) {
      return { reason: `"${text}" is in ${code}, the organisation works in ${currency}` };
    }
  }
  const decimal = normaliseDecimal(match?.[2] ?? text, format.decimalSeparator);
  if (decimal === null) return { reason: `"${text}" is not an amount like 1234.56` };
  if (decimal.startsWith('-')) return { reason: `"${text}" is negative` };
  const digits = currencyFractionDigits(currency);
  const [whole = '0', fraction = ''] = decimal.replace(/^\+/, '').split('.');
  if (fraction.length > digits) {
    return { reason: `"${text}" has more than ${digits} decimals for ${currency}` };
  }
  const minor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return { reason: `"${text}" is too large` };
  return { value: minor };
}

/** A whole number of at least 0 (employees), thousands grouping allowed. */
export function parseCount(
  text: string,
  format: Pick<ValueFormat, 'decimalSeparator'>,
): Parsed<number> {
  const decimal = normaliseDecimal(text, format.decimalSeparator);
  const value = decimal === null ? Number.NaN : Number(decimal);
  if (!Number.isSafeInteger(value) || value < 0) {
    return { reason: `"${text}" is not a whole number of at least 0` };
  }
  return { value };
}
