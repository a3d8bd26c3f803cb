import type { Executor } from '../db/client';
import { findOrganisation, type OrganisationRow } from '../db/queries/organisations';
import {
  type ReportActivityRow,
  type ReportOpportunityRow,
  readActivityRows,
  readExpectedCloseHistory,
  readOpportunityRows,
  readStages,
} from '../db/queries/reports';
import { activityProgress } from '../domain/activity-progress';
import { attainmentToDate } from '../domain/attainment';
import { fiscalYearOf, fiscalYearPeriod, fiscalYearStartOf, isoWeekOf } from '../domain/calendar';
import { findConversionOutliers } from '../domain/conversion-outliers';
import { countUnconverted, type UnconvertedMoney } from '../domain/exchange-rates';
import { groupRows, isInPeriod, type Period } from '../domain/opportunity';
import { summarisePipelineByGroup } from '../domain/pipeline';
import { flatWeights, weightTargetBySeasonality } from '../domain/seasonality';
import { averageWonDeal, medianCycleDays, winRate } from '../domain/win-rate';
import type { ReportGroup, ReportKind } from '../schemas/reports';
import { loadComputedStrategy } from './strategy-cascade';

// The KPI reports of `salesplan report`, computed by the domain core's functions over the
// database's rows. Money is in the organisation's currency (db/queries/money.ts converts each
// deal); a deal whose currency has no rate is left out of the money figures and counted in
// `unconverted`, while it still counts as a deal (win rates, open counts).

export type ReportQuery = {
  kind: ReportKind;
  /** Attainment without a group is the organisation's; the others default to rep. */
  by?: ReportGroup | undefined;
  period?: Period | undefined;
  today: string;
};

export type Organisation = Pick<
  OrganisationRow,
  'id' | 'name' | 'currency' | 'fiscalYearStartMonth' | 'timeZone'
>;

/** The organisation with this slug, or the only one there is. */
export async function findReportOrganisation(
  db: Executor,
  slug: string | undefined,
): Promise<Organisation> {
  return findOrganisation(db, slug);
}

type Grouped = Pick<
  ReportOpportunityRow,
  'ownerId' | 'ownerName' | 'managerId' | 'managerName' | 'territoryId' | 'territoryName'
> & { productId?: string; productName?: string | null };

/** The group a row belongs to: grouped by id (two reps named alike are two groups), shown by name. */
export function groupOf(row: Grouped, by: ReportGroup): { id: string; name: string } {
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
  const named = findConversionOutliers(closed).map((outlier) => ({
    repId: outlier.rep,
    rep: reps.get(outlier.rep) ?? outlier.rep,
    productId: outlier.product,
    product: products.get(outlier.product) ?? outlier.product,
    direction: outlier.direction,
    won: outlier.won,
    closed: outlier.closed,
    restWon: outlier.restWon,
    restClosed: outlier.restClosed,
    winRate: outlier.winRate,
    restWinRate: outlier.restWinRate,
    z: outlier.z,
  }));
  // The domain orders by ids; people read names.
  return named.sort(
    (a, b) =>
      a.product.localeCompare(b.product) ||
      a.rep.localeCompare(b.rep) ||
      (a.repId < b.repId ? -1 : 1),
  );
}

async function pipelineReport(
  db: Executor,
  orgId: string,
  rows: ReportOpportunityRow[],
  by: ReportGroup,
  today: string,
) {
  const [stages, history] = [
    await readStages(db, orgId),
    await readExpectedCloseHistory(db, orgId),
  ];
  return groupsBy(rows, by).flatMap(({ id, name, rows: group }) => {
    const pipelineRows = inOrganisationCurrency(group).map((row) => ({
      ...row,
      expectedCloseHistory: history.get(row.id) ?? [],
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
) {
  const year = fiscalYearOf(today, org.fiscalYearStartMonth);
  const strategy = await loadComputedStrategy(db, org.id, year, today);
  const fiscalYearStart =
    strategy?.fiscalYearStart ?? fiscalYearStartOf(year, org.fiscalYearStartMonth);
  const weights = strategy?.seasonality.weights ?? flatWeights();
  // The organisation's target, or each rep's cascaded one (as rep plans read it); a manager's or
  // a territory's is the sum of its reps'. Products have no target in the cascade.
  const repTargets = new Map(strategy?.cascade.reps.map((r) => [r.repId, r.targetMinor]) ?? []);
  const targetOf = (id: string, group: readonly ReportOpportunityRow[]) => {
    if (!strategy) return 0;
    if (!by) return strategy.row.targetMinor;
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
      if (shown.has(rep.repId)) continue;
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

/** Reads the organisation's rows and computes one report. */
export async function buildReport(
  db: Executor,
  org: Organisation,
  query: ReportQuery,
): Promise<Record<string, unknown>[]> {
  const by = query.by ?? 'rep';
  if (query.kind === 'activity') {
    return activityReport(await readActivityRows(db, org.id), by, query.today, query.period);
  }
  const rows = await readOpportunityRows(db, org.id, query.today);
  switch (query.kind) {
    case 'win-rates':
      return winRateReport(rows, by, query.period);
    case 'outliers':
      return outlierReport(rows, query.period);
    case 'pipeline':
      return pipelineReport(db, org.id, rows, by, query.today);
    case 'attainment':
      return attainmentReport(db, org, rows, query.by, query.today);
  }
}
