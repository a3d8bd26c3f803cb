import { daysBetween } from './calendar';
import { groupRows, isInPeriod } from './opportunity';
import type { OpportunityRow, Period } from './opportunity';

type ClosedRow = Pick<OpportunityRow, 'outcome' | 'closedOn'>;

// A won or lost deal without a close date (a row written outside the opportunity service, which
// always sets one) is still closed: it counts in the all-time figures, but in no period, since
// nobody knows when it closed. It has no known sales cycle either.
const isClosedIn = (row: ClosedRow, period: Period | undefined): boolean =>
  period === undefined || isInPeriod(row.closedOn, period);

export type WinRate = { won: number; lost: number; closed: number; winRate: number | null };

/** Won / (won + lost) over opportunities closed in the period; null when none closed. */
export function winRate(rows: readonly ClosedRow[], period?: Period): WinRate {
  let won = 0;
  let lost = 0;
  for (const row of rows) {
    if (!isClosedIn(row, period)) continue;
    if (row.outcome === 'won') won += 1;
    else if (row.outcome === 'lost') lost += 1;
  }
  const closed = won + lost;
  return { won, lost, closed, winRate: closed === 0 ? null : won / closed };
}

/** Win rate per group (owner, product, team…), groups in key order. */
export function winRateByGroup<Row extends ClosedRow>(
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  period?: Period,
): ({ key: string } & WinRate)[] {
  return groupRows(rows, keyOf).map(({ key, rows: group }) => ({ key, ...winRate(group, period) }));
}

function wonRows<Row extends ClosedRow>(rows: readonly Row[], period?: Period): Row[] {
  return rows.filter((row) => row.outcome === 'won' && isClosedIn(row, period));
}

/**
 * Won revenue in the period and the mean won deal, rounded half up to a minor unit (null if none
 * was won).
 */
export function averageWonDeal(
  rows: readonly Pick<OpportunityRow, 'outcome' | 'closedOn' | 'amountMinor'>[],
  period?: Period,
): { wonDeals: number; wonRevenueMinor: number; averageMinor: number | null } {
  const won = wonRows(rows, period);
  const total = won.reduce((sum, row) => sum + row.amountMinor, 0);
  if (won.length === 0) return { wonDeals: 0, wonRevenueMinor: 0, averageMinor: null };
  return {
    wonDeals: won.length,
    wonRevenueMinor: total,
    averageMinor: Math.round(total / won.length),
  };
}

/** The middle value; the mean of the two middle values for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Median days from created to closed over the deals won in the period with a close date; null if none. */
export function medianCycleDays(
  rows: readonly Pick<OpportunityRow, 'outcome' | 'closedOn' | 'createdOn'>[],
  period?: Period,
): { wonDeals: number; medianDays: number | null } {
  const days = wonRows(rows, period).flatMap((row) =>
    row.closedOn === null ? [] : [daysBetween(row.createdOn, row.closedOn)],
  );
  return { wonDeals: days.length, medianDays: median(days) };
}
