import { fiscalYearMonths, parseIsoDate } from './calendar';
import type { IsoDate, IsoMonth } from './calendar';
import { isInPeriod } from './opportunity';
import type { OpportunityRow } from './opportunity';
import { seasonalTargetToDate } from './seasonality';

// Attainment (DOMAIN.md, KPIs): won revenue against the seasonally weighted target to date.

export type Attainment = {
  wonToDateMinor: number;
  targetToDateMinor: number;
  /** won / target to date; null when nothing is due yet. */
  attainment: number | null;
  /** target to date − won to date (negative when ahead). */
  gapMinor: number;
};

/** Won revenue from the fiscal year's start to today (included) against the seasonal target to date. */
export function attainmentToDate(input: {
  rows: readonly Pick<OpportunityRow, 'outcome' | 'closedOn' | 'amountMinor'>[];
  /** 12 monthly targets in fiscal order (from weightTargetBySeasonality). */
  monthlyTargets: readonly number[];
  fiscalYearStart: IsoMonth;
  today: IsoDate;
}): Attainment {
  parseIsoDate(input.today, 'today');
  const from = fiscalYearMonths(input.fiscalYearStart)[0]?.start ?? input.today;
  const period = { from, to: input.today };
  const wonToDateMinor = input.rows
    .filter((row) => row.outcome === 'won' && isInPeriod(row.closedOn, period))
    .reduce((sum, row) => sum + row.amountMinor, 0);
  return attainmentOfWon({ ...input, wonToDateMinor });
}

/** Attainment of revenue already summed (won from the fiscal year's start to today). */
export function attainmentOfWon(input: {
  wonToDateMinor: number;
  monthlyTargets: readonly number[];
  fiscalYearStart: IsoMonth;
  today: IsoDate;
}): Attainment {
  const { wonToDateMinor } = input;
  const targetToDateMinor = seasonalTargetToDate(
    input.monthlyTargets,
    input.fiscalYearStart,
    input.today,
  );
  return {
    wonToDateMinor,
    targetToDateMinor,
    attainment: targetToDateMinor === 0 ? null : wonToDateMinor / targetToDateMinor,
    gapMinor: targetToDateMinor - wonToDateMinor,
  };
}
