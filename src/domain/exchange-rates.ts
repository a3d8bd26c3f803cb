import type { IsoMonth } from './calendar';
import { ValidationError } from './errors';
import { type Money, sumMinor } from './money';
import { currencyFractionDigits } from './money-format';

// Converting deals into the organisation's currency (DOMAIN.md, "Money"). Rates are decimal
// strings and every step is integer arithmetic on BigInt, so no float ever touches an amount.

/** One unit of `currency` is worth `rate` units of the organisation's currency in `month`. */
export type ExchangeRate = { currency: string; month: IsoMonth; rate: string };

/** An amount with the month it is converted at (a deal's close month; open deals: this month). */
export type DatedMoney = Money & { month: IsoMonth };

export type UnconvertedMoney = { currency: string; count: number; amountMinor: number };

export type ConvertedSum = { total: Money; unconverted: UnconvertedMoney[] };

/** The stored scale of a minor-unit rate (numeric(30, 15) in exchange_rates). */
export const MINOR_UNIT_RATE_SCALE = 15;

type Decimal = { units: bigint; scale: number };

function parseDecimal(text: string, field: string): Decimal {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) {
    throw new ValidationError({ field, reason: `"${text}" is not a decimal number like 0.92` });
  }
  const [, whole = '0', fraction = ''] = match;
  return { units: BigInt(`${whole}${fraction}`), scale: fraction.length };
}

function formatDecimal({ units, scale }: Decimal): string {
  const digits = units.toString().padStart(scale + 1, '0');
  if (scale === 0) return digits;
  const fraction = digits.slice(-scale).replace(/0+$/, '');
  const whole = digits.slice(0, -scale);
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** numerator / denominator, both non-negative, rounded half up to an integer. */
function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** A positive decimal rate, as entered ('0.92', '155'); zero or anything else is refused. */
export function parseRate(text: string, field = 'rate'): string {
  const decimal = parseDecimal(text, field);
  if (decimal.units === 0n) throw new ValidationError({ field, reason: 'must be above 0' });
  return formatDecimal(decimal);
}

/**
 * The rate for a currency in a month: the month's own, else the latest earlier month's
 * (carried forward); none before it → null. The organisation's own currency is always '1'.
 */
export function rateFor(
  rates: readonly ExchangeRate[],
  currency: string,
  month: IsoMonth,
  organisationCurrency: string,
): string | null {
  if (currency === organisationCurrency) return '1';
  let best: ExchangeRate | null = null;
  for (const rate of rates) {
    if (rate.currency !== currency || rate.month > month) continue;
    if (best === null || rate.month > best.month) best = rate;
  }
  return best?.rate ?? null;
}

/**
 * The rate between minor units: organisation minor units per one minor unit of the currency,
 * rounded half up to 15 decimals (what the database stores). 1 JPY = 0.006 EUR gives 0.6
 * (one yen is 0.6 cent); 1 BHD = 2.43 EUR gives 0.243 (one fils is 0.243 cent).
 */
export function minorUnitRate(
  rate: string,
  currencyFractionDigits: number,
  organisationFractionDigits: number,
): string {
  const { units, scale } = parseDecimal(rate, 'rate');
  // rate × 10^(orgDigits − currencyDigits), as units / 10^scale.
  const shift = organisationFractionDigits - currencyFractionDigits;
  const numerator = units * 10n ** BigInt(Math.max(0, shift));
  const denominatorScale = scale + Math.max(0, -shift);
  if (denominatorScale <= MINOR_UNIT_RATE_SCALE) {
    return formatDecimal({ units: numerator, scale: denominatorScale });
  }
  const rounded = divideRoundingHalfUp(
    numerator,
    10n ** BigInt(denominatorScale - MINOR_UNIT_RATE_SCALE),
  );
  return formatDecimal({ units: rounded, scale: MINOR_UNIT_RATE_SCALE });
}

/**
 * Converts an amount with a minor-unit rate into the organisation's currency, rounded half up
 * (away from zero for a negative amount) to a whole minor unit, exactly.
 */
export function convertMoney(money: Money, rateOfMinorUnits: string, organisationCurrency: string) {
  if (!Number.isSafeInteger(money.amountMinor)) {
    throw new ValidationError({ field: 'amountMinor', reason: 'must be a whole number' });
  }
  const { units, scale } = parseDecimal(rateOfMinorUnits, 'minorUnitRate');
  const sign = money.amountMinor < 0 ? -1n : 1n;
  const amount = BigInt(money.amountMinor) * sign;
  const converted = divideRoundingHalfUp(amount * units, 10n ** BigInt(scale)) * sign;
  const amountMinor = Number(converted);
  if (!Number.isSafeInteger(amountMinor)) {
    throw new ValidationError({ field: 'amountMinor', reason: 'is too large once converted' });
  }
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency: organisationCurrency };
}

/**
 * Sums amounts in the organisation's currency: each converted at its month's rate (per amount,
 * then added); amounts whose currency has no rate are left out and counted per currency.
 */
export function sumConverted(
  amounts: readonly DatedMoney[],
  rates: readonly ExchangeRate[],
  organisationCurrency: string,
): ConvertedSum {
  const converted: number[] = [];
  const unconverted = new Map<string, UnconvertedMoney>();
  const organisationDigits = currencyFractionDigits(organisationCurrency);
  for (const money of amounts) {
    const rate = rateFor(rates, money.currency, money.month, organisationCurrency);
    if (rate === null) {
      const left = unconverted.get(money.currency) ?? {
        currency: money.currency,
        count: 0,
        amountMinor: 0,
      };
      left.count += 1;
      left.amountMinor = sumMinor([left.amountMinor, money.amountMinor]);
      unconverted.set(money.currency, left);
      continue;
    }
    const perMinorUnit = minorUnitRate(
      rate,
      currencyFractionDigits(money.currency),
      organisationDigits,
    );
    converted.push(convertMoney(money, perMinorUnit, organisationCurrency).amountMinor);
  }
  return {
    total: { amountMinor: sumMinor(converted), currency: organisationCurrency },
    unconverted: [...unconverted.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
  };
}

/** "3 deals in CHF have no rate", one phrase per currency, for wherever a sum is shown. */
export function describeUnconverted(unconverted: readonly { currency: string; count: number }[]) {
  return unconverted.map(({ currency, count }) =>
    count === 1
      ? `1 deal in ${currency} has no rate`
      : `${count} deals in ${currency} have no rate`,
  );
}

/** The deals without a rate among `deals`, counted per currency with their own amounts. */
export function countUnconverted(
  deals: readonly { currency: string; amountMinor: number; hasRate: boolean }[],
): UnconvertedMoney[] {
  const byCurrency = new Map<string, UnconvertedMoney>();
  for (const deal of deals) {
    if (deal.hasRate) continue;
    const left = byCurrency.get(deal.currency) ?? {
      currency: deal.currency,
      count: 0,
      amountMinor: 0,
    };
    left.count += 1;
    left.amountMinor = sumMinor([left.amountMinor, deal.amountMinor]);
    byCurrency.set(deal.currency, left);
  }
  return [...byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
