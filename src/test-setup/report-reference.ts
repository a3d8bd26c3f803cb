import { eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client';
import { convertedAmountJoin, convertedMinor } from '../db/queries/money';
import { readStages } from '../db/queries/reports';
import { stages } from '../db/schema';
import type { AccountStatus } from '../domain/account';
import type { ActivityStatus } from '../domain/activity';
import { activityProgress } from '../domain/activity-progress';
import { attainmentToDate } from '../domain/attainment';
import { fiscalYearOf, fiscalYearPeriod, fiscalYearStartOf, isoWeekOf } from '../domain/calendar';
import { findConversionOutliers } from '../domain/conversion-outliers';
import { countUnconverted, type UnconvertedMoney } from '../domain/exchange-rates';
import {
  groupRows,
  isInPeriod,
  type OpportunityOutcome,
  type Period,
  type StageKind,
} from '../domain/opportunity';
import { summarisePipelineByGroup } from '../domain/pipeline';
import { flatWeights, weightTargetBySeasonality } from '../domain/seasonality';
import { averageWonDeal, medianCycleDays, winRate } from '../domain/win-rate';
import type { ReportGroup } from '../schemas/reports';
import { namedOutliers, type Organisation, type ReportQuery } from '../services/reports';
import { createOrganisation } from '../services/organisations';
import { loadComputedStrategy } from '../services/strategy-cascade';

// Tests only: the KPI reports as the domain's functions compute them over the raw rows, one per
// deal and per activity (the reports' former implementation). The SQL reports of
// services/reports.ts must answer the same (services/reports.property.test.ts).

export type ReportOpportunityRow = {
  id: string;
  ownerId: string;
  productId: string;
  accountId: string;
  /** The deal's own amount, in `currency`. */
  amountMinor: number;
  currency: string;
  /** The amount in the organisation's currency; null when `currency` has no rate. */
  convertedMinor: number | null;
  stageId: string;
  createdOn: string;
  expectedClose: string | null;
  closedOn: string | null;
  outcome: OpportunityOutcome | null;
  ownerName: string;
  productName: string | null;
  managerId: string | null;
  managerName: string | null;
  territoryId: string | null;
  territoryName: string | null;
  lastActivityOn: string | null;
  hasNextStep: boolean;
  /** The account's segment and status; null without an account (or a segment). */
  segmentId: string | null;
  accountStatus: AccountStatus | null;
};

type RawOpportunity = Omit<ReportOpportunityRow, 'amountMinor' | 'convertedMinor' | 'outcome'> & {
  amountMinor: number | string | bigint;
  convertedMinor: number | string | bigint | null;
  kind: StageKind;
};

/**
 * The organisation's opportunities with owner, product, manager and territory, each amount also
 * converted into the organisation's currency (open deals at the rate of `today`'s month).
 */
export async function readOpportunityRows(
  db: Executor,
  orgId: string,
  today: string,
): Promise<ReportOpportunityRow[]> {
  const rows = await queryRows<RawOpportunity>(
    db,
    sql`select o.id, o.owner_id as "ownerId", coalesce(o.product_id::text, '') as "productId",
        coalesce(o.account_id::text, '') as "accountId", o.amount_minor as "amountMinor",
        o.currency, ${convertedMinor} as "convertedMinor",
        o.stage_id as "stageId", o.created_on::text as "createdOn",
        o.expected_close_on::text as "expectedClose", o.closed_on::text as "closedOn", s.kind,
        u.name as "ownerName", p.name as "productName", m.id as "managerId",
        m.name as "managerName", t.id as "territoryId", t.name as "territoryName", o.next_step is not null and o.next_step <> '' as "hasNextStep",
        ac.segment_id::text as "segmentId", ac.status as "accountStatus",
        (select max(a.occurs_on)::text from activities a
          where a.org_id = o.org_id and a.opportunity_id = o.id and a.status = 'done') as "lastActivityOn"
      from opportunities o
      join stages s on s.org_id = o.org_id and s.id = o.stage_id
      join users u on u.org_id = o.org_id and u.id = o.owner_id
      left join users m on m.org_id = u.org_id and m.id = u.manager_id
      left join territories t on t.org_id = u.org_id and t.id = u.territory_id
      left join products p on p.org_id = o.org_id and p.id = o.product_id
      left join accounts ac on ac.org_id = o.org_id and ac.id = o.account_id
      ${convertedAmountJoin(today)}
      where o.org_id = ${orgId}
      order by o.id`,
  );
  return rows.map(({ kind, amountMinor, convertedMinor: converted, ...row }) => ({
    ...row,
    amountMinor: Number(amountMinor),
    convertedMinor: converted === null ? null : Number(converted),
    outcome: kind === 'open' ? null : kind,
  }));
}

export type ReportActivityRow = {
  ownerId: string;
  activityType: string;
  status: ActivityStatus;
  occursOn: string;
  ownerName: string;
  managerId: string | null;
  managerName: string | null;
  territoryId: string | null;
  territoryName: string | null;
};

export async function readActivityRows(db: Executor, orgId: string): Promise<ReportActivityRow[]> {
  return queryRows<ReportActivityRow>(
    db,
    sql`select a.owner_id as "ownerId", a.type as "activityType", a.status,
        a.occurs_on::text as "occursOn", u.name as "ownerName", m.id as "managerId",
        m.name as "managerName", t.id as "territoryId", t.name as "territoryName"
      from activities a
      join users u on u.org_id = a.org_id and u.id = a.owner_id
      left join users m on m.org_id = u.org_id and m.id = u.manager_id
      left join territories t on t.org_id = u.org_id and t.id = u.territory_id
      where a.org_id = ${orgId}`,
  );
}

type Grouped = Pick<
  ReportOpportunityRow,
  'ownerId' | 'ownerName' | 'managerId' | 'managerName' | 'territoryId' | 'territoryName'
> & { productId?: string; productName?: string | null };

/** The group a row belongs to: grouped by id (two reps named alike are two groups), shown by name. */
function groupOf(row: Grouped, by: ReportGroup): { id: string; name: string } {
  switch (by) {
    case 'rep':
      return { id: row.ownerId, name: row.ownerName };
    case 'product':
      return row.productId
        ? { id: row.productId, name: row.productName ?? '' }
        : { id: '', name: '(no product)' };
    case 'manager':
      return { id: row.managerId ?? '', name: row.managerName ?? '(no manager)' };
    case 'territory':
      return { id: row.territoryId ?? '', name: row.territoryName ?? '(no territory)' };
  }
}

/** Groups by id, then orders the groups by name (and id, for names shared). */
function groupsBy<Row extends Grouped>(rows: readonly Row[], by: ReportGroup) {
  return groupRows(rows, (row) => groupOf(row, by).id)
    .map(({ key, rows: group }) => ({
      id: key,
      name: group[0] ? groupOf(group[0], by).name : '',
      rows: group,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type Priced = Pick<ReportOpportunityRow, 'amountMinor' | 'currency' | 'convertedMinor'>;

/** The rows with their amounts in the organisation's currency: 0 (left out of sums) without a rate. */
function inOrganisationCurrency<Row extends Priced>(rows: readonly Row[]): Row[] {
  return rows.map((row) => ({ ...row, amountMinor: row.convertedMinor ?? 0 }));
}

/** The deals among `rows` that have no rate, counted per currency with their own amounts. */
function unconvertedOf(rows: readonly Priced[]): UnconvertedMoney[] {
  return countUnconverted(
    rows.map((row) => ({
      currency: row.currency,
      amountMinor: row.amountMinor,
      hasRate: row.convertedMinor !== null,
    })),
  );
}

const isWonIn = (period: Period | undefined) => (row: ReportOpportunityRow) =>
  row.outcome === 'won' && isInPeriod(row.closedOn, period);

export function winRateReport(
  rows: readonly ReportOpportunityRow[],
  by: ReportGroup,
  period?: Period,
) {
  return groupsBy(rows, by).map(({ id, name, rows: group }) => {
    const rate = winRate(group, period);
    // The average is over the won deals that have a rate: the others have no known value here.
    const average = averageWonDeal(
      inOrganisationCurrency(group.filter((row) => row.convertedMinor !== null)),
      period,
    );
    return {
      id,
      name,
      won: rate.won,
      lost: rate.lost,
      winRate: rate.winRate,
      wonRevenue: average.wonRevenueMinor,
      averageWonDeal: average.averageMinor,
      medianCycleDays: medianCycleDays(group, period).medianDays,
      unconverted: unconvertedOf(group.filter(isWonIn(period))),
    };
  });
}

export function outlierReport(rows: readonly ReportOpportunityRow[], period?: Period) {
  const closed = rows.filter((row) => row.productId !== '' && isInPeriod(row.closedOn, period));
  const reps = new Map(closed.map((row) => [row.ownerId, row.ownerName]));
  const products = new Map(closed.map((row) => [row.productId, row.productName ?? '']));
  return namedOutliers(findConversionOutliers(closed), reps, products);
}

async function pipelineReport(
  db: Executor,
  orgId: string,
  rows: ReportOpportunityRow[],
  by: ReportGroup,
  today: string,
) {
  const stages = await readStages(db, orgId);
  return groupsBy(rows, by).flatMap(({ id, name, rows: group }) => {
    const pipelineRows = inOrganisationCurrency(group).map((row) => ({
      ...row,
      expectedCloseHistory: [],
      // Quality needs deal plans and their checks; this report does not show it.
      hasDealPlan: false,
      hasErrorFinding: false,
    }));
    const [summary] = summarisePipelineByGroup(pipelineRows, stages, today, () => id);
    if (!summary || summary.openCount === 0) return [];
    return [
      {
        id,
        name,
        openCount: summary.openCount,
        openValue: summary.openValueMinor,
        weightedValue: summary.weightedValueMinor,
        averageAgeDays: summary.averageAgeDays,
        byStage: summary.byStage.map((stage) => ({
          stage: stage.name,
          count: stage.count,
          value: stage.valueMinor,
        })),
        unconverted: unconvertedOf(group.filter((row) => row.outcome === null)),
      },
    ];
  });
}

async function attainmentReport(
  db: Executor,
  org: Organisation,
  rows: ReportOpportunityRow[],
  by: ReportGroup | undefined,
  today: string,
  scope: readonly string[] | null,
) {
  const isVisible = (repId: string) => scope === null || scope.includes(repId);
  const year = fiscalYearOf(today, org.fiscalYearStartMonth);
  const strategy = await loadComputedStrategy(db, org.id, year, today);
  const fiscalYearStart =
    strategy?.fiscalYearStart ?? fiscalYearStartOf(year, org.fiscalYearStartMonth);
  const weights = strategy?.seasonality.weights ?? flatWeights();
  // The organisation's target, or each rep's cascaded one (as rep plans read it); a manager's or
  // a territory's is the sum of its reps'. Products have no target in the cascade.
  const repTargets = new Map(
    strategy?.cascade.reps.filter((r) => isVisible(r.repId)).map((r) => [r.repId, r.targetMinor]) ??
      [],
  );
  const targetOf = (id: string, group: readonly ReportOpportunityRow[]) => {
    if (!strategy) return 0;
    if (!by)
      return scope === null
        ? strategy.row.targetMinor
        : [...repTargets.values()].reduce((sum, target) => sum + target, 0);
    if (by === 'rep') return repTargets.get(id) ?? 0;
    if (by === 'product') return 0;
    const reps = new Set(group.map((row) => row.ownerId));
    return [...reps].reduce((sum, repId) => sum + (repTargets.get(repId) ?? 0), 0);
  };
  const groups = by ? groupsBy(rows, by) : [{ id: org.id, name: org.name, rows }];
  if (by === 'rep' && strategy) {
    // A rep with a target and no deal yet is behind, not absent.
    const shown = new Set(groups.map((group) => group.id));
    const names = new Map(strategy.assignments.map((a) => [a.repId, a.repName]));
    for (const rep of strategy.cascade.reps) {
      if (shown.has(rep.repId) || !isVisible(rep.repId)) continue;
      shown.add(rep.repId);
      groups.push({ id: rep.repId, name: names.get(rep.repId) ?? rep.repId, rows: [] });
    }
    groups.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }
  const yearToDate = { from: fiscalYearPeriod(fiscalYearStart).from, to: today };
  return groups.map(({ id, name, rows: group }) => {
    const result = attainmentToDate({
      rows: inOrganisationCurrency(group),
      monthlyTargets: weightTargetBySeasonality(targetOf(id, group), weights).months,
      fiscalYearStart,
      today,
    });
    return {
      id,
      name,
      wonToDate: result.wonToDateMinor,
      targetToDate: result.targetToDateMinor,
      attainment: result.attainment,
      gap: result.gapMinor,
      unconverted: unconvertedOf(group.filter(isWonIn(yearToDate))),
    };
  });
}

export function activityReport(
  rows: readonly ReportActivityRow[],
  by: ReportGroup,
  today: string,
  period?: Period,
) {
  const inPeriod = rows.filter((row) => isInPeriod(row.occursOn, period));
  return groupsBy(inPeriod, by).flatMap(({ id, name, rows: group }) => {
    // On the calendar (planned or done) is the plan; done is done.
    const weeks = new Map<string, Record<string, number>>();
    for (const row of group) {
      const week = isoWeekOf(row.occursOn);
      const counts = weeks.get(week) ?? {};
      counts[row.activityType] = (counts[row.activityType] ?? 0) + 1;
      weeks.set(week, counts);
    }
    const plan = [...weeks].map(([week, counts]) => ({ week, counts }));
    const done = group
      .filter((row) => row.status === 'done')
      .map((row) => ({ activityType: row.activityType, doneOn: row.occursOn }));
    return activityProgress(plan, done, today).toDate.map((row) => ({ id, name, ...row }));
  });
}

/** Reads the rows in scope and computes one report with the domain's functions. */
export async function buildReferenceReport(
  db: Executor,
  org: Organisation,
  query: ReportQuery,
): Promise<Record<string, unknown>[]> {
  const by = query.by ?? 'rep';
  const scope = query.ownerIds ?? null;
  const isVisible = (row: { ownerId: string }) => scope === null || scope.includes(row.ownerId);
  if (query.kind === 'activity') {
    const activities = (await readActivityRows(db, org.id)).filter(isVisible);
    return activityReport(activities, by, query.today, query.period);
  }
  const rows = (await readOpportunityRows(db, org.id, query.today)).filter(isVisible);
  switch (query.kind) {
    case 'win-rates':
      return winRateReport(rows, by, query.period);
    case 'outliers':
      return outlierReport(rows, query.period);
    case 'pipeline':
      return pipelineReport(db, org.id, rows, by, query.today);
    case 'attainment':
      return attainmentReport(db, org, rows, query.by, query.today, scope);
  }
}

let propertyOrganisations = 0;

/**
 * A fresh EUR organisation for one run of a property test (slugs never repeat in a database),
 * with a lookup of its default stages' ids by name.
 */
export async function createPropertyOrganisation(db: Executor, name: string) {
  propertyOrganisations += 1;
  const org = await createOrganisation(db, {
    slug: `${name.toLowerCase()}-${propertyOrganisations}`,
    name,
    currency: 'EUR',
  });
  const orgStages = await db.select().from(stages).where(eq(stages.orgId, org.id));
  const stageId = (stage: string) => orgStages.find((s) => s.name === stage)?.id ?? '';
  return { org, stageId };
}
