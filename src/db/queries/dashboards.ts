import { SQL, sql } from 'drizzle-orm';
import type { Period } from '../../domain/opportunity';
import type { RepPlanState } from '../../domain/rep-plan-states';
import { type Executor, queryRows } from '../client';
import { convertedAmountJoin, convertedMinor } from './money';
import {
  hasDealPlanSql,
  isSlippingSql,
  isStaleSql,
  lastActivityOnSql,
  slipCountSql,
} from './pipeline-flags';

// The rep and team dashboards' aggregates (issue #11; STYLE.md, "KPIs: the database adds up"):
// each function is one statement over the reps in `ownerIds`, grouped by rep, so a team of any
// size is one statement, not one per rep. Every statement starts with org_id and names the owners,
// as the (org_id, owner_id, …) indexes of opportunities, activities and action steps want.
// Pipeline totals and win rates come from ./reports.ts; the flags from ./pipeline-flags.ts.

type Count = number | string | bigint;

export type DashboardScope = { orgId: string; today: string; ownerIds: readonly string[] };

/** `column in (ids)`; an empty list matches nothing. */
function ownerIn(column: SQL, ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

const opportunitiesWithStage = sql`from opportunities o
  join stages s on s.org_id = o.org_id and s.id = o.stage_id`;

export type WonMonthRow = {
  ownerId: string;
  /** The close month, '2026-03'. */
  month: string;
  /** The deal's account's segment; null without an account or segment. */
  segmentId: string | null;
  /** Converted revenue won in the month, and the part of it closed up to today. */
  wonMinor: number;
  wonToDateMinor: number;
};

/**
 * Per rep, close month of `year` and account segment: the converted revenue won (deals without a
 * rate left out). The dashboards add the segments up; the rep plan and check-in show them.
 */
export async function readWonByMonth(
  db: Executor,
  { orgId, today, ownerIds }: DashboardScope,
  year: Period,
): Promise<WonMonthRow[]> {
  const rows = await queryRows<{
    ownerId: string;
    month: string;
    segmentId: string | null;
    won: Count;
    toDate: Count;
  }>(
    db,
    sql`select o.owner_id::text as "ownerId", to_char(o.closed_on, 'YYYY-MM') as month,
        acc.segment_id::text as "segmentId",
        coalesce(sum(${convertedMinor}), 0) as won,
        coalesce(sum(${convertedMinor}) filter (where o.closed_on <= ${today}::date), 0) as "toDate"
      ${opportunitiesWithStage}
      left join accounts acc on acc.org_id = o.org_id and acc.id = o.account_id
      ${convertedAmountJoin(today)}
      where o.org_id = ${orgId} and ${ownerIn(sql`o.owner_id`, ownerIds)}
        and s.kind = 'won' and o.closed_on between ${year.from}::date and ${year.to}::date
      group by 1, 2, 3`,
  );
  return rows.map((row) => ({
    ownerId: row.ownerId,
    month: row.month,
    segmentId: row.segmentId,
    wonMinor: Number(row.won),
    wonToDateMinor: Number(row.toDate),
  }));
}

/**
 * Per owner: the average won deal over all time in the organisation's currency (the won deals
 * with a rate, half up), as a CTE `averages(owner_id, average)` for `isWorthADealPlanSql`.
 */
function averagesCte(orgId: string, today: string, owners: readonly string[] | SQL): SQL {
  const ownerCondition =
    owners instanceof SQL ? sql`o.owner_id in (${owners})` : ownerIn(sql`o.owner_id`, owners);
  return sql`averages as (
    select o.owner_id, round(avg(${convertedMinor})) as average
    ${opportunitiesWithStage}
    ${convertedAmountJoin(today)}
    where o.org_id = ${orgId} and ${ownerCondition} and s.kind = 'won'
    group by 1)`;
}

/** domain/pipeline.ts isWorthADealPlan, on `o`, `s`, `converted` and `av` (from `averages`). */
const isWorthADealPlanSql = sql`(s.kind = 'open' and not ${hasDealPlanSql} and (av.average is null
  or (${convertedMinor} is not null and ${convertedMinor} >= av.average)))`;

export type PipelineFlagRow = {
  ownerId: string;
  staleCount: number;
  slippingCount: number;
  needsPlanCount: number;
  /** Converted open value whose expected close is between today and `yearTo`. */
  dueInYearMinor: number;
};

/** Per rep with open deals: stale, slipping and worth-a-plan counts, and the value due in the year. */
export async function readPipelineFlags(
  db: Executor,
  { orgId, today, ownerIds }: DashboardScope,
  yearTo: string,
): Promise<PipelineFlagRow[]> {
  const rows = await queryRows<{
    ownerId: string;
    stale: Count;
    slipping: Count;
    needsPlan: Count;
    due: Count;
  }>(
    db,
    sql`with ${averagesCte(orgId, today, ownerIds)}
      select o.owner_id::text as "ownerId",
        count(*) filter (where ${isStaleSql(today)}) as stale,
        count(*) filter (where ${isSlippingSql}) as slipping,
        count(*) filter (where ${isWorthADealPlanSql}) as "needsPlan",
        coalesce(sum(${convertedMinor}) filter (
          where o.expected_close_on between ${today}::date and ${yearTo}::date), 0) as due
      ${opportunitiesWithStage}
      ${convertedAmountJoin(today)}
      left join averages av on av.owner_id = o.owner_id
      where o.org_id = ${orgId} and ${ownerIn(sql`o.owner_id`, ownerIds)} and s.kind = 'open'
      group by 1`,
  );
  return rows.map((row) => ({
    ownerId: row.ownerId,
    staleCount: Number(row.stale),
    slippingCount: Number(row.slipping),
    needsPlanCount: Number(row.needsPlan),
    dueInYearMinor: Number(row.due),
  }));
}

/**
 * Which of the deals `ids` (the caller has checked they may see them) are worth a deal plan they
 * do not have: the same rule as the dashboards' "deals that need a plan", for a list's Plan column.
 */
export async function readWorthADealPlan(
  db: Executor,
  orgId: string,
  today: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with owners as (
        select distinct o.owner_id from opportunities o
        where o.org_id = ${orgId} and ${ownerIn(sql`o.id`, ids)}),
      ${averagesCte(orgId, today, sql`select owner_id from owners`)}
      select o.id::text as id
      ${opportunitiesWithStage}
      ${convertedAmountJoin(today)}
      left join averages av on av.owner_id = o.owner_id
      where o.org_id = ${orgId} and ${ownerIn(sql`o.id`, ids)} and ${isWorthADealPlanSql}`,
  );
  return new Set(rows.map((row) => row.id));
}

export const DEAL_LISTS = ['stale', 'slipping', 'needsPlan'] as const;
export type DealListKind = (typeof DEAL_LISTS)[number];

export type DealListRow = {
  id: string;
  name: string;
  accountName: string | null;
  /** Converted; null without a rate. */
  amountMinor: number | null;
  expectedCloseOn: string | null;
  createdOn: string;
  lastActivityOn: string | null;
  slipCount: number;
  /** The owner's average won deal (null: none won with a rate). */
  ownerAverageMinor: number | null;
};

export type DealListPage = { total: number; items: DealListRow[] };

/** One rep's open deals of a list: how many, and the first `limit` by converted amount (largest first). */
export async function readDealList(
  db: Executor,
  { orgId, today }: Omit<DashboardScope, 'ownerIds'>,
  repId: string,
  kind: DealListKind,
  limit: number,
): Promise<DealListPage> {
  const condition = {
    stale: isStaleSql(today),
    slipping: isSlippingSql,
    needsPlan: isWorthADealPlanSql,
  }[kind];
  const rows = await queryRows<{
    id: string;
    name: string;
    accountName: string | null;
    amount: Count | null;
    expectedCloseOn: string | null;
    createdOn: string;
    lastActivityOn: string | null;
    slipCount: Count;
    average: Count | null;
    total: Count;
  }>(
    db,
    sql`with ${averagesCte(orgId, today, [repId])},
      listed as (
        select o.id, o.name, acc.name as "accountName", ${convertedMinor} as amount,
          o.expected_close_on::text as "expectedCloseOn", o.created_on::text as "createdOn",
          o.org_id, av.average
        ${opportunitiesWithStage}
        left join accounts acc on acc.org_id = o.org_id and acc.id = o.account_id
        ${convertedAmountJoin(today)}
        left join averages av on av.owner_id = o.owner_id
        where o.org_id = ${orgId} and o.owner_id = ${repId} and s.kind = 'open' and ${condition}),
      page as (select *, count(*) over () as total from listed
        order by amount desc nulls last, id limit ${limit})
      select page.id::text as id, page.name, page."accountName", page.amount, page."expectedCloseOn",
        page."createdOn", page.average, page.total,
        ${lastActivityOnSql}::text as "lastActivityOn", ${slipCountSql} as "slipCount"
      from page join opportunities o on o.org_id = page.org_id and o.id = page.id
      where o.org_id = ${orgId}
      order by page.amount desc nulls last, page.id`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      accountName: row.accountName,
      amountMinor: row.amount === null ? null : Number(row.amount),
      expectedCloseOn: row.expectedCloseOn,
      createdOn: row.createdOn,
      lastActivityOn: row.lastActivityOn,
      slipCount: Number(row.slipCount),
      ownerAverageMinor: row.average === null ? null : Number(row.average),
    })),
  };
}

export type PlannedDealRow = {
  id: string;
  name: string;
  accountName: string | null;
  amountMinor: number | null;
  expectedCloseOn: string | null;
};

/** One rep's open deals that have a deal plan (a rep has few: their checks run in the domain). */
export async function readOpenDealsWithPlan(
  db: Executor,
  { orgId, today }: Omit<DashboardScope, 'ownerIds'>,
  repId: string,
): Promise<PlannedDealRow[]> {
  const rows = await queryRows<PlannedDealRow & { amountMinor: Count | null }>(
    db,
    sql`select o.id::text as id, o.name, acc.name as "accountName", ${convertedMinor} as "amountMinor",
        o.expected_close_on::text as "expectedCloseOn"
      ${opportunitiesWithStage}
      left join accounts acc on acc.org_id = o.org_id and acc.id = o.account_id
      ${convertedAmountJoin(today)}
      where o.org_id = ${orgId} and o.owner_id = ${repId} and s.kind = 'open' and ${hasDealPlanSql}
      order by "amountMinor" desc nulls last, o.id`,
  );
  return rows.map((row) => ({
    ...row,
    amountMinor: row.amountMinor === null ? null : Number(row.amountMinor),
  }));
}

export type DoneActivityRanges = { week: Period; month: Period; toDate: Period };

export type DoneActivityCountRow = {
  ownerId: string;
  activityType: string;
  week: number;
  month: number;
  toDate: number;
};

/** Per rep and activity type: the activities done in this week, this month and the year to date. */
export async function readDoneActivityCounts(
  db: Executor,
  { orgId, ownerIds }: Omit<DashboardScope, 'today'>,
  ranges: DoneActivityRanges,
): Promise<DoneActivityCountRow[]> {
  const within = (period: Period) =>
    sql`a.occurs_on between ${period.from}::date and ${period.to}::date`;
  const bounds = Object.values(ranges);
  const from = bounds.map((p) => p.from).sort()[0] ?? ranges.toDate.from;
  const to = bounds.map((p) => p.to).sort()[bounds.length - 1] ?? ranges.toDate.to;
  const rows = await queryRows<{
    ownerId: string;
    activityType: string;
    week: Count;
    month: Count;
    toDate: Count;
  }>(
    db,
    sql`select a.owner_id::text as "ownerId", a.type as "activityType",
        count(*) filter (where ${within(ranges.week)}) as week,
        count(*) filter (where ${within(ranges.month)}) as month,
        count(*) filter (where ${within(ranges.toDate)}) as "toDate"
      from activities a
      where a.org_id = ${orgId} and ${ownerIn(sql`a.owner_id`, ownerIds)} and a.status = 'done'
        and a.occurs_on between ${from}::date and ${to}::date
      group by 1, 2`,
  );
  return rows.map((row) => ({
    ownerId: row.ownerId,
    activityType: row.activityType,
    week: Number(row.week),
    month: Number(row.month),
    toDate: Number(row.toDate),
  }));
}

export type FunnelActivityRow = {
  ownerId: string;
  /** Opportunities created in the look-back and first meetings held in it. */
  opportunitiesCreated: number;
  firstMeetings: number;
};

/** Per rep: the look-back's opportunities created and first meetings held (the meeting ratio's counts). */
export async function readFunnelActivityCounts(
  db: Executor,
  { orgId, ownerIds }: Omit<DashboardScope, 'today'>,
  lookBack: Period,
): Promise<FunnelActivityRow[]> {
  const rows = await queryRows<{ ownerId: string; created: Count; meetings: Count }>(
    db,
    sql`select "ownerId", sum(created) as created, sum(meetings) as meetings from (
        select o.owner_id::text as "ownerId", count(*) as created, 0 as meetings
        from opportunities o
        where o.org_id = ${orgId} and ${ownerIn(sql`o.owner_id`, ownerIds)}
          and o.created_on between ${lookBack.from}::date and ${lookBack.to}::date
        group by 1
        union all
        select a.owner_id::text, 0, count(*)
        from activities a
        where a.org_id = ${orgId} and ${ownerIn(sql`a.owner_id`, ownerIds)} and a.status = 'done'
          and a.type = 'first_meeting'
          and a.occurs_on between ${lookBack.from}::date and ${lookBack.to}::date
        group by 1) counts
      group by 1`,
  );
  return rows.map((row) => ({
    ownerId: row.ownerId,
    opportunitiesCreated: Number(row.created),
    firstMeetings: Number(row.meetings),
  }));
}

export type PlannedYearlyRow = { repPlanId: string; activityType: string; countPerYear: number };

/**
 * Per rep plan and activity type: the norms summed over the plan's target accounts (domain
 * activity-plan.ts yearlyActivityCounts), for every plan in one statement.
 */
export async function readPlannedYearlyCounts(
  db: Executor,
  orgId: string,
  repPlanIds: readonly string[],
): Promise<PlannedYearlyRow[]> {
  const rows = await queryRows<{ repPlanId: string; activityType: string; count: Count }>(
    db,
    sql`select ta.rep_plan_id::text as "repPlanId", n.activity_type as "activityType",
        sum(n.count_per_year) as count
      from rep_plan_target_accounts ta
      join accounts acc on acc.org_id = ta.org_id and acc.id = ta.account_id
      join segment_norms n on n.org_id = acc.org_id and n.segment_id = acc.segment_id
        and n.account_status = acc.status
      where ta.org_id = ${orgId} and ${ownerIn(sql`ta.rep_plan_id`, repPlanIds)}
      group by 1, 2`,
  );
  return rows.map((row) => ({ ...row, countPerYear: Number(row.count) }));
}

/** The activity types the organisation's norms name (a plan lists each, 0 when no account needs it). */
export async function readNormActivityTypes(db: Executor, orgId: string): Promise<string[]> {
  const rows = await queryRows<{ type: string }>(
    db,
    sql`select distinct activity_type as type from segment_norms where org_id = ${orgId} order by 1`,
  );
  return rows.map((row) => row.type);
}

export type StepRow = {
  id: string;
  opportunityId: string;
  opportunityName: string;
  description: string;
  dueOn: string;
};

/** One rep's open action steps due in [from, to]: how many, and the first `limit` by due date. */
export async function readOpenSteps(
  db: Executor,
  orgId: string,
  repId: string,
  due: { from: string | null; to: string },
  limit: number,
): Promise<{ total: number; items: StepRow[] }> {
  const rows = await queryRows<StepRow & { total: Count }>(
    db,
    sql`select st.id::text as id, st.opportunity_id::text as "opportunityId",
        o.name as "opportunityName", st.what as description, st.due_on::text as "dueOn",
        count(*) over () as total
      from action_steps st
      join opportunities o on o.org_id = st.org_id and o.id = st.opportunity_id
      where st.org_id = ${orgId} and st.owner_id = ${repId} and st.status = 'open'
        and st.due_on <= ${due.to}::date
        ${due.from === null ? sql`` : sql`and st.due_on >= ${due.from}::date`}
      order by st.due_on, o.name, st.position, st.id
      limit ${limit}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map(({ total: _total, ...row }) => row),
  };
}

export type CheckInRow = {
  id: string;
  repPlanId: string;
  repId: string;
  repName: string;
  dueOn: string;
  periodStart: string;
  periodEnd: string;
};

function checkInsDue(orgId: string, repIds: readonly string[]): SQL {
  return sql`select c.id::text as id, c.rep_plan_id::text as "repPlanId", p.rep_id::text as "repId",
      u.name as "repName", c.due_on::text as "dueOn", c.period_start::text as "periodStart",
      c.period_end::text as "periodEnd"
    from check_ins c
    join rep_plans p on p.org_id = c.org_id and p.id = c.rep_plan_id
    join users u on u.org_id = p.org_id and u.id = p.rep_id
    where c.org_id = ${orgId} and c.status = 'due' and ${ownerIn(sql`p.rep_id`, repIds)}`;
}

/** The rep's earliest check-in still due on their plan of `fiscalYear`. */
export async function readNextCheckIn(
  db: Executor,
  orgId: string,
  repId: string,
  fiscalYear: number,
): Promise<CheckInRow | undefined> {
  const [row] = await queryRows<CheckInRow>(
    db,
    sql`${checkInsDue(orgId, [repId])} and p.fiscal_year = ${fiscalYear}
      order by c.due_on, c.id limit 1`,
  );
  return row;
}

/** The reps' check-ins still due before today, of any year, oldest first. */
export async function readOverdueCheckIns(
  db: Executor,
  { orgId, today, ownerIds }: DashboardScope,
): Promise<CheckInRow[]> {
  return queryRows<CheckInRow>(
    db,
    sql`${checkInsDue(orgId, ownerIds)} and c.due_on < ${today}::date
      order by c.due_on, u.name, c.id`,
  );
}

export type TeamMemberRow = { id: string; name: string };

/** The reps whose manager is `managerId` (the team a team dashboard shows), by name. */
export async function readTeamReps(
  db: Executor,
  orgId: string,
  managerId: string,
): Promise<TeamMemberRow[]> {
  return queryRows<TeamMemberRow>(
    db,
    sql`select id::text as id, name from users
      where org_id = ${orgId} and manager_id = ${managerId} and role = 'rep'
      order by name, id`,
  );
}

export type DashboardPlanRow = {
  id: string;
  repId: string;
  state: RepPlanState;
  repSigned: boolean;
  managerSigned: boolean;
  funnelInputs: Record<string, unknown>;
  /** Days in the organisation's time zone: created, last changed, each signature. */
  createdOn: string;
  updatedOn: string;
  repSignedOn: string | null;
  managerSignedOn: string | null;
};

/** The reps' rep plans of `fiscalYear` (at most one each). */
export async function readRepPlansOfYear(
  db: Executor,
  orgId: string,
  repIds: readonly string[],
  fiscalYear: number,
): Promise<DashboardPlanRow[]> {
  return queryRows<DashboardPlanRow>(
    db,
    sql`select p.id::text as id, p.rep_id::text as "repId", p.state,
        p.rep_signed_at is not null as "repSigned",
        p.manager_signed_at is not null as "managerSigned",
        p.funnel_inputs as "funnelInputs",
        (p.created_at at time zone org.time_zone)::date::text as "createdOn",
        (p.updated_at at time zone org.time_zone)::date::text as "updatedOn",
        (p.rep_signed_at at time zone org.time_zone)::date::text as "repSignedOn",
        (p.manager_signed_at at time zone org.time_zone)::date::text as "managerSignedOn"
      from rep_plans p
      join organisations org on org.id = p.org_id
      where p.org_id = ${orgId} and p.fiscal_year = ${fiscalYear}
        and ${ownerIn(sql`p.rep_id`, repIds)}`,
  );
}

export type PlanCheckInsRow = {
  repId: string;
  repPlanId: string;
  lastHeldId: string | null;
  lastHeldOn: string | null;
  nextId: string | null;
  nextDueOn: string | null;
  nextPeriodStart: string | null;
  nextPeriodEnd: string | null;
};

/** Per rep plan of `fiscalYear`: the last check-in held and the earliest still due. */
export async function readPlanCheckIns(
  db: Executor,
  orgId: string,
  repIds: readonly string[],
  fiscalYear: number,
): Promise<PlanCheckInsRow[]> {
  return queryRows<PlanCheckInsRow>(
    db,
    sql`select p.rep_id::text as "repId", p.id::text as "repPlanId",
        held.id::text as "lastHeldId", held.held_on::text as "lastHeldOn",
        due.id::text as "nextId", due.due_on::text as "nextDueOn",
        due.period_start::text as "nextPeriodStart", due.period_end::text as "nextPeriodEnd"
      from rep_plans p
      left join lateral (select c.id, c.held_on from check_ins c
        where c.org_id = p.org_id and c.rep_plan_id = p.id and c.status = 'held'
        order by c.held_on desc, c.id limit 1) held on true
      left join lateral (select c.id, c.due_on, c.period_start, c.period_end from check_ins c
        where c.org_id = p.org_id and c.rep_plan_id = p.id and c.status = 'due'
        order by c.due_on, c.id limit 1) due on true
      where p.org_id = ${orgId} and p.fiscal_year = ${fiscalYear}
        and ${ownerIn(sql`p.rep_id`, repIds)}`,
  );
}
