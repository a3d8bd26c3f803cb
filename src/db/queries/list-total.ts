import { sql, type SQL } from 'drizzle-orm';
import { EXACT_TOTAL_UP_TO } from '../../schemas/common';
import { type Executor, queryRows } from '../client';

// A list's total, exact while it is cheap: counting a million matches costs as much as reading
// them, so past EXACT_TOTAL_UP_TO the count stops and the planner's estimate of the matches (from
// the statistics ANALYZE keeps: statistics.ts) is the total, labelled as an estimate.

export type ListTotal = { total: number; totalIsEstimate: boolean };

/** A select of the matching rows (`select 1 from … where …`), not yet limited. */
type Matching = { getSQL(): SQL };

export async function countOrEstimate(db: Executor, matching: Matching): Promise<ListTotal> {
  const query = matching.getSQL();
  const [counted] = await queryRows<{ count: string | number }>(
    db,
    sql`select count(*) as count from (${query} limit ${EXACT_TOTAL_UP_TO + 1}) as matching`,
  );
  const total = Number(counted?.count ?? 0);
  if (total <= EXACT_TOTAL_UP_TO) return { total, totalIsEstimate: false };
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
