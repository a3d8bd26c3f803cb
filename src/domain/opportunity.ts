import type { IsoDate } from './calendar';

// The plain opportunity row every KPI reads. The DB layer maps its rows to this shape once;
// each KPI takes only the fields it needs (Pick), so tests can pass small literals.

/** A stage's kind; an opportunity's outcome is the kind of its stage (won or lost once closed). */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const OPPORTUNITY_OUTCOMES = ['won', 'lost'] as const satisfies readonly StageKind[];
export type OpportunityOutcome = (typeof OPPORTUNITY_OUTCOMES)[number];

export type OpportunityRow = {
  id: string;
  ownerId: string;
  productId: string;
  accountId: string;
  amountMinor: number;
  stageId: string;
  createdOn: IsoDate;
  expectedClose: IsoDate | null;
  closedOn: IsoDate | null;
  outcome: OpportunityOutcome | null;
};

/** A closed date range: both ends included. */
export type Period = { from: IsoDate; to: IsoDate };

/** True when a date falls in the period (both ends included). */
export function isInPeriod(date: IsoDate | null, period: Period | undefined): boolean {
  if (date === null) return false;
  return period === undefined || (date >= period.from && date <= period.to);
}

/** Rows grouped by a key, groups in key order, rows in their original order. */
export function groupRows<Row>(
  rows: readonly Row[],
  keyOf: (row: Row) => string,
): { key: string; rows: Row[] }[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({ key, rows: group }));
}
