// The SQL floors (STYLE.md, "KPIs"): for each benchmarked route, one hand-written statement that
// computes the same main figure over the same rows (scope, period, conversion at the close
// month's rate), timed through the same driver as the app. A route's time over its floor's is
// what the app adds: its other statements, Node's arithmetic, JSON and HTTP.

export type FloorInput = {
  orgId: string;
  today: string;
  /** The caller's owners (a manager and their team); null: the whole organisation. */
  owners: string[] | null;
  from: string;
  to: string;
  weekEnd: string;
};
export type Floor = { sql: string; params: unknown[] };

/** The amount in the organisation's currency (EUR here), at the rate of the close month. */
const converted = `case when o.currency = 'EUR' then o.amount_minor
  else round(o.amount_minor * (select r.minor_unit_rate from exchange_rates r
    where r.org_id = o.org_id and r.currency = o.currency
      and r.month <= date_trunc('month', case when s.kind <> 'open' and o.closed_on is not null
        then o.closed_on else $2::date end)::date
    order by r.month desc limit 1))::bigint end`;

function deals(input: FloorInput, extra = ''): { from: string; params: unknown[] } {
  const scoped = input.owners ? 'and o.owner_id = any($3::uuid[])' : 'and $3::uuid[] is null';
  return {
    from: `from opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
      where o.org_id = $1 and $2::date is not null ${scoped} ${extra}`,
    params: [input.orgId, input.today, input.owners],
  };
}

export const FLOORS: Record<string, (input: FloorInput) => Floor> = {
  /** Open deals per rep and stage: count, converted value, weighted value. */
  pipeline: (input) => {
    const { from, params } = deals(input, `and s.kind = 'open'`);
    return {
      sql: `select o.owner_id, o.stage_id, count(*), sum(${converted}),
          sum((${converted})::float8 * s.probability_percent / 100), sum($2::date - o.created_on)
        ${from} group by grouping sets ((o.owner_id), (o.owner_id, o.stage_id))`,
      params,
    };
  },
  /**
   * The dashboards' pipeline panel, their heaviest figure: open count, value and weighted value,
   * and the stale (no done activity for 30 days, or past its close) and slipping (moved later
   * three times) counts, per rep.
   */
  'pipeline-flags': (input) => {
    const { from, params } = deals(input, `and s.kind = 'open'`);
    return {
      sql: `select o.owner_id, count(*), sum(${converted}),
          sum((${converted})::float8 * s.probability_percent / 100),
          count(*) filter (where o.expected_close_on < $2::date
            or $2::date - coalesce((select max(a.occurs_on) from activities a
              where a.org_id = o.org_id and a.opportunity_id = o.id and a.status = 'done'),
              o.created_on) > 30),
          count(*) filter (where (select count(*) from opportunity_close_date_changes c
            where c.org_id = o.org_id and c.opportunity_id = o.id and c.to_date > c.from_date) >= 3)
        ${from} group by 1`,
      params,
    };
  },
  /** Won and lost per rep in the period, won revenue, median cycle. */
  'win-rates': (input) => {
    const { from, params } = deals(input, `and s.kind <> 'open' and o.closed_on between $4 and $5`);
    return {
      sql: `select o.owner_id, count(*) filter (where s.kind = 'won'), count(*) filter (where s.kind = 'lost'),
          sum(${converted}) filter (where s.kind = 'won'),
          percentile_cont(0.5) within group (order by o.closed_on - o.created_on) filter (where s.kind = 'won')
        ${from} group by 1`,
      params: [...params, input.from, input.to],
    };
  },
  /** Won and closed per rep and product in the period. */
  outliers: (input) => {
    const { from, params } = deals(
      input,
      `and s.kind <> 'open' and o.product_id is not null and o.closed_on between $4 and $5`,
    );
    return {
      sql: `select o.owner_id, o.product_id, count(*) filter (where s.kind = 'won'), count(*)
        ${from} group by 1, 2`,
      params: [...params, input.from, input.to],
    };
  },
  /** Converted revenue won per rep in the fiscal year to date. */
  attainment: (input) => {
    const { from, params } = deals(input, `and s.kind = 'won' and o.closed_on between $4 and $2`);
    return {
      sql: `select o.owner_id, sum(${converted}) ${from} group by 1`,
      params: [...params, `${input.today.slice(0, 4)}-01-01`],
    };
  },
  /** Activities per rep and type in the period: on the calendar and done up to this week's end. */
  activity: (input) => ({
    sql: `select a.owner_id, a.type, count(*) filter (where a.occurs_on <= $4),
        count(*) filter (where a.occurs_on <= $4 and a.status = 'done')
      from activities a
      where a.org_id = $1 ${input.owners ? 'and a.owner_id = any($2::uuid[])' : 'and $2::uuid[] is null'}
        and a.occurs_on between $3 and $5
      group by 1, 2`,
    params: [input.orgId, input.owners, input.from, input.weekEnd, input.to],
  }),
};
