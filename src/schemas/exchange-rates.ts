import { z } from 'zod';
import { Currency, IsoDateTime } from './common';

// The organisation's exchange rates (DOMAIN.md, "Money"): per currency and month, how many units
// of the organisation's currency one unit of the currency is worth.

export const RateMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-03');

/** A positive decimal as text, so no float rounds it: '0.92', '155', up to 12 digits each side. */
export const RateText = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,12})?$/, {
    error: 'must be a decimal like 0.92 (up to 12 digits each side)',
    // A text that is no decimal is not also "not above 0".
    abort: true,
  })
  .refine((text) => /[1-9]/.test(text), 'must be above 0');

export const ExchangeRateParams = z.object({ currency: Currency, month: RateMonth });
export type ExchangeRateParams = z.infer<typeof ExchangeRateParams>;

export const ExchangeRateInput = z.object({ rate: RateText });
export type ExchangeRateInput = z.infer<typeof ExchangeRateInput>;

export const ExchangeRate = z.object({
  currency: Currency,
  month: RateMonth,
  /** Organisation currency per one unit of `currency`. */
  rate: z.string(),
  /** Organisation minor units per one minor unit of `currency` (what sums use). */
  minorUnitRate: z.string(),
  updatedAt: IsoDateTime,
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;

export const ExchangeRateListQuery = z.object({ currency: Currency.optional() });
export type ExchangeRateListQuery = z.infer<typeof ExchangeRateListQuery>;

/** A rate table as CSV text with the header `currency,month,rate`, one row per currency and month. */
export const ExchangeRateImport = z.object({
  csv: z.string().min(1, 'must not be empty').max(2_000_000),
});
export type ExchangeRateImport = z.infer<typeof ExchangeRateImport>;

export const ExchangeRateImportResult = z.object({
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
});
export type ExchangeRateImportResult = z.infer<typeof ExchangeRateImportResult>;

/** One rate as a form enters it: the currency, the month and the rate together. */
export const ExchangeRateEntry = ExchangeRateParams.extend(ExchangeRateInput.shape);
export type ExchangeRateEntry = z.infer<typeof ExchangeRateEntry>;

/** Deals left out of a money figure because their currency has no rate, per currency. */
export const UnconvertedMoney = z.object({
  currency: Currency,
  count: z.number().int().min(1),
  amountMinor: z.number().int(),
});
export type UnconvertedMoney = z.infer<typeof UnconvertedMoney>;
