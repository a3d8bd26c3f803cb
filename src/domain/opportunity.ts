import type { IsoDate } from './calendar';
import { ValidationError } from './errors';

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

/**
 * The close date an opportunity gets in a stage of this kind. A closed deal always has one: moving
 * to won or lost closes it `today` unless a date is given (or it already had one); an open deal
 * has none, so reopening clears it and giving one is refused.
 */
export function closedOnFor(
  kind: StageKind,
  requested: IsoDate | null | undefined,
  current: IsoDate | null,
  today: IsoDate,
): IsoDate | null {
  if (kind === 'open') {
    if (requested) {
      throw new ValidationError({
        field: 'closedOn',
        reason: 'an open opportunity has no close date',
      });
    }
    return null;
  }
  return requested ?? current ?? today;
}

/** A deal cannot close before it was created. */
export function checkOpportunityDates(row: { createdOn: IsoDate; closedOn: IsoDate | null }): void {
  if (row.closedOn && row.closedOn < row.createdOn) {
    throw new ValidationError({
      field: 'closedOn',
      reason: 'must not be before the creation date',
    });
  }
}

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
