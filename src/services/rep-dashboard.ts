import type { Database } from '../db/client';
import {
  type DealListKind,
  type DealListPage,
  type DealListRow,
  readDealList,
  readNextCheckIn,
  readOpenDealsWithPlan,
  readOpenSteps,
} from '../db/queries/dashboards';
import { getOrganisation } from '../db/queries/organisations';
import { inOneRoundTrip } from '../db/round-trip';
import { getUser } from '../db/queries/users';
import { addDays, daysBetween } from '../domain/calendar';
import { NotFoundError } from '../domain/errors';
import { formatDay } from '../domain/day-format';
import { formatWholeMoney } from '../domain/money-format';
import type { RepDashboard } from '../schemas/dashboards';
import { type Actor, canRead } from './authorization';
import { todayIn } from './clock';
import { computeRepFigures, dashboardYear, type PlanVsDone } from './dashboard-rep-figures';
import { listPlanHealth } from './deal-plans';
import type { Organisation } from './reports';

// A rep's dashboard (issue #11, GET /api/dashboards/rep): attainment, activity and funnel pace
// against their plan, the pipeline with the deals that need attention, their steps and next
// check-in. The figures come from dashboard-rep-figures.ts (the team dashboard's too); the lists
// are one statement each, their total and the first 10.

const LIST_LENGTH = 10;
const LOCALE = 'en';

type Person = { id: string; name: string };

function rows(list: readonly PlanVsDone[]) {
  return list.map(({ activityType, planned, done }) => ({ activityType, planned, done }));
}

const times = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why a deal is on a list, in words a rep reads at a glance. */
function reasonFor(kind: DealListKind, deal: DealListRow, today: string, currency: string) {
  // Whole units in a sentence: the cents of an average mean nothing there (issue #17 item 8).
  const money = (minor: number) => formatWholeMoney(minor, currency, LOCALE);
  switch (kind) {
    case 'stale':
      if (deal.expectedCloseOn !== null && deal.expectedCloseOn < today)
        return `past its expected close of ${formatDay(deal.expectedCloseOn, LOCALE)}`;
      return deal.lastActivityOn === null
        ? `no activity since it was created ${times(daysBetween(deal.createdOn, today), 'day', 'days')} ago`
        : `no activity for ${times(daysBetween(deal.lastActivityOn, today), 'day', 'days')}`;
    case 'slipping':
      return `expected close moved later ${times(deal.slipCount, 'time', 'times')}`;
    case 'needsPlan': {
      const worth =
        deal.amountMinor === null ? 'no exchange rate' : `worth ${money(deal.amountMinor)}`;
      return deal.ownerAverageMinor === null
        ? `no deal plan; ${worth}, and no won deal yet to compare it with`
        : `no deal plan; ${worth}, at least the average won deal of ${money(deal.ownerAverageMinor)}`;
    }
  }
}

function dealList(kind: DealListKind, page: DealListPage, today: string, currency: string) {
  return {
    total: page.total,
    items: page.items.map((deal) => ({
      id: deal.id,
      name: deal.name,
      accountName: deal.accountName,
      amount: deal.amountMinor,
      expectedCloseOn: deal.expectedCloseOn,
      reason: reasonFor(kind, deal, today, currency),
    })),
  };
}

/** Open deals whose plan has an error finding: the domain checks run on the rep's few plans. */
async function planErrorList(db: Database, actor: Actor, repId: string, today: string) {
  const deals = await readOpenDealsWithPlan(db, { orgId: actor.orgId, today }, repId);
  const health = await listPlanHealth(
    db,
    actor,
    deals.map((deal) => deal.id),
    today,
  );
  const errors = new Map(health.items.map((item) => [item.opportunityId, item.error]));
  const withErrors = deals.filter((deal) => (errors.get(deal.id) ?? 0) > 0);
  return {
    total: withErrors.length,
    items: withErrors.slice(0, LIST_LENGTH).map((deal) => ({
      id: deal.id,
      name: deal.name,
      accountName: deal.accountName,
      amount: deal.amountMinor,
      expectedCloseOn: deal.expectedCloseOn,
      reason: `${times(errors.get(deal.id) ?? 0, 'error', 'errors')} in its plan`,
    })),
  };
}

/** The rep's dashboard as of `today` (the organisation's), for an actor already allowed to read it. */
export async function buildRepDashboard(
  db: Database,
  actor: Actor,
  org: Organisation,
  rep: Person,
  today: string,
): Promise<RepDashboard> {
  const year = await dashboardYear(db, org, today);
  const day = year.today;
  const scope = { orgId: org.id, today: day };
  // Every panel's statements together: one round trip for the raw ones (db/round-trip.ts).
  const [figuresOfReps, stale, slipping, needsPlan, planErrors, overdue, dueThisWeek, checkIn] =
    await inOneRoundTrip(db, (batched) => {
      const list = async (kind: DealListKind) =>
        dealList(
          kind,
          await readDealList(batched, scope, rep.id, kind, LIST_LENGTH),
          day,
          org.currency,
        );
      return Promise.all([
        computeRepFigures(batched, year, [rep.id]),
        list('stale'),
        list('slipping'),
        list('needsPlan'),
        planErrorList(batched, actor, rep.id, day),
        readOpenSteps(batched, org.id, rep.id, { from: null, to: addDays(day, -1) }, LIST_LENGTH),
        readOpenSteps(batched, org.id, rep.id, { from: day, to: year.week.to }, LIST_LENGTH),
        readNextCheckIn(batched, org.id, rep.id, year.fiscalYear),
      ]);
    });
  const figures = figuresOfReps.get(rep.id);
  if (!figures) throw new Error(`no figures for rep ${rep.id}`);
  const steps = { overdue, dueThisWeek };
  const { attainment, pipeline, plan } = figures;
  return {
    rep,
    today: day,
    currency: org.currency,
    plan: plan && {
      id: plan.id,
      state: plan.state,
      repSigned: plan.repSigned,
      managerSigned: plan.managerSigned,
    },
    attainment: {
      fiscalYear: year.fiscalYear,
      yearFrom: year.period.from,
      yearTo: year.period.to,
      targetYear: figures.targetYearMinor,
      targetToDate: attainment.targetToDateMinor,
      wonToDate: attainment.wonToDateMinor,
      attainment: attainment.attainment,
      gap: attainment.gapMinor,
      months: figures.monthlyTargets.map((target, m) => ({
        month: year.months[m] ?? '',
        target,
        won: figures.wonByMonth[m] ?? 0,
      })),
      unconverted: figures.attainmentUnconverted,
    },
    activity: {
      week: { from: year.week.from, to: year.week.to, rows: rows(figures.activity.week) },
      month: { from: year.month.from, to: year.month.to, rows: rows(figures.activity.month) },
      toDate: { from: year.toDate.from, to: year.toDate.to, rows: rows(figures.activity.toDate) },
    },
    funnelPace: {
      neededPerWeek: figures.firstMeetings.neededPerWeek,
      thisWeek: {
        needed: figures.firstMeetings.neededPerWeek,
        done: figures.firstMeetings.doneThisWeek,
      },
      toDate: {
        needed:
          figures.firstMeetings.neededPerWeek === null
            ? null
            : figures.firstMeetings.neededPerWeek * year.weeksElapsed,
        done: figures.firstMeetings.doneToDate,
      },
    },
    pipeline: {
      openCount: pipeline.openCount,
      openValue: pipeline.openValue,
      weightedValue: pipeline.weightedValue,
      byStage: pipeline.byStage,
      dueInYear: pipeline.coverage.pipelineDueMinor,
      remainingTarget: pipeline.coverage.remainingTargetMinor,
      coverage: pipeline.coverage.coverage,
      neededCoverage: pipeline.coverage.neededCoverage,
      staleCount: pipeline.staleCount,
      slippingCount: pipeline.slippingCount,
      unconverted: pipeline.unconverted,
    },
    stale,
    slipping,
    needsPlan,
    planErrors,
    steps,
    nextCheckIn: checkIn
      ? {
          id: checkIn.id,
          repPlanId: checkIn.repPlanId,
          dueOn: checkIn.dueOn,
          periodStart: checkIn.periodStart,
          periodEnd: checkIn.periodEnd,
          isOverdue: checkIn.dueOn < day,
        }
      : null,
  };
}

/** GET /api/dashboards/rep: the caller's own, or a rep they may see (another's is not found). */
export async function getRepDashboard(
  db: Database,
  actor: Actor,
  query: { repId?: string | undefined },
): Promise<RepDashboard> {
  const repId = query.repId ?? actor.userId;
  const user = canRead(actor, repId) ? await getUser(db, actor.orgId, repId) : undefined;
  if (!user) throw new NotFoundError('Rep', repId);
  const org = await getOrganisation(db, actor.orgId);
  if (!org) throw new NotFoundError('Organisation', actor.orgId);
  return buildRepDashboard(db, actor, org, { id: user.id, name: user.name }, todayIn(org.timeZone));
}
