import { type SQL, sql } from 'drizzle-orm';
import { SLIPPING_AFTER_MOVES, STALE_AFTER_DAYS } from '../../domain/pipeline';

// The pipeline's flags (DOMAIN.md, "KPIs"; domain/pipeline.ts isStale, isOverdue, countSlips) as SQL
// conditions on `opportunities o` joined to `stages s`, written once for the dashboards and the
// opportunity list's filters, so a count on a dashboard and the list it opens agree.

/** The day of the deal's last done activity, or null. */
export const lastActivityOnSql = sql`(select max(a.occurs_on) from activities a
  where a.org_id = o.org_id and a.opportunity_id = o.id and a.status = 'done')`;

/** Open, and past its expected close. */
export function isOverdueSql(today: string): SQL {
  return sql`(s.kind = 'open' and o.expected_close_on < ${today}::date)`;
}

/** Open, and no done activity for more than 30 days (since creation when none), or past its expected close. */
export function isStaleSql(today: string): SQL {
  return sql`((s.kind = 'open' and
    ${today}::date - coalesce(${lastActivityOnSql}, o.created_on) > ${STALE_AFTER_DAYS})
    or ${isOverdueSql(today)})`;
}

/** How many times the expected close moved to a later date. */
export const slipCountSql = sql`(select count(*) from opportunity_close_date_changes c
  where c.org_id = o.org_id and c.opportunity_id = o.id
    and c.from_date is not null and c.to_date > c.from_date)`;

/** Open, and the expected close moved later three or more times. */
export const isSlippingSql = sql`(s.kind = 'open' and ${slipCountSql} >= ${SLIPPING_AFTER_MOVES})`;

/** The deal has a deal plan. */
export const hasDealPlanSql = sql`exists (select 1 from deal_plans dp
  where dp.org_id = o.org_id and dp.opportunity_id = o.id)`;
