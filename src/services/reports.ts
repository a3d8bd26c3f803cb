import type { Executor } from '../db/client';
import { findOrganisation, type OrganisationRow } from '../db/queries/organisations';
import {
  type PipelineGroupRow,
  type ReportGroupKey,
  type ReportStageRow,
  type ReportScope,
  readActivityGroups,
  readAttainmentGroups,
  readConversionCounts,
  readPipelineGroups,
  readStages,
  readWinRateGroups,
} from '../db/queries/reports';
import type { OwnerScope } from '../db/queries/scope';
import type { ScopeFilters } from '../db/queries/dashboard-filters';
import { attainmentOfWon } from '../domain/attainment';
import { addDays, isoWeekOf, isoWeekStart, parseIsoDate } from '../domain/calendar';
import {
  type ConversionOutlier,
  findConversionOutliersInCounts,
} from '../domain/conversion-outliers';
import type { Period } from '../domain/opportunity';
import type { UnconvertedMoney } from '../domain/exchange-rates';
import { weightTargetBySeasonality } from '../domain/seasonality';
import type { ReportGroup, ReportKind, ReportRows, ReportRowsByKind } from '../schemas/reports';
import type { Actor } from './authorization';
import { todayIn } from './clock';
import { getOrganisation } from '../db/queries/organisations';
import { NotFoundError } from '../domain/errors';
import {
  type AttainmentTargets,
  type AttainmentYear,
  attainmentTargets,
  loadAttainmentYear,
} from './attainment-targets';

// The KPI reports of `salesplan report` and GET /api/reports/{kind}: the database adds up per
// group (db/queries/reports.ts), this module names and orders the groups and does the little
// arithmetic left on each group's figures, as the domain's KPI functions define it (the property
// tests in reports.property.test.ts hold the two together). Money is in the organisation's
// currency; a deal whose currency has no rate is left out of the money figures and counted in
// `unconverted`, while it still counts as a deal (win rates, open counts).

export type ReportQuery = {
  kind: ReportKind;
  /** Attainment without a group is the organisation's; the others default to rep. */
  by?: ReportGroup | undefined;
  period?: Period | undefined;
  today: string;
  /** The owners whose deals and activities count; null (or absent) is the whole organisation. */
  ownerIds?: OwnerScope | undefined;
  /** The dashboards' filters on the deals (the opportunity reports only). */
  filters?: ScopeFilters | undefined;
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

/** Groups by id, then orders them by name (and id, for names shared), as people read them. */
function byName<Group extends ReportGroupKey>(groups: readonly Group[]): Group[] {
  return [...groups].sort(
    (a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

async function winRateReport(
  db: Executor,
  report: ReportScope,
  by: ReportGroup,
  period: Period | undefined,
) {
  const groups = await readWinRateGroups(db, report, by, period);
  return byName(groups).map((group) => {
    const closed = group.won + group.lost;
    return {
      id: group.id,
      name: group.name,
      won: group.won,
      lost: group.lost,
      winRate: closed === 0 ? null : group.won / closed,
      wonRevenue: group.wonConverted === 0 ? 0 : group.wonRevenueMinor,
      // The average is over the won deals that have a rate, half up (domain/win-rate.ts).
      averageWonDeal:
        group.wonConverted === 0 ? null : Math.round(group.wonRevenueMinor / group.wonConverted),
      medianCycleDays: group.medianCycleDays,
      unconverted: group.unconverted,
    };
  });
}

/** Outliers with the rep's and product's names, ordered as people read them (by name). */
export function namedOutliers(
  outliers: readonly ConversionOutlier[],
  reps: ReadonlyMap<string, string>,
  products: ReadonlyMap<string, string>,
) {
  const named = outliers.map((outlier) => ({
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

async function outlierReport(db: Executor, report: ReportScope, period: Period | undefined) {
  const counts = await readConversionCounts(db, report, period);
  const reps = new Map(counts.map((row) => [row.ownerId, row.ownerName]));
  const products = new Map(counts.map((row) => [row.productId, row.productName]));
  const outliers = findConversionOutliersInCounts(
    counts.map((row) => ({
      rep: row.ownerId,
      product: row.productId,
      won: row.won,
      closed: row.closed,
    })),
  );
  return namedOutliers(outliers, reps, products);
}

/**
 * A pipeline group's figures as every report and dashboard shows them: the open count and value,
 * the weighted value rounded once (as domain/pipeline.ts summarisePipeline does), and each open
 * stage in order, empty ones included.
 */
export function pipelineFiguresOf(
  group: PipelineGroupRow | undefined,
  openStages: readonly ReportStageRow[],
) {
  return {
    openCount: group?.openCount ?? 0,
    openValue: group?.openValueMinor ?? 0,
    weightedValue: Math.round(group?.weightedValue ?? 0),
    byStage: openStages.map((stage) => ({
      stageId: stage.id,
      stage: stage.name,
      count: group?.byStage.get(stage.id)?.count ?? 0,
      value: group?.byStage.get(stage.id)?.valueMinor ?? 0,
    })),
  };
}

async function pipelineReport(db: Executor, report: ReportScope, by: ReportGroup) {
  const [stages, groups] = [
    await readStages(db, report.orgId),
    await readPipelineGroups(db, report, by),
  ];
  const openStages = stages.filter((stage) => stage.kind === 'open');
  return byName(groups).map((group) => {
    const { byStage, ...figures } = pipelineFiguresOf(group, openStages);
    return {
      id: group.id,
      name: group.name,
      ...figures,
      averageAgeDays: group.ageDaysSum / group.openCount,
      // The report names stages; the dashboards also give their ids (to open the deals).
      byStage: byStage.map(({ stage, count, value }) => ({ stage, count, value })),
      unconverted: group.unconverted,
    };
  });
}

export type AttainmentRow = ReportGroupKey & {
  wonToDate: number;
  targetToDate: number;
  targetYear: number;
  attainment: number | null;
  gap: number;
  unconverted: UnconvertedMoney[];
};

/**
 * Attainment per group (or of the whole scope without one) as of `report.today`, against the
 * seasonal targets given (attainment-targets.ts): a manager's or a territory's target is the sum
 * of its reps'; products have none.
 */
export async function attainmentRows(
  db: Executor,
  org: Organisation,
  report: ReportScope,
  by: ReportGroup | undefined,
  year: AttainmentYear,
  targets: AttainmentTargets,
): Promise<AttainmentRow[]> {
  const { today } = report;
  const { fiscalYearStart, weights, strategy } = year;
  const yearToDate = { from: year.period.from, to: today };
  const targetOf = (id: string, ownerIds: readonly string[]) => {
    if (!by) return targets.whole;
    if (by === 'rep') return targets.ofRep(id);
    if (by === 'product') return 0;
    return ownerIds.reduce((sum, repId) => sum + targets.ofRep(repId), 0);
  };
  const found = await readAttainmentGroups(db, report, by ?? null, yearToDate);
  const groups = by
    ? found
    : [
        {
          id: org.id,
          name: org.name,
          wonToDateMinor: found[0]?.wonToDateMinor ?? 0,
          ownerIds: [],
          unconverted: found[0]?.unconverted ?? [],
        },
      ];
  if (by === 'rep' && strategy) {
    // A rep with a target and no deal yet is behind, not absent.
    const shown = new Set(groups.map((group) => group.id));
    const names = new Map(strategy.assignments.map((a) => [a.repId, a.repName]));
    for (const repId of targets.repIds) {
      if (shown.has(repId)) continue;
      shown.add(repId);
      groups.push({
        id: repId,
        name: names.get(repId) ?? repId,
        wonToDateMinor: 0,
        ownerIds: [],
        unconverted: [],
      });
    }
  }
  return byName(groups).map((group) => {
    const targetYear = targetOf(group.id, group.ownerIds);
    const result = attainmentOfWon({
      wonToDateMinor: group.wonToDateMinor,
      monthlyTargets: weightTargetBySeasonality(targetYear, weights).months,
      fiscalYearStart,
      today,
    });
    return {
      id: group.id,
      name: group.name,
      wonToDate: result.wonToDateMinor,
      targetToDate: result.targetToDateMinor,
      targetYear,
      attainment: result.attainment,
      gap: result.gapMinor,
      unconverted: group.unconverted,
    };
  });
}

async function attainmentReport(
  db: Executor,
  org: Organisation,
  report: ReportScope,
  by: ReportGroup | undefined,
) {
  // The organisation's target, or each rep's cascaded one (as rep plans read it). A caller who
  // sees part of the organisation has the target of the reps they see.
  const year = await loadAttainmentYear(db, org, report.today);
  const targets = attainmentTargets(year.strategy, { ownerIds: report.scope });
  const rows = await attainmentRows(db, org, report, by, year, targets);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    wonToDate: row.wonToDate,
    targetToDate: row.targetToDate,
    attainment: row.attainment,
    gap: row.gap,
    unconverted: row.unconverted,
  }));
}

async function activityReport(
  db: Executor,
  report: ReportScope,
  by: ReportGroup,
  period: Period | undefined,
) {
  // To date is every week up to and including today's (domain/activity-progress.ts).
  const weekEnd = addDays(isoWeekStart(isoWeekOf(parseIsoDate(report.today, 'today'))), 6);
  const rows = await readActivityGroups(db, report, by, period, weekEnd);
  const groups = new Map<string, ReportGroupKey & { types: typeof rows }>();
  for (const row of rows) {
    const group = groups.get(row.id) ?? { id: row.id, name: row.name, types: [] };
    group.types.push(row);
    groups.set(row.id, group);
  }
  return byName([...groups.values()]).flatMap(({ id, name, types }) =>
    types
      .sort((a, b) => (a.activityType < b.activityType ? -1 : 1))
      .map((row) => ({
        id,
        name,
        activityType: row.activityType,
        planned: row.planned,
        done: row.done,
        ratio: row.planned === 0 ? null : row.done / row.planned,
      })),
  );
}

const reports: {
  [K in ReportKind]: (
    db: Executor,
    org: Organisation,
    report: ReportScope,
    query: ReportQuery,
  ) => Promise<ReportRowsByKind[K]>;
} = {
  activity: (db, _org, report, query) =>
    activityReport(db, report, query.by ?? 'rep', query.period),
  'win-rates': (db, _org, report, query) =>
    winRateReport(db, report, query.by ?? 'rep', query.period),
  outliers: (db, _org, report, query) => outlierReport(db, report, query.period),
  pipeline: (db, _org, report, query) => pipelineReport(db, report, query.by ?? 'rep'),
  attainment: (db, org, report, query) => attainmentReport(db, org, report, query.by),
};

/** Computes one report, aggregated in the database over the deals and activities in scope. */
export async function buildReport<K extends ReportKind>(
  db: Executor,
  org: Organisation,
  query: ReportQuery & { kind: K },
): Promise<ReportRowsByKind[K]> {
  const report: ReportScope = {
    orgId: org.id,
    today: query.today,
    scope: query.ownerIds ?? null,
    filters: query.filters,
  };
  return reports[query.kind](db, org, report, query);
}

/** The period of `--from`/`--to` (or `from`/`to`): open-ended on a side not given; none without both. */
export function reportPeriod(from: string | undefined, to: string | undefined): Period | undefined {
  return from || to ? { from: from ?? '0001-01-01', to: to ?? '9999-12-31' } : undefined;
}

/** One report as the actor may see it: a rep their own deals, a manager their team's, as of today. */
export async function buildReportFor(
  db: Executor,
  actor: Actor,
  kind: ReportKind,
  filters: { by?: ReportGroup | undefined; from?: string | undefined; to?: string | undefined },
): Promise<ReportRows> {
  const org = await getOrganisation(db, actor.orgId);
  if (!org) throw new NotFoundError('Organisation', actor.orgId);
  return buildReport(db, org, {
    kind,
    by: filters.by,
    period: reportPeriod(filters.from, filters.to),
    today: todayIn(org.timeZone),
    ownerIds: actor.visibleOwnerIds,
  });
}
