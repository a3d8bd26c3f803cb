import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';
import { opportunityFilterSql, type ScopeFilters } from './dashboard-filters';
import { convertedAmountJoin, convertedMinor } from './money';
import type { OwnerScope } from './scope';
import type { StageKind } from '../../domain/opportunity';
import type { Period } from '../../domain/opportunity';
import type { UnconvertedMoney } from '../../domain/exchange-rates';
import type { ReportGroup } from '../../schemas/reports';

// The KPI reports' aggregates (STYLE.md, "KPIs: the database adds up"): each function is one
// grouped statement that answers one row per group (rep, product, manager, territory), grouped by
// id and shown by name, filtered by period and scoped to the caller's owners in SQL. The domain's
// KPI functions stay the definitions; reports.property.test.ts holds each query to them. Money is
// in the organisation's currency (./money.ts); deals without a rate are left out of the sums and
// counted per currency by `readUnconvertedByGroup`.

/** One group of a report: its id (two reps named alike are two groups) and the name shown. */
export type ReportGroupKey = { id: string; name: string };

type Count = number | string | bigint;

/** The id and the display name a row of `by` belongs to; null: the whole organisation. */
function groupColumns(by: ReportGroup | null, hasProduct: boolean): { id: SQL; name: SQL } {
  switch (by) {
    case null:
      return { id: sql`''`, name: sql`''` };
    case 'rep':
      return { id: sql`u.id::text`, name: sql`u.name` };
    case 'product':
      return hasProduct
        ? {
            id: sql`coalesce(o.product_id::text, '')`,
            name: sql`case when o.product_id is null then '(no product)' else coalesce(p.name, '') end`,
          }
        : { id: sql`''`, name: sql`'(no product)'` };
    case 'manager':
      return { id: sql`coalesce(m.id::text, '')`, name: sql`coalesce(m.name, '(no manager)')` };
    case 'territory':
      return { id: sql`coalesce(t.id::text, '')`, name: sql`coalesce(t.name, '(no territory)')` };
  }
}

/** `and <owner> in (scope)`: nothing for the whole organisation, no row for an empty scope. */
export function ownerCondition(owner: SQL, scope: OwnerScope): SQL {
  if (scope === null) return sql``;
  if (scope.length === 0) return sql`and false`;
  return sql`and ${owner} in (${sql.join(
    scope.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/** A closed date range on `column` (both ends included); no period is every date, null too. */
export function inPeriodSql(column: SQL, period: Period | undefined): SQL {
  return period ? sql`(${column} between ${period.from}::date and ${period.to}::date)` : sql`true`;
}

/** The organisation's opportunities with their stage, owner, manager, territory, product and converted amount. */
function opportunitiesFrom(
  { orgId, today, scope, filters }: ReportScope,
  { converted = true }: { converted?: boolean } = {},
): SQL {
  return sql`from opportunities o
      join stages s on s.org_id = o.org_id and s.id = o.stage_id
      join users u on u.org_id = o.org_id and u.id = o.owner_id
      left join users m on m.org_id = u.org_id and m.id = u.manager_id
      left join territories t on t.org_id = u.org_id and t.id = u.territory_id
      left join products p on p.org_id = o.org_id and p.id = o.product_id
      ${converted ? convertedAmountJoin(today) : sql``}
      where o.org_id = ${orgId} ${ownerCondition(sql`o.owner_id`, scope)}
        ${filters ? sql`and ${opportunityFilterSql(filters)}` : sql``}`;
}

export type ReportScope = {
  orgId: string;
  today: string;
  scope: OwnerScope;
  /** The dashboards' filters on the deals (team, rep, segment, product, territory). */
  filters?: ScopeFilters | undefined;
};

/**
 * Per group, the deals that `where` picks and have no rate: count and own amount per currency.
 * Groups without any are absent from the map.
 */
export async function readUnconvertedByGroup(
  db: Executor,
  report: ReportScope,
  by: ReportGroup | null,
  where: SQL,
): Promise<Map<string, UnconvertedMoney[]>> {
  const group = groupColumns(by, true);
  const rows = await queryRows<{ id: string; currency: string; count: Count; amount: Count }>(
    db,
    sql`select ${group.id} as id, o.currency, count(*) as count, sum(o.amount_minor) as amount
      ${opportunitiesFrom(report)} and ${convertedMinor} is null and ${where}
      group by 1, 2 order by 1, 2`,
  );
  const byGroup = new Map<string, UnconvertedMoney[]>();
  for (const row of rows) {
    const list = byGroup.get(row.id) ?? [];
    list.push({
      currency: row.currency,
      count: Number(row.count),
      amountMinor: Number(row.amount),
    });
    byGroup.set(row.id, list);
  }
  for (const list of byGroup.values()) list.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return byGroup;
}

/** Won and lost deals closed in the period, as domain/win-rate.ts counts them. */
export function closedInSql(period: Period | undefined): SQL {
  return inPeriodSql(sql`o.closed_on`, period);
}

/** Won deals with a close date in the period (those an average or a sum of won revenue dates). */
export function wonWithDateInSql(period: Period | undefined): SQL {
  return sql`s.kind = 'won' and o.closed_on is not null and ${closedInSql(period)}`;
}

export type WinRateGroupRow = ReportGroupKey & {
  won: number;
  lost: number;
  /** Won deals in the period that have a rate, and their converted sum. */
  wonConverted: number;
  wonRevenueMinor: number;
  medianCycleDays: number | null;
  /** The won deals with a close date in the period that have no rate, per currency. */
  unconverted: UnconvertedMoney[];
};

/**
 * Per group: won and lost in the period, converted won revenue, median cycle of won deals, and
 * the won deals without a rate per currency. Only the deals closed in the period are converted
 * and added up (grouping sets: the totals and the currencies in one pass); the groups, a group
 * without a deal closed in the period included, come from every deal, unconverted.
 */
export async function readWinRateGroups(
  db: Executor,
  report: ReportScope,
  by: ReportGroup | null,
  period: Period | undefined,
): Promise<WinRateGroupRow[]> {
  const group = groupColumns(by, true);
  const closedIn = closedInSql(period);
  const rows = await queryRows<{
    id: string;
    name: string;
    noRateCurrency: string | null;
    bySet: 'total' | 'currency' | null;
    won: Count | null;
    lost: Count | null;
    wonConverted: Count | null;
    wonRevenue: Count | null;
    medianCycleDays: number | string | null;
    count: Count | null;
    ownAmount: Count | null;
  }>(
    db,
    sql`with closed as (
        select id, "noRateCurrency",
          case when grouping("noRateCurrency") = 0 then 'currency' else 'total' end as "bySet",
          count(*) filter (where won) as won,
          count(*) filter (where lost) as lost,
          count(*) filter (where won and converted is not null) as "wonConverted",
          coalesce(sum(converted) filter (where won), 0) as "wonRevenue",
          percentile_cont(0.5) within group (order by "cycleDays") filter (where "wonDated")
            as "medianCycleDays",
          count(*) as count, coalesce(sum("ownAmount"), 0) as "ownAmount"
        from (select ${group.id} as id, s.kind = 'won' as won, s.kind = 'lost' as lost,
            ${wonWithDateInSql(period)} as "wonDated", o.closed_on - o.created_on as "cycleDays",
            ${convertedMinor} as converted, o.amount_minor as "ownAmount",
            case when ${convertedMinor} is null and ${wonWithDateInSql(period)} then o.currency end
              as "noRateCurrency"
          ${opportunitiesFrom(report)} and s.kind <> 'open' and ${closedIn}) deals
        group by grouping sets ((id), (id, "noRateCurrency"))),
      groups as (
        select ${group.id} as id, min(${group.name}) as name
        ${opportunitiesFrom(report, { converted: false })}
        group by 1)
      select g.id, g.name, c."noRateCurrency", c."bySet", c.won, c.lost, c."wonConverted",
        c."wonRevenue", c."medianCycleDays", c.count, c."ownAmount"
      from groups g left join closed c on c.id = g.id`,
  );
  const groups = new Map<string, WinRateGroupRow>();
  const unconverted: { id: string; money: UnconvertedMoney }[] = [];
  for (const row of rows) {
    if (row.bySet !== 'currency') {
      groups.set(row.id, {
        id: row.id,
        name: row.name,
        won: Number(row.won ?? 0),
        lost: Number(row.lost ?? 0),
        wonConverted: Number(row.wonConverted ?? 0),
        wonRevenueMinor: Number(row.wonRevenue ?? 0),
        medianCycleDays: row.medianCycleDays === null ? null : Number(row.medianCycleDays),
        unconverted: [],
      });
    } else if (row.noRateCurrency !== null) {
      unconverted.push({
        id: row.id,
        money: {
          currency: row.noRateCurrency,
          count: Number(row.count ?? 0),
          amountMinor: Number(row.ownAmount ?? 0),
        },
      });
    }
  }
  for (const { id, money } of unconverted) groups.get(id)?.unconverted.push(money);
  for (const target of groups.values())
    target.unconverted.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return [...groups.values()];
}

export type ReportStageRow = {
  id: string;
  name: string;
  order: number;
  winProbability: number;
  kind: StageKind;
};

export async function readStages(db: Executor, orgId: string): Promise<ReportStageRow[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    position: number;
    probability: number;
    kind: ReportStageRow['kind'];
  }>(
    db,
    sql`select id, name, position, probability_percent as probability, kind
      from stages where org_id = ${orgId} order by position`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    order: Number(row.position),
    winProbability: Number(row.probability) / 100,
    kind: row.kind,
  }));
}

export type PipelineGroupRow = ReportGroupKey & {
  openCount: number;
  openValueMinor: number;
  /** Σ converted amount × stage win probability, not yet rounded. */
  weightedValue: number;
  ageDaysSum: number;
  byStage: Map<string, { count: number; valueMinor: number }>;
  /** The open deals without a rate (left out of the values), per currency. */
  unconverted: UnconvertedMoney[];
};

/**
 * Per group with open deals: count, converted value, weighted value, total age, per stage, and
 * the deals without a rate per currency, in one pass over the open deals.
 */
export async function readPipelineGroups(
  db: Executor,
  report: ReportScope,
  by: ReportGroup | null,
): Promise<PipelineGroupRow[]> {
  const group = groupColumns(by, true);
  const amount = sql`coalesce(${convertedMinor}, 0)`;
  // Grouping sets give the group's totals, its stages and its currencies in one pass. The
  // weighted sum is in float8 in the deals' id order, as domain/pipeline.ts adds it, so both
  // round alike.
  const rows = await queryRows<{
    id: string;
    name: string;
    stageId: string | null;
    currency: string | null;
    bySet: 'total' | 'stage' | 'currency';
    count: Count;
    value: Count;
    weighted: number | string;
    ageDays: Count;
    noRateCount: Count;
    noRateAmount: Count;
  }>(
    db,
    sql`select id, min(name) as name, "stageId", currency,
        case when grouping("stageId") = 0 then 'stage' when grouping(currency) = 0 then 'currency'
          else 'total' end as "bySet",
        count(*) as count, coalesce(sum(amount), 0) as value,
        coalesce(sum(amount::float8 * (probability::float8 / 100) order by "dealId"), 0) as weighted,
        coalesce(sum(${report.today}::date - "createdOn"), 0) as "ageDays",
        count(*) filter (where "noRate") as "noRateCount",
        coalesce(sum("ownAmount") filter (where "noRate"), 0) as "noRateAmount"
      from (select ${group.id} as id, ${group.name} as name, o.stage_id::text as "stageId",
          o.id as "dealId", ${amount} as amount, s.probability_percent as probability,
          o.created_on as "createdOn", o.currency, o.amount_minor as "ownAmount",
          ${convertedMinor} is null as "noRate"
        ${opportunitiesFrom(report)} and s.kind = 'open') open
      group by grouping sets ((id), (id, "stageId"), (id, currency))`,
  );
  const groups = new Map<string, PipelineGroupRow>();
  const groupOf = (id: string, name: string) => {
    const known = groups.get(id);
    if (known) return known;
    const created: PipelineGroupRow = {
      id,
      name,
      openCount: 0,
      openValueMinor: 0,
      weightedValue: 0,
      ageDaysSum: 0,
      byStage: new Map(),
      unconverted: [],
    };
    groups.set(id, created);
    return created;
  };
  for (const row of rows) {
    const target = groupOf(row.id, row.name);
    if (row.bySet === 'total') {
      target.openCount = Number(row.count);
      target.openValueMinor = Number(row.value);
      target.weightedValue = Number(row.weighted);
      target.ageDaysSum = Number(row.ageDays);
    } else if (row.bySet === 'stage' && row.stageId !== null) {
      target.byStage.set(row.stageId, { count: Number(row.count), valueMinor: Number(row.value) });
    } else if (row.currency !== null && Number(row.noRateCount) > 0) {
      target.unconverted.push({
        currency: row.currency,
        count: Number(row.noRateCount),
        amountMinor: Number(row.noRateAmount),
      });
    }
  }
  for (const target of groups.values())
    target.unconverted.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return [...groups.values()];
}

export type ConversionCountRow = {
  ownerId: string;
  ownerName: string;
  productId: string;
  productName: string;
  won: number;
  closed: number;
};

/** Per rep × product: deals of a product won and closed in the period (domain/conversion-outliers.ts). */
export async function readConversionCounts(
  db: Executor,
  report: ReportScope,
  period: Period | undefined,
): Promise<ConversionCountRow[]> {
  const rows = await queryRows<{
    ownerId: string;
    ownerName: string;
    productId: string;
    productName: string;
    won: Count;
    closed: Count;
  }>(
    db,
    sql`select u.id::text as "ownerId", min(u.name) as "ownerName", o.product_id::text as "productId",
        coalesce(min(p.name), '') as "productName",
        count(*) filter (where s.kind = 'won') as won, count(*) as closed
      ${opportunitiesFrom(report)}
        and s.kind <> 'open' and o.product_id is not null and o.closed_on is not null
        and ${closedInSql(period)}
      group by 1, 3`,
  );
  return rows.map((row) => ({ ...row, won: Number(row.won), closed: Number(row.closed) }));
}

export type AttainmentGroupRow = ReportGroupKey & {
  wonToDateMinor: number;
  /** The reps whose deals are in the group (a manager's or territory's target is theirs). */
  ownerIds: string[];
  /** The deals won in `yearToDate` that have no rate, per currency. */
  unconverted: UnconvertedMoney[];
};

/**
 * Per group with any deal: converted revenue won in `yearToDate`, the won deals without a rate
 * per currency, and the group's owners.
 */
export async function readAttainmentGroups(
  db: Executor,
  report: ReportScope,
  by: ReportGroup | null,
  yearToDate: Period,
): Promise<AttainmentGroupRow[]> {
  const group = groupColumns(by, true);
  // The groups and their owners come from every deal, unconverted, grouped by owner first (a
  // distinct aggregate sorted every deal); only the deals won in the period are converted (the
  // conversion is most of a statement's cost), per currency so that those without a rate are
  // counted in the same pass.
  const rows = await queryRows<{
    id: string;
    name: string;
    won: Count;
    ownerIds: string[];
    unconverted: { currency: string; count: Count; amountMinor: Count }[];
  }>(
    db,
    sql`with won_by_currency as (
        select ${group.id} as id, o.currency, sum(${convertedMinor}) as won,
          count(*) filter (where ${convertedMinor} is null) as "noRateCount",
          sum(o.amount_minor) filter (where ${convertedMinor} is null) as "noRateAmount"
        ${opportunitiesFrom(report)} and ${wonWithDateInSql(yearToDate)}
        group by 1, 2),
      won as (
        select id, sum(won) as won,
          coalesce(jsonb_agg(jsonb_build_object('currency', currency, 'count', "noRateCount",
            'amountMinor', "noRateAmount") order by currency) filter (where "noRateCount" > 0),
            '[]'::jsonb) as unconverted
        from won_by_currency group by 1),
      group_owners as (
        select ${group.id} as id, min(${group.name}) as name, o.owner_id::text as owner
        ${opportunitiesFrom(report, { converted: false })}
        group by 1, 3),
      groups as (
        select id, min(name) as name, array_agg(owner order by owner) as "ownerIds"
        from group_owners group by 1)
      select g.id, g.name, coalesce(w.won, 0) as won, g."ownerIds",
        coalesce(w.unconverted, '[]'::jsonb) as unconverted
      from groups g left join won w on w.id = g.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    wonToDateMinor: Number(row.won),
    ownerIds: row.ownerIds,
    unconverted: row.unconverted
      .map((money) => ({
        currency: money.currency,
        count: Number(money.count),
        amountMinor: Number(money.amountMinor),
      }))
      .sort((a, b) => (a.currency < b.currency ? -1 : 1)),
  }));
}

export type ActivityGroupRow = ReportGroupKey & {
  activityType: string;
  /** On the calendar (planned or done) up to `weekEnd`. */
  planned: number;
  done: number;
};

/**
 * Per group × activity type, over the activities in the period: how many are on the calendar and
 * how many are done up to `weekEnd` (the last day of today's ISO week, as activity-progress.ts
 * counts to date). Activities have no product: by product is one group.
 */
export async function readActivityGroups(
  db: Executor,
  report: Omit<ReportScope, 'today'>,
  by: ReportGroup,
  period: Period | undefined,
  weekEnd: string,
): Promise<ActivityGroupRow[]> {
  const group = groupColumns(by, false);
  const toDate = sql`a.occurs_on <= ${weekEnd}::date`;
  const rows = await queryRows<{
    id: string;
    name: string;
    activityType: string;
    planned: Count;
    done: Count;
  }>(
    db,
    sql`select ${group.id} as id, min(${group.name}) as name, a.type as "activityType",
        count(*) filter (where ${toDate}) as planned,
        count(*) filter (where ${toDate} and a.status = 'done') as done
      from activities a
      join users u on u.org_id = a.org_id and u.id = a.owner_id
      left join users m on m.org_id = u.org_id and m.id = u.manager_id
      left join territories t on t.org_id = u.org_id and t.id = u.territory_id
      where a.org_id = ${report.orgId} ${ownerCondition(sql`a.owner_id`, report.scope)}
        and ${inPeriodSql(sql`a.occurs_on`, period)}
      group by 1, 3`,
  );
  return rows.map((row) => ({
    ...row,
    planned: Number(row.planned),
    done: Number(row.done),
  }));
}
