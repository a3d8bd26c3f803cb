import { allQueries, type Executor } from '../db/client';
import {
  listOwnersOpenStepDates,
  listPlanAuditEntries,
  type PlanRows,
} from '../db/queries/deal-plans';
import { getOpportunity, type OpportunityView } from '../db/queries/opportunities';
import {
  checkDealPlanHealth,
  countByIsoWeek,
  OPEN_STEPS_PER_WEEK_CAPACITY,
} from '../domain/deal-plan-checks';
import { NotFoundError } from '../domain/errors';
import type { DealPlanDraft, DealPlanView, PlanCheckOptions } from '../schemas/deal-plans';
import { type Actor, canChange } from './authorization';
import { planNamesOf, toTimeline, type PlanAuditEntry } from './deal-plan-history';

// Reads a deal plan as the API shows it: the parts, their findings and the timeline. The stored
// rows become the plan once (`planParts`); that plan is the domain's, so the checks run on it as
// it is.

export async function loadVisibleOpportunity(
  db: Executor,
  actor: Actor,
  opportunityId: string,
): Promise<OpportunityView> {
  const view = await getOpportunity(db, actor.orgId, opportunityId, actor.visibleOwnerIds);
  if (!view) throw new NotFoundError('Opportunity', opportunityId);
  return view;
}

/** Who writes in a plan's comments: the deal owner, or a manager whose team the owner is in. */
export function canCommentOnDealPlan(actor: Actor, ownerId: string): boolean {
  if (actor.userId === ownerId) return true;
  return actor.role === 'manager' && canChange(actor, ownerId);
}

export type PlanParts = Pick<
  DealPlanView,
  'objectives' | 'influences' | 'winWin' | 'competition' | 'steps'
>;

/** The one mapping from stored rows to the plan's parts (API and domain alike). */
export function planParts(rows: PlanRows): PlanParts {
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

export type OpenStepDate = { ownerId: string; opportunityId: string; dueOn: string };

/** What the checks of this deal's plan run with: the owner's open steps on their other deals. */
export function checkOptionsFor(
  opportunity: OpportunityView,
  openStepDates: readonly OpenStepDate[],
  today: string,
): PlanCheckOptions {
  const { id, ownerId } = opportunity.opportunity;
  // The plan's own steps are in the plan itself; counting them here too would count them twice.
  const elsewhere = openStepDates.filter((s) => s.ownerId === ownerId && s.opportunityId !== id);
  return {
    today,
    openStepsPerWeekCapacity: OPEN_STEPS_PER_WEEK_CAPACITY,
    repOpenStepsByWeek: countByIsoWeek(elsewhere.map((s) => s.dueOn)),
    repId: ownerId,
  };
}

/** The checked plan of a deal from its rows, without its history. */
export function checkedPlan(
  actor: Actor,
  opportunity: OpportunityView,
  rows: PlanRows,
  openStepDates: readonly OpenStepDate[],
  today: string,
): Omit<DealPlanView, 'history'> {
  const o = opportunity.opportunity;
  const checkOptions = checkOptionsFor(opportunity, openStepDates, today);
  const plan: DealPlanDraft = {
    isOpen: opportunity.stageKind === 'open',
    expectedCloseOn: o.expectedCloseOn,
    ...planParts(rows),
  };
  return {
    opportunityId: o.id,
    opportunityName: o.name,
    accountId: o.accountId,
    accountName: opportunity.accountName,
    ownerId: o.ownerId,
    ownerName: opportunity.ownerName,
    version: rows.plan?.version ?? 0,
    canEdit: canChange(actor, o.ownerId),
    canComment: canCommentOnDealPlan(actor, o.ownerId),
    ...plan,
    ...checkDealPlanHealth(plan, today, checkOptions),
    checkOptions,
  };
}

/** The whole plan of a deal from rows already read: reads only the owner's load and the history. */
export async function planViewOf(
  db: Executor,
  actor: Actor,
  opportunity: OpportunityView,
  rows: PlanRows,
  today: string,
): Promise<DealPlanView> {
  const o = opportunity.opportunity;
  const [openStepDates, audit] = await allQueries(db, [
    () => listOwnersOpenStepDates(db, actor.orgId, [o.ownerId]),
    () => listPlanAuditEntries(db, actor.orgId, o.id),
  ]);
  const history = audit.map((a): PlanAuditEntry => ({
    ...a.entry,
    action: a.entry.action as PlanAuditEntry['action'],
    userName: a.userName,
  }));
  return {
    ...checkedPlan(actor, opportunity, rows, openStepDates, today),
    history: toTimeline(history, planNamesOf(history, planParts(rows))),
  };
}
