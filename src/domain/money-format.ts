import { minorToMajor } from './money';

// Every currency's own minor unit (ISO 4217 as Intl knows it): EUR 2, JPY 0, BHD 3. The one
// place the digits are decided, for the web, the CLI and the import alike.
const fractionDigitsByCurrency = new Map<string, number>();

/** How many minor units a currency uses: EUR 2, JPY 0, BHD 3 (2 for a code Intl does not know). */
export function currencyFractionDigits(currency: string): number {
  let digits = fractionDigitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    fractionDigitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** 123456 EUR → '€1,234.56', 1500 JPY → '¥1,500', 1234 BHD → 'BHD 1.234', in the reader's locale. */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const digits = currencyFractionDigits(currency);
  const major = minorToMajor(amountMinor, digits);
  try {
    // The decimal string goes to Intl as it is, so large amounts keep every digit.
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
      major as Intl.StringNumericLiteral,
    );
  } catch {
    return `${major} ${currency}`;
  }
}

/**
 * Minor units to whole major units, half away from zero, in integers only: 150 EUR cents → 2,
 * -150 → -2, 1499 → 15. A target or a total reads in whole units; a float division would
 * misround large amounts.
 */
export function roundToWholeUnits(amountMinor: number, currency: string): number {
  const unit = 10 ** currencyFractionDigits(currency);
  const size = Math.abs(amountMinor);
  const whole = Math.floor(size / unit);
  const rounded = whole + (2 * (size - whole * unit) >= unit ? 1 : 0);
  return amountMinor < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * A target, a total or a gap in whole currency units, where cents mean nothing (issue 17,
 * item 8): 190,200,000 EUR cents → '€1,902,000', in the reader's locale. A single deal's amount
 * as entered keeps its cents (formatMoney).
 */
export function formatWholeMoney(amountMinor: number, currency: string, locale?: string): string {
  const whole = roundToWholeUnits(amountMinor, currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    }).format(whole);
  } catch {
    return `${whole.toLocaleString(locale)} ${currency}`;
  }
}
