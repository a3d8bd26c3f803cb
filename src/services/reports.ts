import type { Executor } from '../db/client';
import { findOrganisation, type OrganisationRow } from '../db/queries/organisations';
import {
  type ReportGroupKey,
  type ReportScope,
  readActivityGroups,
  readAttainmentGroups,
  readConversionCounts,
  readPipelineGroups,
  readStages,
  readUnconvertedByGroup,
  readWinRateGroups,
  wonWithDateInSql,
} from '../db/queries/reports';
import type { OwnerScope } from '../db/queries/scope';
import { attainmentOfWon } from '../domain/attainment';
import {
  addDays,
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearStartOf,
  isoWeekOf,
  isoWeekStart,
  parseIsoDate,
} from '../domain/calendar';
import {
  type ConversionOutlier,
  findConversionOutliersInCounts,
} from '../domain/conversion-outliers';
import type { Period } from '../domain/opportunity';
import { flatWeights, weightTargetBySeasonality } from '../domain/seasonality';
import type { ReportGroup, ReportKind, ReportRows, ReportRowsByKind } from '../schemas/reports';
import type { Actor } from './authorization';
import { todayIn } from './clock';
import { getOrganisation } from '../db/queries/organisations';
import { NotFoundError } from '../domain/errors';
import { loadComputedStrategy } from './strategy-cascade';
import { sql } from 'drizzle-orm';

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
  const [groups, unconverted] = [
    await readWinRateGroups(db, report, by, period),
    await readUnconvertedByGroup(db, report, by, wonWithDateInSql(period)),
  ];
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
      unconverted: unconverted.get(group.id) ?? [],
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

async function pipelineReport(db: Executor, report: ReportScope, by: ReportGroup) {
  const [stages, groups, unconverted] = [
    await readStages(db, report.orgId),
    await readPipelineGroups(db, report, by),
    await readUnconvertedByGroup(db, report, by, sql`s.kind = 'open'`),
  ];
  const openStages = stages.filter((stage) => stage.kind === 'open');
  return byName(groups).map((group) => ({
    id: group.id,
    name: group.name,
    openCount: group.openCount,
    openValue: group.openValueMinor,
    // Σ amount × probability rounded once, as domain/pipeline.ts summarisePipeline does.
    weightedValue: Math.round(group.weightedValue),
    averageAgeDays: group.ageDaysSum / group.openCount,
    byStage: openStages.map((stage) => ({
      stage: stage.name,
      count: group.byStage.get(stage.id)?.count ?? 0,
      value: group.byStage.get(stage.id)?.valueMinor ?? 0,
    })),
    unconverted: unconverted.get(group.id) ?? [],
  }));
}

async function attainmentReport(
  db: Executor,
  org: Organisation,
  report: ReportScope,
  by: ReportGroup | undefined,
) {
  const { today, scope } = report;
  parseIsoDate(today, 'today');
  const year = fiscalYearOf(today, org.fiscalYearStartMonth);
  const strategy = await loadComputedStrategy(db, org.id, year, today);
  const fiscalYearStart =
    strategy?.fiscalYearStart ?? fiscalYearStartOf(year, org.fiscalYearStartMonth);
  const weights = strategy?.seasonality.weights ?? flatWeights();
  const yearToDate = { from: fiscalYearPeriod(fiscalYearStart).from, to: today };
  const isVisible = (repId: string) => scope === null || scope.includes(repId);
  // The organisation's target, or each rep's cascaded one (as rep plans read it); a manager's or
  // a territory's is the sum of its reps'. Products have no target in the cascade. A caller who
  // sees part of the organisation has the target of the reps they see.
  const repTargets = new Map(
    strategy?.cascade.reps.filter((r) => isVisible(r.repId)).map((r) => [r.repId, r.targetMinor]) ??
      [],
  );
  const sumOfReps = (repIds: Iterable<string>) =>
    [...repIds].reduce((sum, repId) => sum + (repTargets.get(repId) ?? 0), 0);
  const targetOf = (id: string, ownerIds: readonly string[]) => {
    if (!strategy) return 0;
    if (!by) return scope === null ? strategy.row.targetMinor : sumOfReps(repTargets.keys());
    if (by === 'rep') return repTargets.get(id) ?? 0;
    if (by === 'product') return 0;
    return sumOfReps(ownerIds);
  };
  const [found, unconverted] = [
    await readAttainmentGroups(db, report, by ?? null, yearToDate),
    await readUnconvertedByGroup(db, report, by ?? null, wonWithDateInSql(yearToDate)),
  ];
  const groups = by
    ? found
    : [{ id: org.id, name: org.name, wonToDateMinor: found[0]?.wonToDateMinor ?? 0, ownerIds: [] }];
  if (by === 'rep' && strategy) {
    // A rep with a target and no deal yet is behind, not absent.
    const shown = new Set(groups.map((group) => group.id));
    const names = new Map(strategy.assignments.map((a) => [a.repId, a.repName]));
    for (const rep of strategy.cascade.reps) {
      if (shown.has(rep.repId) || !isVisible(rep.repId)) continue;
      shown.add(rep.repId);
      groups.push({
        id: rep.repId,
        name: names.get(rep.repId) ?? rep.repId,
        wonToDateMinor: 0,
        ownerIds: [],
      });
    }
  }
  return byName(groups).map((group) => {
    const result = attainmentOfWon({
      wonToDateMinor: group.wonToDateMinor,
      monthlyTargets: weightTargetBySeasonality(targetOf(group.id, group.ownerIds), weights).months,
      fiscalYearStart,
      today,
    });
    return {
      id: group.id,
      name: group.name,
      wonToDate: result.wonToDateMinor,
      targetToDate: result.targetToDateMinor,
      attainment: result.attainment,
      gap: result.gapMinor,
      unconverted: unconverted.get(by ? group.id : '') ?? [],
    };
  });
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
  const report: ReportScope = { orgId: org.id, today: query.today, scope: query.ownerIds ?? null };
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
