import { majorToMinor, minorToMajor } from '../../domain/money';
import { ValidationError } from '../../domain/errors';
import { currencyFractionDigits } from '../../domain/money-format';

// The formatter is the domain's, shared with the CLI; what is here reads what a person types.
export { currencyFractionDigits, formatMoney, formatWholeMoney } from '../../domain/money-format';

/** Minor units back to the text a money input shows: 123456 → '1234.56'. */
export function minorToInputText(amountMinor: number | null | undefined, currency: string): string {
  if (amountMinor === null || amountMinor === undefined) return '';
  return minorToMajor(amountMinor, currencyFractionDigits(currency));
}

export type MoneyParseResult =
  { ok: true; amountMinor: number | null } | { ok: false; reason: string };

// People type '1 234,56', '1,234.56' or '1234.56'. Spaces and apostrophes group thousands; a
// single comma followed by at most the currency's decimals is a decimal comma; any other comma
// groups thousands. The digits then go to majorToMinor, which never multiplies a float.
function normaliseDecimal(text: string, fractionDigits: number): string {
  const compact = text.replace(/[\s\u00a0\u202f'’_]/g, '');
  if (compact.includes('.')) return compact.replace(/,/g, '');
  const commas = compact.split(',').length - 1;
  if (commas === 1) {
    const [whole = '', fraction = ''] = compact.split(',');
    const looksDecimal = fraction.length > 0 && fraction.length <= fractionDigits;
    const looksGrouped = fraction.length === 3 && fractionDigits < 3;
    if (looksDecimal && !looksGrouped) return `${whole}.${fraction}`;
  }
  return compact.replace(/,/g, '');
}

/**
 * Reads what a person typed in major units into integer minor units, exactly:
 * '1234.56' → 123456, '0.29' → 29. Blank is `null`; negatives and extra decimals are refused.
 */
export function parseMoneyInput(text: string, currency: string): MoneyParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, amountMinor: null };
  const fractionDigits = currencyFractionDigits(currency);
  const normalised = normaliseDecimal(trimmed, fractionDigits);
  if (normalised.startsWith('-')) return { ok: false, reason: 'must not be negative' };
  try {
    return { ok: true, amountMinor: majorToMinor(normalised, fractionDigits) };
  } catch (error) {
    if (error instanceof ValidationError) {
      return {
        ok: false,
        reason:
          fractionDigits === 0
            ? `enter a whole amount like 1234 (${currency} has no decimals)`
            : `enter an amount like 1234.${'5'.repeat(fractionDigits)} (at most ${fractionDigits} decimals)`,
      };
    }
    throw error;
  }
}
