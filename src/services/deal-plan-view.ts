import { allQueries, type Executor } from '../db/client';
import {
  getPlanRows,
  listOwnerOpenStepDates,
  listPlanAuditEntries,
  type PlanRows,
} from '../db/queries/deal-plans';
import { getOpportunity, type OpportunityView } from '../db/queries/opportunities';
import { isoWeekOf } from '../domain/calendar';
import { NotFoundError } from '../domain/errors';
import { checkDealPlanDraft } from '../schemas/deal-plan-preview';
import type { DealPlanView } from '../schemas/deal-plans';
import { type Actor, canChange } from './authorization';
import { toTimeline, type PlanAuditEntry } from './deal-plan-history';

// Reads a deal plan as the API shows it: the parts, their findings and the timeline.

/** Open steps one rep can carry in a week across all their deals, before the check warns. */
export const OPEN_STEPS_PER_WEEK_CAPACITY = 12;

export async function loadVisibleOpportunity(
  db: Executor,
  actor: Actor,
  opportunityId: string,
): Promise<OpportunityView> {
  const view = await getOpportunity(db, actor.orgId, opportunityId, actor.visibleOwnerIds);
  if (!view) throw new NotFoundError('Opportunity', opportunityId);
  return view;
}

export function planParts(rows: PlanRows) {
  return {
    objectives: rows.objectives.map((o) => ({
      id: o.id,
      position: o.position,
      title: o.title,
      who: o.who,
      whereWhen: o.whereWhen,
      informationToCollect: o.informationToCollect,
      how: o.how,
      desiredOutcome: o.desiredOutcome,
      dueOn: o.dueOn,
      status: o.status,
    })),
    influences: rows.influences.map((i) => ({
      id: i.id,
      contactId: i.contactId,
      contactName: i.contactName,
      contactTitle: i.contactTitle,
      role: i.role,
      influence: i.influence,
      responseMode: i.responseMode,
      modeHistory: i.modeHistory,
      notes: i.notes,
    })),
    winWin: {
      buyerResult: rows.plan?.buyerResult ?? '',
      buyerPersonalWin: rows.plan?.buyerPersonalWin ?? '',
      ourWin: rows.plan?.ourWin ?? '',
    },
    competition: rows.competitors.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      differentiators: c.differentiators,
    })),
    steps: rows.steps.map((s) => ({
      id: s.id,
      position: s.position,
      what: s.what,
      ownerId: s.ownerId,
      ownerName: s.ownerName,
      dueOn: s.dueOn,
      status: s.status,
      objectiveId: s.objectiveId,
      influenceId: s.influenceId,
      competitorId: s.competitorId,
      dependsOnStepId: s.dependsOnStepId,
      confidence: s.confidence,
      completedOn: s.completedOn,
      activityId: s.activityId,
    })),
  };
}
export type PlanParts = ReturnType<typeof planParts>;

function weeklyCounts(dates: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const date of dates) {
    const week = isoWeekOf(date);
    counts[week] = (counts[week] ?? 0) + 1;
  }
  return counts;
}

/** The whole plan of a deal the actor can see, checked against `today`. */
export async function buildPlanView(
  db: Executor,
  actor: Actor,
  opportunity: OpportunityView,
  today: string,
  options: { withHistory?: boolean } = {},
): Promise<DealPlanView> {
  const o = opportunity.opportunity;
  const [rows, otherDates, audit] = await allQueries(db, [
    () => getPlanRows(db, actor.orgId, o.id),
    () => listOwnerOpenStepDates(db, actor.orgId, o.ownerId, o.id),
    async () => (options.withHistory === false ? [] : listPlanAuditEntries(db, actor.orgId, o.id)),
  ]);
  const parts = planParts(rows);
  const checkOptions = {
    openStepsPerWeekCapacity: OPEN_STEPS_PER_WEEK_CAPACITY,
    repOpenStepsByWeek: weeklyCounts(otherDates),
    repId: o.ownerId,
  };
  const base = {
    isOpen: opportunity.stageKind === 'open',
    expectedCloseOn: o.expectedCloseOn,
    ...parts,
  };
  const { findings, health } = checkDealPlanDraft(base, today, checkOptions);
  return {
    opportunityId: o.id,
    opportunityName: o.name,
    accountId: o.accountId,
    accountName: opportunity.accountName,
    ownerId: o.ownerId,
    ownerName: opportunity.ownerName,
    version: rows.plan?.version ?? 0,
    canEdit: canChange(actor, o.ownerId),
    ...base,
    findings,
    health,
    checkOptions,
    history: toTimeline(
      audit.map((a): PlanAuditEntry => ({
        ...a.entry,
        action: a.entry.action as PlanAuditEntry['action'],
        userName: a.userName,
      })),
    ),
  };
}
