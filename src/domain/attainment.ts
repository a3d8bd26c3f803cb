import { fiscalYearMonths, parseIsoDate } from './calendar';
import type { IsoDate, IsoMonth } from './calendar';
import { isInPeriod } from './opportunity';
import type { OpportunityRow } from './opportunity';
import { splitByLargestRemainder } from './money';
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

/** One segment's year: its cascade target and the revenue won in it to date. */
export type SegmentWon = {
  key: string;
  label: string;
  targetYearMinor: number;
  wonToDateMinor: number;
};

export type AttainmentRow = SegmentWon &
  Attainment & {
    /** won < target to date. */
    isBehind: boolean;
  };

/**
 * The total's row, then one per segment (issue 17): the segments' targets to date are the total's
 * split by largest remainder in proportion to their yearly targets, so the rows add up to the
 * total; the segments' won must partition the total's won (the caller's grouped rows).
 */
export function attainmentBySegment(
  total: Attainment & { targetYearMinor: number },
  segments: readonly SegmentWon[],
): AttainmentRow[] {
  const wonOfSegments = segments.reduce((sum, s) => sum + s.wonToDateMinor, 0);
  if (segments.length > 0 && wonOfSegments !== total.wonToDateMinor)
    throw new Error(`segments won ${wonOfSegments}, total won ${total.wonToDateMinor}`);
  const hasWeights = segments.some((s) => s.targetYearMinor > 0);
  const due = hasWeights
    ? splitByLargestRemainder(
        total.targetToDateMinor,
        segments.map((s) => s.targetYearMinor),
      )
    : segments.map(() => 0);
  const row = (segment: SegmentWon, targetToDateMinor: number): AttainmentRow => ({
    ...segment,
    targetToDateMinor,
    attainment: targetToDateMinor === 0 ? null : segment.wonToDateMinor / targetToDateMinor,
    gapMinor: targetToDateMinor - segment.wonToDateMinor,
    isBehind: segment.wonToDateMinor < targetToDateMinor,
  });
  return [
    row(
      {
        key: 'total',
        label: 'Total',
        targetYearMinor: total.targetYearMinor,
        wonToDateMinor: total.wonToDateMinor,
      },
      total.targetToDateMinor,
    ),
    ...segments.map((segment, i) => row(segment, due[i] ?? 0)),
  ];
}
