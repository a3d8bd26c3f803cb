import type { Executor } from '../db/client';
import { readFilteredOwnerIds, type ScopeFilters } from '../db/queries/dashboard-filters';
import { listSegmentShares } from '../db/queries/strategies';
import { getOrganisation } from '../db/queries/organisations';
import {
  type MonthTotal,
  readCreatedByMonth,
  readManagerIds,
  readOpenDealFlags,
  readSegmentNames,
  readWonBy,
  readWonByMonth,
  type WonByGroupRow,
} from '../db/queries/organisation-dashboard';
import {
  type ReportScope,
  readPipelineGroups,
  readStages,
  readUnconvertedByGroup,
  readWinRateGroups,
  wonWithDateInSql,
} from '../db/queries/reports';
import type { OwnerScope } from '../db/queries/scope';
import { ACCOUNT_STATUSES, type AccountStatus } from '../domain/account';
import {
  fiscalYearMonths,
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearStartOf,
  maxDate,
  minDate,
  monthsInRange,
} from '../domain/calendar';
import { NotFoundError } from '../domain/errors';
import { lookBackPeriod } from '../domain/funnel-ratios';
import type { Period } from '../domain/opportunity';
import { weightTargetBySeasonality } from '../domain/seasonality';
import { OTHER_SEGMENT } from '../domain/strategy-cascade';
import type {
  AttainmentPanel,
  DashboardFilters,
  OrganisationDashboard,
  PipelinePanel,
} from '../schemas/dashboards';
import {
  type AttainmentTargets,
  type AttainmentYear,
  attainmentTargets,
  loadAttainmentYear,
} from './attainment-targets';
import { type Actor, canRead } from './authorization';
import { todayIn } from './clock';
import { attainmentRows, buildReport, type Organisation, pipelineFiguresOf } from './reports';
import { sql } from 'drizzle-orm';

// The organisation dashboard (issue #11, GET /api/dashboards/organisation): the organisation's
// attainment, pipeline, segment mix, won revenue by product, segment, territory and customer
// type, deals created per month, conversion outliers and attainment per team and rep, for the
// filters given (all combined). Every figure is a grouped statement in the database
// (db/queries/organisation-dashboard.ts, ./reports.ts) over the same filter SQL the opportunity
// list uses (dashboard-filters.ts), so a figure and the list behind it agree.

/** What the figures cover: the filters checked against the caller's scope, the period, the day. */
export type DashboardQuery = {
  today: string;
  period: Period;
  /** Attainment is of the fiscal year of the period's end, as of that day (today at the latest). */
  asOf: string;
  ownerIds: OwnerScope;
  filters: ScopeFilters;
};

const CUSTOMER_TYPE_NAMES = {
  prospect: 'New business',
  customer: 'Existing customer',
} as const satisfies Record<AccountStatus, string>;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** By name, then id, as people read them. */
function byName<Row extends { id: string; name: string }>(rows: Row[]): Row[] {
  return rows.sort(
    (a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The caller's view of the filters: a rep has no organisation dashboard; a manager sees their own
 * team only (managerId is theirs); nobody names a rep they may not see.
 */
export function dashboardFiltersFor(actor: Actor, filters: DashboardFilters): ScopeFilters {
  if (actor.role === 'rep') throw new NotFoundError('Dashboard', 'organisation');
  let managerId = filters.managerId;
  if (actor.role === 'manager') {
    if (managerId !== undefined && managerId !== actor.userId)
      throw new NotFoundError('Team', managerId);
    managerId = actor.userId;
  }
  if (filters.repId !== undefined && !canRead(actor, filters.repId))
    throw new NotFoundError('Rep', filters.repId);
  return {
    managerId,
    repId: filters.repId,
    segmentId: filters.segmentId,
    productId: filters.productId,
    territoryId: filters.territoryId,
  };
}

/** The filters' period; by default the fiscal year to date (of `to`'s fiscal year when only it is given). */
export function dashboardPeriod(
  filters: Pick<DashboardFilters, 'from' | 'to'>,
  today: string,
  fiscalYearStartMonth: number,
): Period {
  const to = filters.to ?? (filters.from ? maxDate(filters.from, today) : today);
  const yearStart = fiscalYearPeriod(
    fiscalYearStartOf(fiscalYearOf(to, fiscalYearStartMonth), fiscalYearStartMonth),
  ).from;
  return { from: filters.from ?? minDate(yearStart, to), to };
}

/** The reps whose targets count: the caller's scope, narrowed by team, rep or territory. */
async function targetOwnerIds(
  db: Executor,
  orgId: string,
  query: DashboardQuery,
): Promise<OwnerScope> {
  const { managerId, repId, territoryId } = query.filters;
  if (!managerId && !repId && !territoryId) return query.ownerIds;
  const matched = await readFilteredOwnerIds(db, orgId, { managerId, repId, territoryId });
  const visible = query.ownerIds;
  return visible === null ? matched : matched.filter((id) => visible.includes(id));
}

async function attainmentPanel(
  db: Executor,
  org: Organisation,
  report: ReportScope,
  year: AttainmentYear,
  targets: AttainmentTargets,
): Promise<AttainmentPanel> {
  const [whole] = await attainmentRows(db, org, report, undefined, year, targets);
  const won = await readWonByMonth(db, report, { from: year.period.from, to: report.today });
  const monthlyTargets = weightTargetBySeasonality(targets.whole, year.weights).months;
  return {
    fiscalYear: year.fiscalYear,
    yearFrom: year.period.from,
    yearTo: year.period.to,
    // A product has no target in the cascade: 0 says so.
    targetYear: targets.whole,
    targetToDate: whole?.targetToDate ?? 0,
    wonToDate: whole?.wonToDate ?? 0,
    attainment: whole?.attainment ?? null,
    gap: whole?.gap ?? 0,
    months: fiscalYearMonths(year.fiscalYearStart).map(({ month }, i) => ({
      month,
      target: monthlyTargets[i] ?? 0,
      won: won.get(month)?.valueMinor ?? 0,
    })),
    unconverted: whole?.unconverted ?? [],
  };
}

async function pipelinePanel(
  db: Executor,
  report: ReportScope,
  year: AttainmentYear,
  attainment: AttainmentPanel,
): Promise<PipelinePanel> {
  const stages = (await readStages(db, report.orgId)).filter((stage) => stage.kind === 'open');
  const [group] = await readPipelineGroups(db, report, null);
  const flags = await readOpenDealFlags(db, report, { from: report.today, to: year.period.to });
  const [closed] = await readWinRateGroups(db, report, null, lookBackPeriod(report.today));
  // Coverage as domain/pipeline.ts pipelineCoverage defines it, on the sums.
  const remainingTarget = Math.max(0, attainment.targetYear - attainment.wonToDate);
  const closingRatio = closed ? ratio(closed.won, closed.won + closed.lost) : null;
  return {
    ...pipelineFiguresOf(group, stages),
    dueInYear: flags.dueMinor,
    remainingTarget,
    coverage: remainingTarget === 0 ? null : flags.dueMinor / remainingTarget,
    neededCoverage: closingRatio === null || closingRatio <= 0 ? null : 1 / closingRatio,
    staleCount: flags.staleCount,
    slippingCount: flags.slippingCount,
    unconverted: group?.unconverted ?? [],
  };
}

const NO_GROUP_NAMES: Record<WonByGroupRow['dimension'], string> = {
  product: '(no product)',
  segment: '(no segment)',
  territory: '(no territory)',
  customerType: '(no account)',
};

function wonByPanel(rows: readonly WonByGroupRow[]): OrganisationDashboard['wonBy'] {
  const of = (dimension: WonByGroupRow['dimension']) =>
    rows
      .filter((row) => row.dimension === dimension)
      .map((row) => ({
        id: row.id,
        name:
          row.id === ''
            ? NO_GROUP_NAMES[dimension]
            : dimension === 'customerType'
              ? CUSTOMER_TYPE_NAMES[row.id as AccountStatus]
              : (row.name ?? ''),
        won: row.won,
        wonRevenue: row.wonRevenueMinor,
      }));
  const statusOrder = (id: string) => {
    const index = ACCOUNT_STATUSES.indexOf(id as AccountStatus);
    return index === -1 ? ACCOUNT_STATUSES.length : index;
  };
  return {
    product: byName(of('product')),
    segment: byName(of('segment')),
    territory: byName(of('territory')),
    customerType: of('customerType').sort((a, b) => statusOrder(a.id) - statusOrder(b.id)),
  };
}

/** The strategy's segments (planned share) against their part of the won revenue; the rest is "other". */
async function segmentMixPanel(
  db: Executor,
  orgId: string,
  year: AttainmentYear,
  wonBySegment: OrganisationDashboard['wonBy']['segment'],
): Promise<OrganisationDashboard['segmentMix']> {
  const shares = year.strategy ? await listSegmentShares(db, orgId, year.fiscalYear) : [];
  const names = await readSegmentNames(db, orgId);
  const totalWon = wonBySegment.reduce((sum, row) => sum + row.wonRevenue, 0);
  const wonOf = new Map(wonBySegment.map((row) => [row.id, row.wonRevenue]));
  // Without a strategy every segment that won something is shown, with no planned share.
  const planned = year.strategy
    ? shares.map((share) => ({
        segmentId: share.segmentId,
        segment: share.name,
        plannedShare: share.shareBasisPoints / 10_000,
      }))
    : byName(
        wonBySegment
          .filter((row) => row.id !== '')
          .map((row) => ({ id: row.id, name: names.get(row.id) ?? row.name })),
      ).map((row) => ({ segmentId: row.id, segment: row.name, plannedShare: null }));
  const plannedIds = new Set(planned.map((row) => row.segmentId));
  const otherWon = wonBySegment
    .filter((row) => !plannedIds.has(row.id))
    .reduce((sum, row) => sum + row.wonRevenue, 0);
  const plannedTotal = shares.reduce((sum, share) => sum + share.shareBasisPoints, 0);
  return [
    ...planned.map((row) => {
      const won = wonOf.get(row.segmentId) ?? 0;
      return { ...row, wonRevenue: won, actualShare: ratio(won, totalWon) };
    }),
    {
      segmentId: OTHER_SEGMENT,
      segment: 'Other',
      plannedShare: year.strategy ? (10_000 - plannedTotal) / 10_000 : null,
      wonRevenue: otherWon,
      actualShare: ratio(otherWon, totalWon),
    },
  ];
}

function perMonth(period: Period, totals: ReadonlyMap<string, MonthTotal>) {
  return monthsInRange(period.from, period.to).map((month) => ({
    month,
    count: totals.get(month)?.count ?? 0,
    value: totals.get(month)?.valueMinor ?? 0,
  }));
}

const toAttainmentRow = (row: Awaited<ReturnType<typeof attainmentRows>>[number]) => ({
  id: row.id,
  name: row.name,
  wonToDate: row.wonToDate,
  targetToDate: row.targetToDate,
  targetYear: row.targetYear,
  attainment: row.attainment,
  gap: row.gap,
});

/** The organisation dashboard for a query already checked against the caller's scope. */
export async function buildOrganisationDashboard(
  db: Executor,
  org: Organisation,
  query: DashboardQuery,
): Promise<OrganisationDashboard> {
  const { today, period, asOf, filters } = query;
  const year = await loadAttainmentYear(db, org, asOf);
  const targets = attainmentTargets(year.strategy, {
    ownerIds: await targetOwnerIds(db, org.id, query),
    segmentId: filters.segmentId,
    isProduct: filters.productId !== undefined,
  });
  const now: ReportScope = { orgId: org.id, today, scope: query.ownerIds, filters };
  const atAsOf: ReportScope = { ...now, today: asOf };
  const attainment = await attainmentPanel(db, org, atAsOf, year, targets);
  const wonBy = wonByPanel(await readWonBy(db, now, period));
  const managers = await readManagerIds(db, org.id);
  const repRows = await attainmentRows(db, org, atAsOf, 'rep', year, targets);
  const unconverted = await readUnconvertedByGroup(
    db,
    now,
    null,
    sql`(${wonWithDateInSql(period)} or o.created_on between ${period.from}::date and ${period.to}::date)`,
  );
  return {
    today,
    currency: org.currency,
    fiscalYear: year.fiscalYear,
    period,
    attainment,
    pipeline: await pipelinePanel(db, now, year, attainment),
    segmentMix: await segmentMixPanel(db, org.id, year, wonBy.segment),
    wonBy,
    createdPerMonth: perMonth(period, await readCreatedByMonth(db, now, period)),
    outliers: await buildReport(db, org, {
      kind: 'outliers',
      period,
      today,
      ownerIds: query.ownerIds,
      filters,
    }),
    teams: (await attainmentRows(db, org, atAsOf, 'manager', year, targets)).map(toAttainmentRow),
    reps: repRows.map((row) => ({
      ...toAttainmentRow(row),
      managerId: managers.get(row.id) ?? null,
    })),
    unconverted: unconverted.get('') ?? [],
  };
}

/** The organisation dashboard as the actor may see it (leaders and admins: all; a manager: their team). */
export async function getOrganisationDashboard(
  db: Executor,
  actor: Actor,
  filters: DashboardFilters,
): Promise<OrganisationDashboard> {
  const scoped = dashboardFiltersFor(actor, filters);
  const org = await getOrganisation(db, actor.orgId);
  if (!org) throw new NotFoundError('Organisation', actor.orgId);
  const today = todayIn(org.timeZone);
  const period = dashboardPeriod(filters, today, org.fiscalYearStartMonth);
  return buildOrganisationDashboard(db, org, {
    today,
    period,
    asOf: minDate(period.to, today),
    ownerIds: actor.visibleOwnerIds,
    filters: scoped,
  });
}
