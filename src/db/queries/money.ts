import { type SQL, sql } from 'drizzle-orm';
import type { UnconvertedMoney } from '../../domain/exchange-rates';
import { type Executor, queryRows } from '../client';

// Every money figure is in the organisation's currency (DOMAIN.md, "Money"). A query over
// `opportunities o` joined to `stages s` adds `convertedAmountJoin(today)` after its joins and
// reads `convertedMinor`: the deal's amount converted at the latest rate at or before its close
// month (open deals, and closed ones without a close date: the month of `today`), rounded half
// up per deal as domain/exchange-rates.ts convertMoney does; null when the currency has no rate.

/** The lateral join that gives `converted.minor`; `today` may be null when only closed deals are read. */
export function convertedAmountJoin(today: string | null): SQL {
  // The organisation is joined once, not looked up per deal; the rate's sub-select runs only for
  // a deal in another currency (CASE evaluates it lazily).
  return sql`join organisations converted_org on converted_org.id = o.org_id
  cross join lateral (
    select case when o.currency = converted_org.currency then o.amount_minor
      else (select round(o.amount_minor * r.minor_unit_rate)::bigint from exchange_rates r
            where r.org_id = o.org_id and r.currency = o.currency
              and r.month <= date_trunc('month', case when s.kind <> 'open' and o.closed_on is not null
                then o.closed_on else ${today}::date end)::date
            order by r.month desc limit 1)
      end as minor
  ) converted`;
}

/** The converted amount (null without a rate), for selects after `convertedAmountJoin`. */
export const convertedMinor = sql`converted.minor`;

export type ConvertedTotal = { totalMinor: number; unconverted: UnconvertedMoney[] };

export const noMoney = (): ConvertedTotal => ({ totalMinor: 0, unconverted: [] });

/**
 * Sums the organisation's deals that match `where` in its currency, per `key`: the converted
 * total, and beside it the deals left out for want of a rate, counted per currency.
 */
export async function sumConvertedBy(
  db: Executor,
  orgId: string,
  {
    key,
    where,
    today,
    joins,
  }: {
    key: SQL;
    where: SQL;
    today: string | null;
    /** More joins after the stage's, for `key` and `where` to read. */
    joins?: SQL;
  },
): Promise<Map<string, ConvertedTotal>> {
  const rows = await queryRows<{
    key: string;
    currency: string;
    has_rate: boolean;
    count: string | number;
    converted_minor: string | number;
    amount_minor: string | number;
  }>(
    db,
    sql`select ${key} as key, o.currency, ${convertedMinor} is not null as has_rate,
          count(*) as count, coalesce(sum(${convertedMinor}), 0) as converted_minor,
          coalesce(sum(o.amount_minor), 0) as amount_minor
        from opportunities o
        join stages s on s.org_id = o.org_id and s.id = o.stage_id
        ${joins ?? sql``}
        ${convertedAmountJoin(today)}
        where o.org_id = ${orgId} and ${where}
        group by 1, 2, 3
        order by 1, 2`,
  );
  const totals = new Map<string, ConvertedTotal>();
  for (const row of rows) {
    const total = totals.get(row.key) ?? noMoney();
    if (row.has_rate) total.totalMinor += Number(row.converted_minor);
    else {
      total.unconverted.push({
        currency: row.currency,
        count: Number(row.count),
        amountMinor: Number(row.amount_minor),
      });
    }
    totals.set(row.key, total);
  }
  return totals;
}

/** The deals left out of several totals, merged per currency (e.g. over every month). */
export function mergeUnconverted(totals: Iterable<ConvertedTotal>): UnconvertedMoney[] {
  const byCurrency = new Map<string, UnconvertedMoney>();
  for (const total of totals) {
    for (const left of total.unconverted) {
      const merged = byCurrency.get(left.currency) ?? { ...left, count: 0, amountMinor: 0 };
      merged.count += left.count;
      merged.amountMinor += left.amountMinor;
      byCurrency.set(left.currency, merged);
    }
  }
  return [...byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
