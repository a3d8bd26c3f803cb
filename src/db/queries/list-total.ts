import { sql, type SQL } from 'drizzle-orm';
import { EXACT_TOTAL_UP_TO } from '../../schemas/common';
import { type Executor, queryRows } from '../client';

// A list's total, exact while it is cheap: counting a million matches costs as much as reading
// them, so past EXACT_TOTAL_UP_TO the count stops and the planner's estimate of the matches (from
// the statistics ANALYZE keeps: statistics.ts) is the total, labelled as an estimate.

export type ListTotal = { total: number; totalIsEstimate: boolean };

/** A select of the matching rows (`select 1 from … where …`), not yet limited. */
type Matching = { getSQL(): SQL };

const countedUpTo = (query: SQL) =>
  sql`select count(*) as count from (${query} limit ${EXACT_TOTAL_UP_TO + 1}) as matching`;

export async function countOrEstimate(db: Executor, matching: Matching): Promise<ListTotal> {
  const [counted] = await queryRows<{ count: string | number }>(db, countedUpTo(matching.getSQL()));
  return totalOrEstimate(db, matching, Number(counted?.count ?? 0));
}

/**
 * A column of the page's own statement: the matches counted up to EXACT_TOTAL_UP_TO + 1 (an
 * uncorrelated sub-select, evaluated once), so a list sends its page and its count as one.
 */
export function matchingCount(matching: Matching): SQL<string | number> {
  return sql<string | number>`(${countedUpTo(matching.getSQL())})`;
}

/**
 * The page's rows without their `matchingCount` column, and the total it carried. An empty page
 * carries none: the first page is then empty because nothing matches (0); a later one counts
 * on its own (countOrEstimate). Past EXACT_TOTAL_UP_TO, the planner's estimate as before.
 */
export async function pageWithTotal<R extends { matchingCount: string | number }>(
  db: Executor,
  matching: Matching,
  page: { offset: number; after?: unknown },
  rows: R[],
): Promise<{ rows: Omit<R, 'matchingCount'>[]; total: ListTotal }> {
  const items = rows.map(({ matchingCount: _count, ...row }) => row);
  const [first] = rows;
  if (first)
    return { rows: items, total: await totalOrEstimate(db, matching, Number(first.matchingCount)) };
  if (page.offset === 0 && page.after === undefined)
    return { rows: items, total: { total: 0, totalIsEstimate: false } };
  return { rows: items, total: await countOrEstimate(db, matching) };
}

async function totalOrEstimate(
  db: Executor,
  matching: Matching,
  total: number,
): Promise<ListTotal> {
  if (total <= EXACT_TOTAL_UP_TO) return { total, totalIsEstimate: false };
  const query = matching.getSQL();
  const [plan] = await queryRows<{ 'QUERY PLAN': unknown }>(
    db,
    sql`explain (format json) ${query}`,
  );
  return {
    total: Math.max(EXACT_TOTAL_UP_TO + 1, Math.round(plannedRows(plan?.['QUERY PLAN']))),
    totalIsEstimate: true,
  };
}

/** The top node's "Plan Rows" of EXPLAIN (FORMAT JSON), parsed or as text depending on the driver. */
function plannedRows(plan: unknown): number {
  const parsed: unknown = typeof plan === 'string' ? JSON.parse(plan) : plan;
  const top = (parsed as { Plan?: { 'Plan Rows'?: unknown } }[] | undefined)?.[0]?.Plan;
  const rows = Number(top?.['Plan Rows']);
  return Number.isFinite(rows) ? rows : 0;
}
