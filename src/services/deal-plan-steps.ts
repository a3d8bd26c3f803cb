import { getActivity } from '../db/queries/activities';
import {
  deletePlanItem,
  insertPlanItem,
  nextPosition,
  setPositions,
  updatePlanItem,
} from '../db/queries/deal-plan-items';
import { getUser } from '../db/queries/users';
import { ValidationError } from '../domain/errors';
import type { ActionStepInput, ActionStepOrder, ActionStepPatch } from '../schemas/deal-plans';
import { changed, itemOf, keyOf, type Write } from './deal-plan-parts';
import { type PlanWriteContext, writeDealPlan } from './deal-plans';

// The action steps of a deal plan: add, change (complete with one click), reorder, remove.

// Every link must point inside this plan; a dangling one is the caller's mistake (422).
async function checkLinks(context: PlanWriteContext, input: ActionStepPatch, stepId?: string) {
  const { before, tx, actor } = context;
  const links: [keyof ActionStepPatch, { id: string }[]][] = [
    ['objectiveId', before.objectives],
    ['influenceId', before.influences],
    ['competitorId', before.competition],
    ['dependsOnStepId', before.steps],
  ];
  for (const [field, items] of links) {
    const id = input[field];
    if (typeof id === 'string' && !items.some((item) => item.id === id))
      throw new ValidationError({ field, reason: 'is not part of this plan' });
  }
  if (stepId && input.dependsOnStepId === stepId)
    throw new ValidationError({
      field: 'dependsOnStepId',
      reason: 'a step cannot depend on itself',
    });
  if (input.ownerId && !(await getUser(tx, actor.orgId, input.ownerId)))
    throw new ValidationError({ field: 'ownerId', reason: 'no such user in this organisation' });
  if (input.activityId) {
    const activity = await getActivity(tx, actor.orgId, input.activityId, null);
    if (activity?.activity.opportunityId !== context.opportunity.opportunity.id)
      throw new ValidationError({ field: 'activityId', reason: 'is not an activity of this deal' });
  }
}

export function addActionStep(w: Write, input: ActionStepInput) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async (context) => {
    await checkLinks(context, input);
    const position = await nextPosition(context.tx, 'step', w.actor.orgId, w.opportunityId);
    const row = await insertPlanItem(context.tx, 'step', {
      ...input,
      ownerId: input.ownerId ?? context.opportunity.opportunity.ownerId,
      completedOn: input.status === 'done' ? context.today : null,
      orgId: w.actor.orgId,
      opportunityId: w.opportunityId,
      position,
    });
    return { part: 'steps', entityType: 'action_step', entityId: row.id, action: 'create' };
  });
}

export function updateActionStep(w: Write, id: string, patch: ActionStepPatch) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async (context) => {
    const current = itemOf(context.before.steps, 'Action step', id);
    await checkLinks(context, patch, id);
    const status = patch.status ?? current.status;
    const completedOn = status === 'done' ? (current.completedOn ?? context.today) : null;
    const row = await updatePlanItem(context.tx, 'step', keyOf(w, id), { ...patch, completedOn });
    changed(row, 'Action step', id);
    return { part: 'steps', entityType: 'action_step', entityId: id, action: 'update' };
  });
}

export function deleteActionStep(w: Write, id: string) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx, before }) => {
    itemOf(before.steps, 'Action step', id);
    await deletePlanItem(tx, 'step', keyOf(w, id));
    const rest = before.steps.filter((s) => s.id !== id).map((s) => s.id);
    await setPositions(tx, 'step', w.actor.orgId, w.opportunityId, rest);
    return { part: 'steps', entityType: 'action_step', entityId: id, action: 'delete' };
  });
}

export function reorderActionSteps(w: Write, order: ActionStepOrder) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx, before }) => {
    const current = before.steps.map((s) => s.id).sort();
    const wanted = [...new Set(order.stepIds)].sort();
    if (order.stepIds.length !== current.length || wanted.join() !== current.join())
      throw new ValidationError({
        field: 'stepIds',
        reason: 'must list every step of the plan once',
      });
    await setPositions(tx, 'step', w.actor.orgId, w.opportunityId, order.stepIds);
    return {
      part: 'stepOrder',
      entityType: 'action_step_order',
      entityId: w.opportunityId,
      action: 'update',
    };
  });
}
