import { type SQL, sql } from 'drizzle-orm';
import type { Period } from '../../domain/opportunity';
import type { OrganisationDashboard } from '../../schemas/dashboards';
import { type Executor, queryRows } from '../client';
import { opportunityFilterSql } from './dashboard-filters';
import { convertedAmountJoin, convertedMinor } from './money';
import { isSlippingSql, isStaleSql } from './pipeline-flags';
import { inPeriodSql, ownerCondition, type ReportScope, wonWithDateInSql } from './reports';

// The organisation dashboard's own aggregates (issue #11; STYLE.md, "KPIs: the database adds
// up"): each function is one grouped statement over the organisation's deals in the caller's
// scope and the dashboard's filters (dashboard-filters.ts, the same SQL the opportunity list
// filters with). Attainment, pipeline totals, win rates and outliers come from ./reports.ts.

type Count = number | string | bigint;

/** The deals in scope with stage, owner, account, names and converted amount (`converted.minor`). */
function dealsFrom({ orgId, today, scope, filters }: ReportScope): SQL {
  return sql`from opportunities o
      join stages s on s.org_id = o.org_id and s.id = o.stage_id
      join users u on u.org_id = o.org_id and u.id = o.owner_id
      left join accounts ac on ac.org_id = o.org_id and ac.id = o.account_id
      left join products p on p.org_id = o.org_id and p.id = o.product_id
      left join segments sg on sg.org_id = ac.org_id and sg.id = ac.segment_id
      left join territories t on t.org_id = u.org_id and t.id = u.territory_id
      ${convertedAmountJoin(today)}
      where o.org_id = ${orgId} ${ownerCondition(sql`o.owner_id`, scope)}
        and ${opportunityFilterSql(filters ?? {})}`;
}

export type MonthTotal = { month: string; count: number; valueMinor: number };

function monthTotals(
  rows: { month: string; count: Count; value: Count }[],
): Map<string, MonthTotal> {
  return new Map(
    rows.map((row) => [
      row.month,
      { month: row.month, count: Number(row.count), valueMinor: Number(row.value) },
    ]),
  );
}

/** Per close month ('2026-03'): won deals closed in the period and their converted revenue. */
export async function readWonByMonth(
  db: Executor,
  report: ReportScope,
  period: Period,
): Promise<Map<string, MonthTotal>> {
  const rows = await queryRows<{ month: string; count: Count; value: Count }>(
    db,
    sql`select to_char(o.closed_on, 'YYYY-MM') as month, count(*) as count,
        coalesce(sum(${convertedMinor}), 0) as value
      ${dealsFrom(report)} and ${wonWithDateInSql(period)}
      group by 1`,
  );
  return monthTotals(rows);
}

/** Per creation month: the deals created in the period (any stage) and their converted value. */
export async function readCreatedByMonth(
  db: Executor,
  report: ReportScope,
  period: Period,
): Promise<Map<string, MonthTotal>> {
  const rows = await queryRows<{ month: string; count: Count; value: Count }>(
    db,
    sql`select to_char(o.created_on, 'YYYY-MM') as month, count(*) as count,
        coalesce(sum(${convertedMinor}), 0) as value
      ${dealsFrom(report)} and ${inPeriodSql(sql`o.created_on`, period)}
      group by 1`,
  );
  return monthTotals(rows);
}

export type OpenDealFlags = { staleCount: number; slippingCount: number; dueMinor: number };

/** Open deals: how many are stale and slipping today, and the converted value due in `due`. */
export async function readOpenDealFlags(
  db: Executor,
  report: ReportScope,
  due: Period,
): Promise<OpenDealFlags> {
  const [row] = await queryRows<{ stale: Count; slipping: Count; due: Count }>(
    db,
    sql`select count(*) filter (where ${isStaleSql(report.today)}) as stale,
        count(*) filter (where ${isSlippingSql}) as slipping,
        coalesce(sum(${convertedMinor}) filter (where ${inPeriodSql(sql`o.expected_close_on`, due)}), 0)
          as due
      ${dealsFrom(report)} and s.kind = 'open'`,
  );
  return {
    staleCount: Number(row?.stale ?? 0),
    slippingCount: Number(row?.slipping ?? 0),
    dueMinor: Number(row?.due ?? 0),
  };
}

export type WonByDimension = keyof OrganisationDashboard['wonBy'];

export type WonByGroupRow = {
  dimension: WonByDimension;
  /** The product's, segment's or territory's id, or the account's status; '' for none. */
  id: string;
  name: string | null;
  won: number;
  wonRevenueMinor: number;
};

/**
 * Won deals closed in the period, by product, by the account's segment, by the owner's territory
 * and by the account's status, in one pass (grouping sets): count, and converted revenue.
 */
export async function readWonBy(
  db: Executor,
  report: ReportScope,
  period: Period,
): Promise<WonByGroupRow[]> {
  const rows = await queryRows<{
    dimension: WonByDimension;
    id: string;
    name: string | null;
    won: Count;
    revenue: Count;
  }>(
    db,
    sql`select case when grouping(o.product_id) = 0 then 'product'
          when grouping(ac.segment_id) = 0 then 'segment'
          when grouping(u.territory_id) = 0 then 'territory' else 'customerType' end as dimension,
        case when grouping(o.product_id) = 0 then coalesce(o.product_id::text, '')
          when grouping(ac.segment_id) = 0 then coalesce(ac.segment_id::text, '')
          when grouping(u.territory_id) = 0 then coalesce(u.territory_id::text, '')
          else coalesce(ac.status, '') end as id,
        case when grouping(o.product_id) = 0 then min(p.name)
          when grouping(ac.segment_id) = 0 then min(sg.name)
          when grouping(u.territory_id) = 0 then min(t.name) end as name,
        count(*) as won, coalesce(sum(${convertedMinor}), 0) as revenue
      ${dealsFrom(report)} and ${wonWithDateInSql(period)}
      group by grouping sets ((o.product_id), (ac.segment_id), (u.territory_id), (ac.status))`,
  );
  return rows.map((row) => ({
    dimension: row.dimension,
    id: row.id,
    name: row.name,
    won: Number(row.won),
    wonRevenueMinor: Number(row.revenue),
  }));
}

/** The manager of each of the organisation's users (users, not deals: a few thousand rows at most). */
export async function readManagerIds(
  db: Executor,
  orgId: string,
): Promise<Map<string, string | null>> {
  const rows = await queryRows<{ id: string; managerId: string | null }>(
    db,
    sql`select id::text as id, manager_id::text as "managerId" from users where org_id = ${orgId}`,
  );
  return new Map(rows.map((row) => [row.id, row.managerId]));
}

/** The organisation's segments with their names. */
export async function readSegmentNames(db: Executor, orgId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id::text as id, name from segments where org_id = ${orgId}`,
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}
