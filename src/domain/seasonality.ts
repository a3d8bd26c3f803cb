import {
  addMonthsToMonth,
  daysInMonth,
  fiscalYearOf,
  fiscalYearStartOf,
  monthOf,
  parseIsoDate,
  parseIsoMonth,
} from './calendar';
import type { IsoDate, IsoMonth } from './calendar';
import { ValidationError } from './errors';
import { splitByLargestRemainder } from './money';

// Seasonality (DOMAIN.md, seed 001): 12 monthly weights w ≥ 0 with Σw = 1, in fiscal order
// (weights[0] is the fiscal year's first month). T_m = T·w_m, largest-remainder rounded.

export const SEASONALITY_SOURCES = ['flat', 'entered', 'history'] as const;
export type SeasonalitySource = (typeof SEASONALITY_SOURCES)[number];

export type Seasonality = {
  /** 12 weights in fiscal order, summing to 1. */
  weights: number[];
  source: SeasonalitySource;
  /** Full years of history averaged (history only). */
  yearsUsed: number;
  /** Why history fell back to flat, or which years were skipped. */
  reason: string | null;
};

export type MonthlyRevenue = { month: IsoMonth; revenueMinor: number };

/** 1/12 for every month. */
export function flatWeights(): number[] {
  return Array.from({ length: 12 }, () => 1 / 12);
}

/** Checks 12 entered weights (≥ 0, not all 0) and scales them to sum to 1. */
export function enteredWeights(values: readonly number[]): number[] {
  if (values.length !== 12) {
    throw new ValidationError({
      field: 'weights',
      reason: `need 12 monthly weights, got ${values.length}`,
    });
  }
  values.forEach((value, index) => {
    if (!Number.isFinite(value) || value < 0) {
      throw new ValidationError({
        field: `weights[${index}]`,
        reason: `must be a number of at least 0, got ${value}`,
      });
    }
  });
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total === 0)
    throw new ValidationError({ field: 'weights', reason: 'at least one weight must be above 0' });
  return values.map((value) => value / total);
}

function validateHistory(rows: readonly MonthlyRevenue[]): void {
  rows.forEach((row, index) => {
    parseIsoMonth(row.month, `history[${index}].month`);
    if (!Number.isSafeInteger(row.revenueMinor) || row.revenueMinor < 0) {
      throw new ValidationError({
        field: `history[${index}].revenueMinor`,
        reason: 'must be a whole amount in minor units, at least 0',
      });
    }
  });
}

/**
 * Weights from won revenue by close month (DOMAIN.md: "over the last full years, each year
 * normalised, then averaged"). The years are **fiscal** years the data covers in full: from
 * `historyStart` (or the earliest row) to `historyEnd` (or the latest row), never past last month.
 * A month after the data ends is unknown, not a month without revenue. At most `maxYears` (3) of
 * the latest such years are used; under 12 months, or no full fiscal year, falls back to flat.
 */
export function weightsFromHistory(
  rows: readonly MonthlyRevenue[],
  options: {
    today: IsoDate;
    fiscalYearStartMonth?: number;
    maxYears?: number;
    historyStart?: IsoMonth;
    historyEnd?: IsoMonth;
  },
): Seasonality {
  validateHistory(rows);
  const startMonth = options.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new ValidationError({
      field: 'fiscalYearStartMonth',
      reason: 'must be a month number 1 to 12',
    });
  }
  const lastMonth = addMonthsToMonth(monthOf(parseIsoDate(options.today, 'today')), -1);
  const months = rows
    .map((row) => row.month)
    .filter((month) => month <= lastMonth)
    .sort();
  const firstMonth = options.historyStart ?? months[0];
  const dataEnd = minMonth(options.historyEnd ?? months.at(-1) ?? lastMonth, lastMonth);
  const monthCount = firstMonth === undefined ? 0 : monthsFrom(firstMonth, dataEnd);
  if (firstMonth === undefined || monthCount < 12) {
    const reason = `Only ${monthCount} month${monthCount === 1 ? '' : 's'} of history: at least 12 are needed, so the weights are flat.`;
    return { weights: flatWeights(), source: 'flat', yearsUsed: 0, reason };
  }
  const years = fullFiscalYears(firstMonth, dataEnd, startMonth, options.maxYears ?? 3);
  if (years.length === 0) {
    return {
      weights: flatWeights(),
      source: 'flat',
      yearsUsed: 0,
      reason: `The history (${firstMonth} to ${dataEnd}) holds no full fiscal year, so the weights are flat.`,
    };
  }
  const revenue = new Map<IsoMonth, number>();
  for (const row of rows) revenue.set(row.month, (revenue.get(row.month) ?? 0) + row.revenueMinor);
  const sums = Array<number>(12).fill(0);
  let yearsUsed = 0;
  for (const yearStart of years) {
    // In fiscal order: position i is the fiscal year's (i + 1)th month.
    const yearMonths = Array.from({ length: 12 }, (_, i) => addMonthsToMonth(yearStart, i));
    const total = yearMonths.reduce((sum, month) => sum + (revenue.get(month) ?? 0), 0);
    if (total === 0) continue;
    yearsUsed += 1;
    yearMonths.forEach((month, position) => {
      sums[position] = (sums[position] ?? 0) + (revenue.get(month) ?? 0) / total;
    });
  }
  if (yearsUsed === 0) {
    return {
      weights: flatWeights(),
      source: 'flat',
      yearsUsed: 0,
      reason: 'No won revenue in the full years of history, so the weights are flat.',
    };
  }
  const skipped = years.length - yearsUsed;
  const reason =
    skipped === 0
      ? null
      : `${skipped} full year${skipped === 1 ? '' : 's'} without won revenue left out.`;
  return { weights: sums.map((sum) => sum / yearsUsed), source: 'history', yearsUsed, reason };
}

// The first months of the latest fiscal years (at most `maxYears`) lying wholly in first…last.
function fullFiscalYears(
  first: IsoMonth,
  last: IsoMonth,
  startMonth: number,
  maxYears: number,
): IsoMonth[] {
  let yearStart = fiscalYearStartOf(fiscalYearOf(`${last}-01`, startMonth), startMonth);
  if (addMonthsToMonth(yearStart, 11) > last) yearStart = addMonthsToMonth(yearStart, -12);
  const years: IsoMonth[] = [];
  while (years.length < maxYears && yearStart >= first) {
    years.push(yearStart);
    yearStart = addMonthsToMonth(yearStart, -12);
  }
  return years;
}

const minMonth = (a: IsoMonth, b: IsoMonth): IsoMonth => (a <= b ? a : b);

function monthsFrom(first: IsoMonth, last: IsoMonth): number {
  const index = (month: IsoMonth) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return Math.max(0, index(last) - index(first) + 1);
}

/** Monthly targets T·w_m (largest remainder, summing exactly to T) and quarters summing their months. */
export function weightTargetBySeasonality(
  targetMinor: number,
  weights: readonly number[],
): { months: number[]; quarters: number[] } {
  if (weights.length !== 12) {
    throw new ValidationError({
      field: 'weights',
      reason: `need 12 monthly weights, got ${weights.length}`,
    });
  }
  const months = splitByLargestRemainder(targetMinor, weights);
  const quarters = [0, 3, 6, 9].map((first) =>
    months.slice(first, first + 3).reduce((sum, m) => sum + m, 0),
  );
  return { months, quarters };
}

/**
 * The seasonal target due by a date (included): the months before it in full, plus its own
 * month pro-rated by calendar days (day of month / days in month), rounded half up.
 */
export function seasonalTargetToDate(
  monthlyTargets: readonly number[],
  fiscalYearStart: IsoMonth,
  date: IsoDate,
): number {
  const current = monthOf(parseIsoDate(date, 'date'));
  // The fiscal month `date` falls in, counted from the year's start (negative: before it). The
  // attainment of 1,000 reps calls this once per rep, so no month is built per offset.
  const monthNumber = (month: IsoMonth) =>
    Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  const currentOffset =
    monthNumber(current) - monthNumber(parseIsoMonth(fiscalYearStart, 'fiscalYearStart'));
  const daysInCurrent = daysInMonth(Number(current.slice(0, 4)), Number(current.slice(5, 7)));
  let due = 0;
  monthlyTargets.forEach((target, offset) => {
    if (offset < currentOffset) due += target;
    else if (offset === currentOffset)
      due += Math.round((target * Number(date.slice(8, 10))) / daysInCurrent);
  });
  return due;
}
