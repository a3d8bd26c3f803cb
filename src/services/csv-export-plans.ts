import type { Executor } from '../db/client';
import { getOrganisation } from '../db/queries/organisations';
import { listSegments, listTerritories } from '../db/queries/reference';
import { listRepPlans as listRepPlanRows } from '../db/queries/rep-plans';
import {
  countTeamPlanItemsByKind,
  listTeamPlans as listTeamPlanRows,
} from '../db/queries/team-plans';
import { type CsvDialect, csvDecimal } from '../domain/csv-export';
import { NotFoundError } from '../domain/errors';
import { isMoneyCriterionSource, type KeyAccountOverride } from '../domain/key-accounts-model';
import type { CheckInCadence, RepPlanState } from '../domain/rep-plan-states';
import { dateInTimeZone } from '../domain/time-zone';
import type { CsvExportQuery } from '../schemas/csv-export';
import type { KeyAccountList } from '../schemas/key-accounts-plans';
import type { RankingItem, RankingQuery } from '../schemas/key-accounts';
import type { Actor } from './authorization';
import { todayIn } from './clock';
import {
  type CsvExport,
  csvFileName,
  csvStream,
  inPages,
  moneyCell,
  type ReadableCsvColumns,
} from './csv-export';
import { getRanking } from './key-accounts';
import { listKeyAccountPlans } from './key-accounts-plans';
import { loadComputedStrategy } from './strategy-cascade';

// The plan lists as CSV (issue #14): the rep plans and team plans of a year, this year's key
// accounts and the ranking, with the JSON list's filters and scope (the same queries and
// services). They do not import back, so their columns are named for a person reading them,
// states in words, money in the organisation's currency and days in its time zone.

const STATE_WORDS: Record<RepPlanState, string> = {
  draft: 'Draft',
  proposed: 'Proposed',
  agreed: 'Agreed',
  revised: 'Revised',
};
const CADENCE_WORDS: Record<CheckInCadence, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
};
const OVERRIDE_WORDS: Record<KeyAccountOverride, string> = {
  include: 'Included below the cut',
  exclude: 'Excluded above the cut',
};

type KeyAccountItem = KeyAccountList['items'][number];

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** A score or its part, 0–1, as points of 100 with one decimal in the dialect's separator. */
const pointsCell = (value: number, dialect: CsvDialect) =>
  csvDecimal((value * 100).toFixed(1), dialect.decimalSeparator);

async function organisationOf(db: Executor, actor: Actor) {
  const organisation = await getOrganisation(db, actor.orgId);
  if (!organisation) throw new NotFoundError('Organisation', actor.orgId);
  return organisation;
}

/** The day of an instant in the organisation's time zone (a signature, a save). */
function dayOf(instant: Date | string | null, timeZone: string): string | null {
  if (instant === null) return null;
  return dateInTimeZone(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
}

type RepPlanCsvRow = Awaited<ReturnType<typeof listRepPlanRows>>[number] & {
  targetMinor: number | null;
};

/** The rep plans of a year the actor may see, as GET /api/rep-plans lists them. */
export async function exportRepPlans(
  db: Executor,
  actor: Actor,
  query: { year: number } & CsvExportQuery,
): Promise<CsvExport> {
  const today = todayIn(actor.timeZone);
  const organisation = await organisationOf(db, actor);
  const rows = await listRepPlanRows(db, actor.orgId, actor.visibleOwnerIds, query.year);
  // The target each plan shows: the rep's cell of the year's strategy cascade.
  const strategy = await loadComputedStrategy(db, actor.orgId, query.year, today);
  const targets = new Map(strategy?.cascade.reps.map((r) => [r.repId, r.targetMinor]));
  const targetCurrency = strategy?.row.currency ?? organisation.currency;
  const withTargets: RepPlanCsvRow[] = rows.map((row) => ({
    ...row,
    targetMinor: strategy ? (targets.get(row.plan.repId) ?? 0) : null,
  }));
  const { timeZone } = actor;
  const columns: ReadableCsvColumns<RepPlanCsvRow> = {
    readable: {
      Rep: (row) => row.repName,
      Manager: (row) => row.managerName,
      'Fiscal year': (row) => row.plan.fiscalYear,
      State: (row) => STATE_WORDS[row.plan.state],
      'Check-ins': (row) => CADENCE_WORDS[row.plan.cadence],
      'Target for the year': (row, dialect) =>
        moneyCell(row.targetMinor, targetCurrency, organisation.currency, dialect),
      'Signed by the rep on': (row) => dayOf(row.plan.repSignedAt, timeZone),
      'Signed by the manager on': (row) => dayOf(row.plan.managerSignedAt, timeZone),
      'Last changed on': (row) => dayOf(row.plan.updatedAt, timeZone),
      Version: (row) => row.plan.version,
      'Plan id': (row) => row.plan.id,
    },
  };
  return {
    fileName: csvFileName(`rep-plans-${query.year}`, today),
    stream: csvStream(inPages(withTargets), columns, query.csv ?? 'plain'),
  };
}

type TeamPlanCsvRow = Awaited<ReturnType<typeof listTeamPlanRows>>[number] & {
  counts: Record<'objectives' | 'salesGoals' | 'marketingGoals' | 'activities' | 'metrics', number>;
};

/** The team plans of a year the actor may see, as GET /api/team-plans lists them. */
export async function exportTeamPlans(
  db: Executor,
  actor: Actor,
  query: { year: number } & CsvExportQuery,
): Promise<CsvExport> {
  const rows = await listTeamPlanRows(db, actor.orgId, actor.visibleOwnerIds, query.year);
  const counted = await countTeamPlanItemsByKind(
    db,
    actor.orgId,
    rows.map((r) => r.plan.id),
  );
  const countOf = (planId: string, keep: (c: (typeof counted)[number]) => boolean) =>
    counted.filter((c) => c.teamPlanId === planId && keep(c)).reduce((n, c) => n + c.count, 0);
  const withCounts: TeamPlanCsvRow[] = rows.map((row) => ({
    ...row,
    counts: {
      objectives: countOf(row.plan.id, (c) => c.kind === 'business_objective'),
      salesGoals: countOf(row.plan.id, (c) => c.kind === 'goal' && c.area === 'sales'),
      marketingGoals: countOf(row.plan.id, (c) => c.kind === 'goal' && c.area === 'marketing'),
      activities: countOf(row.plan.id, (c) => c.kind === 'activity'),
      metrics: countOf(row.plan.id, (c) => c.kind === 'activity' && c.hasMetric),
    },
  }));
  const { timeZone } = actor;
  const columns: ReadableCsvColumns<TeamPlanCsvRow> = {
    readable: {
      Manager: (row) => row.managerName,
      'Fiscal year': (row) => row.plan.fiscalYear,
      'Business objectives': (row) => row.counts.objectives,
      'Sales goals': (row) => row.counts.salesGoals,
      'Marketing goals': (row) => row.counts.marketingGoals,
      Activities: (row) => row.counts.activities,
      'Activities with a metric': (row) => row.counts.metrics,
      'Our customer': (row) => row.plan.whoIsOurCustomer,
      'Our mission': (row) => row.plan.whatIsOurMission,
      'Last changed on': (row) => dayOf(row.plan.updatedAt, timeZone),
      Version: (row) => row.plan.version,
      'Plan id': (row) => row.plan.id,
    },
  };
  return {
    fileName: csvFileName(`team-plans-${query.year}`, todayIn(actor.timeZone)),
    stream: csvStream(inPages(withCounts), columns, query.csv ?? 'plain'),
  };
}

/** The plan of a key account in words, as the key accounts page shows it. */
function planStateOf(item: KeyAccountItem): string {
  if (item.planVersion === 0) return 'Not written';
  if (item.managerAcknowledgedAt) return 'Acknowledged';
  if (item.repSignedAt) return 'Signed';
  return 'Draft';
}

/** This fiscal year's key accounts the actor may read, as GET /api/key-accounts lists them. */
export async function exportKeyAccounts(
  db: Executor,
  actor: Actor,
  query: CsvExportQuery,
): Promise<CsvExport> {
  const list = await listKeyAccountPlans(db, actor);
  const { timeZone } = actor;
  const columns: ReadableCsvColumns<KeyAccountItem> = {
    readable: {
      Account: (item) => item.accountName,
      Owner: (item) => item.ownerName,
      'Score (of 100)': (item, dialect) => pointsCell(item.score, dialect),
      'Proposed by the model': (item) => yesNo(item.isProposed),
      Plan: planStateOf,
      'Signed by the owner on': (item) => dayOf(item.repSignedAt, timeZone),
      'Acknowledged by the manager on': (item) => dayOf(item.managerAcknowledgedAt, timeZone),
      'Next review': (item) => item.nextReviewDue,
      'Review due': (item) => yesNo(item.isReviewDue),
      'Plan version': (item) => item.planVersion,
      'Account id': (item) => item.accountId,
    },
  };
  return {
    fileName: csvFileName(`key-accounts-${list.fiscalYear}`, todayIn(timeZone)),
    stream: csvStream(inPages(list.items), columns, query.csv ?? 'plain'),
  };
}

/**
 * The ranking with the list's filters and scope, every matching account rather than one page:
 * score and rank, whether the model proposes it and the year's list has it, the override, then
 * each criterion's value and its part of the score.
 */
export async function exportRanking(
  db: Executor,
  actor: Actor,
  query: RankingQuery & CsvExportQuery,
): Promise<CsvExport> {
  const ranking = await getRanking(db, actor, {
    ...query,
    page: 1,
    pageSize: Number.MAX_SAFE_INTEGER,
  });
  const organisation = await organisationOf(db, actor);
  const segments = new Map((await listSegments(db, actor.orgId)).map((s) => [s.id, s.name]));
  const territories = new Map((await listTerritories(db, actor.orgId)).map((t) => [t.id, t.name]));
  const criterionColumns = Object.fromEntries(
    ranking.criteria.flatMap((criterion, c) => {
      const partOf = (item: RankingItem) => item.contributions[c];
      return [
        [
          `${criterion.name} (value)`,
          (item: RankingItem, dialect: CsvDialect) => {
            const value = partOf(item)?.value ?? null;
            if (value === null) return null;
            return isMoneyCriterionSource(criterion.source)
              ? moneyCell(value, organisation.currency, organisation.currency, dialect)
              : csvDecimal(String(value), dialect.decimalSeparator);
          },
        ],
        [
          `${criterion.name} (points of the score)`,
          (item: RankingItem, dialect: CsvDialect) => {
            const part = partOf(item);
            return part ? pointsCell(part.contribution, dialect) : null;
          },
        ],
      ];
    }),
  );
  const columns: ReadableCsvColumns<RankingItem> = {
    readable: {
      Rank: (item) => item.rank,
      Account: (item) => item.accountName,
      Owner: (item) => item.ownerName,
      Segment: (item) => (item.segmentId ? (segments.get(item.segmentId) ?? null) : null),
      Territory: (item) => (item.territoryId ? (territories.get(item.territoryId) ?? null) : null),
      'Score (of 100)': (item, dialect) => pointsCell(item.score, dialect),
      'Proposed by the model': (item) => yesNo(item.proposed),
      [`Confirmed for ${ranking.fiscalYear}`]: (item) => yesNo(item.confirmed),
      Override: (item) => (item.override ? OVERRIDE_WORDS[item.override.decision] : null),
      'Reason for the override': (item) => item.override?.reason ?? null,
      ...criterionColumns,
      'Account id': (item) => item.accountId,
    },
  };
  return {
    fileName: csvFileName(`key-account-ranking-${ranking.fiscalYear}`, todayIn(actor.timeZone)),
    stream: csvStream(inPages(ranking.items), columns, query.csv ?? 'plain'),
  };
}
