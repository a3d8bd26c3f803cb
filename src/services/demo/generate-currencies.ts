import { monthsInRange } from '../../domain/calendar';
import { parseRate } from '../../domain/exchange-rates';
import { currencyFractionDigits } from '../../domain/money-format';
import { toIsoDate } from './day-numbers';
import type { AccountProfile } from './generate-accounts';
import type { DemoOpportunity } from './generate-pipeline';
import type { Random } from './random';

// A few demo deals are sold in another currency than the organisation's euros, so the demo shows
// the conversion (DOMAIN.md, "Money"): deals at some British and Swiss accounts in pounds and
// francs, and at a few accounts bought for by a US or Japanese parent in dollars and yen. Rates
// are entered for every month of the demo for GBP, USD and JPY; CHF has none, so the figures say
// "N deals in CHF have no rate" beside the converted rest. (A month without a rate carries the
// latest earlier one forward, so only a currency without any earlier rate is left unconverted.)
// Everything here draws from its own forks: the other generated rows stay as they were.

export const DEMO_CURRENCY = 'EUR';
export type DemoCurrency = 'EUR' | 'GBP' | 'USD' | 'CHF' | 'JPY';
export type DemoForeignCurrency = Exclude<DemoCurrency, 'EUR'>;

/** A month's rate ('2026-03-01'): euros per one unit of the currency, as an admin enters it. */
export type DemoExchangeRate = { currency: DemoForeignCurrency; month: string; rate: string };

type CurrencyProfile = {
  /** Euros per unit, around which the monthly rates move. */
  eurosPerUnit: number;
  /** Decimals the entered rate has (0.9234 USD, 0.006123 JPY). */
  rateDecimals: number;
  /** Deal amounts are whole multiples of this many units (100 pounds, 10,000 yen). */
  amountStep: number;
  /** Whether the demo enters monthly rates for it. */
  hasRates: boolean;
};

export const demoCurrencies: Record<DemoForeignCurrency, CurrencyProfile> = {
  GBP: { eurosPerUnit: 1.17, rateDecimals: 4, amountStep: 100, hasRates: true },
  USD: { eurosPerUnit: 0.91, rateDecimals: 4, amountStep: 100, hasRates: true },
  CHF: { eurosPerUnit: 1.06, rateDecimals: 4, amountStep: 100, hasRates: false },
  JPY: { eurosPerUnit: 0.0061, rateDecimals: 6, amountStep: 10_000, hasRates: true },
};

/**
 * How many accounts buy in each currency: British and Swiss ones in their own, and others for
 * which a US or Japanese parent buys. About 4% of the deals, at about five deals an account.
 */
const ACCOUNTS_PER_CURRENCY: Readonly<Record<DemoForeignCurrency, number>> = {
  GBP: 6,
  USD: 6,
  CHF: 6,
  JPY: 6,
};
const homeCountries: Readonly<Partial<Record<DemoForeignCurrency, string>>> = {
  GBP: 'GB',
  CHF: 'CH',
};

/** The currency each account's deals are in (only accounts not in euros are listed). */
export function pickAccountCurrencies(
  random: Random,
  accounts: readonly AccountProfile[],
): Map<string, DemoForeignCurrency> {
  const homes = new Set(Object.values(homeCountries));
  const currencies = new Map<string, DemoForeignCurrency>();
  for (const currency of Object.keys(ACCOUNTS_PER_CURRENCY) as DemoForeignCurrency[]) {
    const home = homeCountries[currency];
    const candidates = accounts.filter(({ account }) =>
      home === undefined
        ? !homes.has(account.country) && !currencies.has(account.id)
        : account.country === home,
    );
    for (const { account } of acrossSegments(random.shuffle(candidates)).slice(
      0,
      ACCOUNTS_PER_CURRENCY[currency],
    ))
      currencies.set(account.id, currency);
  }
  return currencies;
}

/**
 * The accounts taking turns by segment (first of each segment, then second, …): a currency's
 * few accounts are large and small alike, so its deals are about the size of the euro ones.
 */
function acrossSegments(accounts: readonly AccountProfile[]): AccountProfile[] {
  const bySegment = new Map<string, AccountProfile[]>();
  for (const account of accounts)
    bySegment.set(account.segmentCode, [...(bySegment.get(account.segmentCode) ?? []), account]);
  const turns = [...bySegment.values()];
  const longest = Math.max(0, ...turns.map((t) => t.length));
  return Array.from({ length: longest }, (_, i) => turns.flatMap((t) => t[i] ?? [])).flat();
}

/**
 * The deal in its account's currency: the euro amount at the currency's usual rate, rounded to a
 * whole step (100 pounds, 10,000 yen) in the currency's own minor units.
 */
export function inAccountCurrency(
  opportunity: DemoOpportunity,
  currencies: ReadonlyMap<string, DemoForeignCurrency>,
): DemoOpportunity {
  const currency = currencies.get(opportunity.accountId);
  if (currency === undefined) return opportunity;
  const { eurosPerUnit, amountStep } = demoCurrencies[currency];
  const euros = opportunity.amountMinor / 10 ** currencyFractionDigits(DEMO_CURRENCY);
  const steps = Math.max(1, Math.round(euros / eurosPerUnit / amountStep));
  const amountMinor = steps * amountStep * 10 ** currencyFractionDigits(currency);
  return { ...opportunity, currency, amountMinor };
}

/**
 * Monthly rates from the first day's month to the anchor's, for every currency that has rates:
 * a small random walk around the usual rate, never more than 4% away from it.
 */
export function generateExchangeRates(
  random: Random,
  firstDay: number,
  anchorDay: number,
): DemoExchangeRate[] {
  const months = monthsInRange(toIsoDate(firstDay), toIsoDate(anchorDay));
  const rates: DemoExchangeRate[] = [];
  for (const [currency, profile] of Object.entries(demoCurrencies) as [
    DemoForeignCurrency,
    CurrencyProfile,
  ][]) {
    if (!profile.hasRates) continue;
    let drift = random.between(-0.02, 0.02);
    for (const month of months) {
      drift = Math.min(0.04, Math.max(-0.04, drift + random.normal(0, 0.008)));
      const rate = (profile.eurosPerUnit * (1 + drift)).toFixed(profile.rateDecimals);
      rates.push({ currency, month: `${month}-01`, rate: parseRate(rate) });
    }
  }
  return rates;
}
