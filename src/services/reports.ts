import type { Executor } from '../db/client';
import { organisations } from '../db/schema';
import { ValidationError } from '../domain/errors';
import { findOrganisationBySlug } from './organisations';
import {
  type ReportActivityRow,
  type ReportOpportunityRow,
  readActivityRows,
  readExpectedCloseHistory,
  readOpportunityRows,
  readStages,
  readStrategyFor,
} from '../db/queries/reports';
import { activityProgress } from '../domain/activity-progress';
import { attainmentToDate } from '../domain/attainment';
import { isoWeekOf } from '../domain/calendar';
import { findConversionOutliers } from '../domain/conversion-outliers';
import { groupRows, isInPeriod, type Period } from '../domain/opportunity';
import { summarisePipelineByGroup } from '../domain/pipeline';
import { flatWeights, weightTargetBySeasonality } from '../domain/seasonality';
import { averageWonDeal, medianCycleDays, winRate } from '../domain/win-rate';

// KPI reports over the database's rows, computed by the domain core's functions: the same code
// the dashboards use. Amounts are integer minor units of the organisation's currency.

export const reportKinds = ['pipeline', 'win-rates', 'outliers', 'attainment', 'activity'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportGroups = ['rep', 'product', 'manager', 'territory'] as const;
export type ReportGroup = (typeof reportGroups)[number];

export type ReportQuery = {
  kind: ReportKind;
  /** Attainment without a group is the organisation's; the others default to rep. */
  by?: ReportGroup | undefined;
  period?: Period | undefined;
  today: string;
};

export type Organisation = {
  id: string;
  name: string;
  currency: string;
  fiscalYearStartMonth: number;
};

/** The organisation by slug, or the only one there is. */
export async function findReportOrganisation(
  db: Executor,
  slug: string | undefined,
): Promise<Organisation> {
  if (slug !== undefined) return findOrganisationBySlug(db, slug);
  const all = await db.select().from(organisations).limit(2);
  const [only] = all;
  if (all.length !== 1 || !only) {
    throw new ValidationError({
      field: '--org',
      reason: all.length === 0 ? 'there is no organisation yet' : 'say which organisation',
    });
  }
  return only;
}

type Named = Pick<ReportOpportunityRow, 'ownerName' | 'managerName' | 'territoryName'> & {
  productName?: string | null;
};

/** The name a row is grouped under; rows without one share a bracketed key. */
export function groupKey(row: Named, by: ReportGroup): string {
  switch (by) {
    case 'rep':
      return row.ownerName;
    case 'product':
      return row.productName ?? '(no product)';
    case 'manager':
      return row.managerName ?? '(no manager)';
    case 'territory':
      return row.territoryName ?? '(no territory)';
  }
}

export function winRateReport(
  rows: readonly ReportOpportunityRow[],
  by: ReportGroup,
  period?: Period,
) {
  return groupRows(rows, (row) => groupKey(row, by)).map(({ key, rows: group }) => {
    const rate = winRate(group, period);
    const average = averageWonDeal(group, period);
    return {
      key,
      won: rate.won,
      lost: rate.lost,
      winRate: rate.winRate,
      wonRevenue: average.wonRevenueMinor,
      averageWonDeal: average.averageMinor,
      medianCycleDays: medianCycleDays(group, period).medianDays,
    };
  });
}

export function outlierReport(rows: readonly ReportOpportunityRow[], period?: Period) {
  const closed = rows.filter((row) => row.productId !== '' && isInPeriod(row.closedOn, period));
  const reps = new Map(closed.map((row) => [row.ownerId, row.ownerName]));
  const products = new Map(closed.map((row) => [row.productId, row.productName ?? '']));
  const named = findConversionOutliers(closed).map((outlier) => ({
    rep: reps.get(outlier.rep) ?? outlier.rep,
    product: products.get(outlier.product) ?? outlier.product,
    won: outlier.won,
    closed: outlier.closed,
    restWon: outlier.restWon,
    restClosed: outlier.restClosed,
    winRate: outlier.winRate,
    restWinRate: outlier.restWinRate,
    z: outlier.z,
  }));
  // The domain orders by ids; people read names.
  return named.sort((a, b) => a.product.localeCompare(b.product) || a.rep.localeCompare(b.rep));
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
  const pipelineRows = rows.map((row) => ({
    ...row,
    expectedCloseHistory: history.get(row.id) ?? [],
    // Quality needs deal plans and their checks; this report does not show it.
    hasDealPlan: false,
    hasErrorFinding: false,
  }));
  return summarisePipelineByGroup(pipelineRows, stages, today, (row) => groupKey(row, by))
    .filter((group) => group.openCount > 0)
    .map((group) => ({
      key: group.key,
      openCount: group.openCount,
      openValue: group.openValueMinor,
      weightedValue: group.weightedValueMinor,
      averageAgeDays: group.averageAgeDays,
      byStage: group.byStage.map((stage) => ({
        stage: stage.name,
        count: stage.count,
        value: stage.valueMinor,
      })),
    }));
}

async function attainmentReport(
  db: Executor,
  org: Organisation,
  rows: ReportOpportunityRow[],
  by: ReportGroup | undefined,
  today: string,
) {
  const strategy = await readStrategyFor(db, org.id, today);
  const startMonth = strategy?.startMonth ?? org.fiscalYearStartMonth;
  const year =
    strategy?.fiscalYear ??
    Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < startMonth ? 1 : 0);
  const fiscalYearStart = `${year}-${String(startMonth).padStart(2, '0')}`;
  // Targets per rep come from the strategy cascade with rep plans; until then only the
  // organisation has one, and groups show their won revenue against no target.
  const organisationTargets = strategy
    ? weightTargetBySeasonality(strategy.targetMinor, strategy.seasonalityWeights ?? flatWeights())
        .months
    : new Array<number>(12).fill(0);
  const groups = by ? groupRows(rows, (row) => groupKey(row, by)) : [{ key: org.name, rows }];
  return groups.map(({ key, rows: group }) => {
    const result = attainmentToDate({
      rows: group,
      monthlyTargets: by ? new Array<number>(12).fill(0) : organisationTargets,
      fiscalYearStart,
      today,
    });
    return {
      key,
      wonToDate: result.wonToDateMinor,
      targetToDate: result.targetToDateMinor,
      attainment: result.attainment,
      gap: result.gapMinor,
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
  return groupRows(inPeriod, (row) => groupKey(row, by)).flatMap(({ key, rows: group }) => {
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
    return activityProgress(plan, done, today).toDate.map((row) => ({ key, ...row }));
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
  const rows = await readOpportunityRows(db, org.id);
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
