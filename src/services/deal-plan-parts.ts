import type { Database } from '../db/client';
import { getContact, insertContact } from '../db/queries/contacts';
import { insertModeChange } from '../db/queries/deal-plans';
import {
  deletePlanItem,
  insertPlanItem,
  nextPosition,
  setPositions,
  updatePlanItem,
} from '../db/queries/deal-plan-items';
import { COMPETITOR_NAME_RULE, lacksCompetitorName } from '../domain/deal-plan';
import { NotFoundError, ValidationError } from '../domain/errors';
import type {
  BuyingInfluenceInput,
  BuyingInfluencePatch,
  CompetitorInput,
  CompetitorPatch,
  SingleSalesObjectiveInput,
  SingleSalesObjectivePatch,
} from '../schemas/deal-plans';
import { recordChanges } from './audit';
import type { Actor } from './authorization';
import type { PlanParts } from './deal-plan-view';
import { type PlanWriteContext, writeDealPlan } from './deal-plans';

// Single sales objectives, buying influences and the competition of a deal plan.

export type Write = { db: Database; actor: Actor; opportunityId: string; version: number };

/** This plan's item `id`: a query by this key never reaches another plan's item. */
export const keyOf = (w: Write, id: string) => ({
  orgId: w.actor.orgId,
  opportunityId: w.opportunityId,
  id,
});

/** The changed row, or "not found" when this plan has no such item. */
export function changed<T>(row: T | undefined, what: string, id: string): T {
  if (row === undefined) throw new NotFoundError(what, id);
  return row;
}

/** The item must belong to this plan: another plan's (or org's) item is "not found". */
export function itemOf<T extends { id: string }>(items: readonly T[], what: string, id: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new NotFoundError(what, id);
  return item;
}

function checkWho(before: PlanParts, who: readonly string[] | undefined) {
  const unknown = (who ?? []).filter((id) => !before.influences.some((i) => i.id === id));
  if (unknown.length)
    throw new ValidationError({
      field: 'who',
      reason: 'names a buying influence not in this plan',
    });
}

export function addObjective(w: Write, input: SingleSalesObjectiveInput) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx, before }) => {
    checkWho(before, input.who);
    const position = await nextPosition(tx, 'objective', w.actor.orgId, w.opportunityId);
    const row = await insertPlanItem(tx, 'objective', {
      ...input,
      orgId: w.actor.orgId,
      opportunityId: w.opportunityId,
      position,
    });
    return {
      part: 'objectives',
      entityType: 'single_sales_objective',
      entityId: row.id,
      action: 'create',
    };
  });
}

export function updateObjective(w: Write, id: string, patch: SingleSalesObjectivePatch) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx, before }) => {
    itemOf(before.objectives, 'Single sales objective', id);
    checkWho(before, patch.who);
    changed(
      await updatePlanItem(tx, 'objective', keyOf(w, id), patch),
      'Single sales objective',
      id,
    );
    return {
      part: 'objectives',
      entityType: 'single_sales_objective',
      entityId: id,
      action: 'update',
    };
  });
}

export function deleteObjective(w: Write, id: string) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx, before }) => {
    itemOf(before.objectives, 'Single sales objective', id);
    await deletePlanItem(tx, 'objective', keyOf(w, id));
    const rest = before.objectives.filter((o) => o.id !== id).map((o) => o.id);
    await setPositions(tx, 'objective', w.actor.orgId, w.opportunityId, rest);
    return {
      part: 'objectives',
      entityType: 'single_sales_objective',
      entityId: id,
      action: 'delete',
    };
  });
}

async function contactFor(context: PlanWriteContext, input: BuyingInfluenceInput): Promise<string> {
  const { tx, actor, opportunity } = context;
  const accountId = opportunity.opportunity.accountId;
  if (input.contactId) {
    const found = await getContact(tx, actor.orgId, input.contactId, null);
    if (!found || found.contact.accountId !== accountId)
      throw new ValidationError({
        field: 'contactId',
        reason: "is not a contact of the deal's account",
      });
    return found.contact.id;
  }
  if (!input.newContact)
    throw new ValidationError({ field: 'contactId', reason: 'pick a contact or create one' });
  if (!accountId)
    throw new ValidationError({ field: 'newContact', reason: 'link the deal to an account first' });
  const contact = await insertContact(tx, {
    orgId: actor.orgId,
    accountId,
    firstName: input.newContact.firstName,
    lastName: input.newContact.lastName,
    title: input.newContact.title || null,
  });
  await recordChanges(tx, actor, [
    { entityType: 'contact', entityId: contact.id, action: 'create', after: contact },
  ]);
  return contact.id;
}

export function addInfluence(w: Write, input: BuyingInfluenceInput) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async (context) => {
    const contactId = await contactFor(context, input);
    if (context.before.influences.some((i) => i.contactId === contactId))
      throw new ValidationError({
        field: 'contactId',
        reason: 'is already a buying influence here',
      });
    const row = await insertPlanItem(context.tx, 'influence', {
      orgId: w.actor.orgId,
      opportunityId: w.opportunityId,
      contactId,
      role: input.role,
      influence: input.influence,
      responseMode: input.responseMode,
      notes: input.notes,
    });
    if (input.responseMode) {
      await insertModeChange(context.tx, {
        orgId: w.actor.orgId,
        influenceId: row.id,
        responseMode: input.responseMode,
        recordedOn: context.today,
        recordedBy: w.actor.userId,
      });
    }
    return {
      part: 'influences',
      entityType: 'buying_influence',
      entityId: row.id,
      action: 'create',
    };
  });
}

export function updateInfluence(w: Write, id: string, patch: BuyingInfluencePatch) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx, before, today }) => {
    const current = itemOf(before.influences, 'Buying influence', id);
    changed(await updatePlanItem(tx, 'influence', keyOf(w, id), patch), 'Buying influence', id);
    // A new response mode is a new dated record: the history is never overwritten.
    if (patch.responseMode && patch.responseMode !== current.responseMode) {
      await insertModeChange(tx, {
        orgId: w.actor.orgId,
        influenceId: id,
        responseMode: patch.responseMode,
        recordedOn: today,
        recordedBy: w.actor.userId,
      });
    }
    return { part: 'influences', entityType: 'buying_influence', entityId: id, action: 'update' };
  });
}

export function deleteInfluence(w: Write, id: string) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx, before }) => {
    itemOf(before.influences, 'Buying influence', id);
    await deletePlanItem(tx, 'influence', keyOf(w, id));
    for (const objective of before.objectives.filter((o) => o.who.includes(id))) {
      await updatePlanItem(tx, 'objective', keyOf(w, objective.id), {
        who: objective.who.filter((who) => who !== id),
      });
    }
    return { part: 'influences', entityType: 'buying_influence', entityId: id, action: 'delete' };
  });
}

export function addCompetitor(w: Write, input: CompetitorInput) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx }) => {
    const row = await insertPlanItem(tx, 'competitor', {
      ...input,
      orgId: w.actor.orgId,
      opportunityId: w.opportunityId,
    });
    return { part: 'competition', entityType: 'competitor', entityId: row.id, action: 'create' };
  });
}

export function updateCompetitor(w: Write, id: string, patch: CompetitorPatch) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx, before }) => {
    const current = itemOf(before.competition, 'Competitor', id);
    // The input schema holds this rule for a new competitor; a patch is checked merged.
    if (lacksCompetitorName({ ...current, ...patch }))
      throw new ValidationError({ field: 'name', reason: COMPETITOR_NAME_RULE });
    changed(await updatePlanItem(tx, 'competitor', keyOf(w, id), patch), 'Competitor', id);
    return { part: 'competition', entityType: 'competitor', entityId: id, action: 'update' };
  });
}

export function deleteCompetitor(w: Write, id: string) {
  return writeDealPlan(w.db, w.actor, w.opportunityId, w.version, async ({ tx, before }) => {
    itemOf(before.competition, 'Competitor', id);
    await deletePlanItem(tx, 'competitor', keyOf(w, id));
    return { part: 'competition', entityType: 'competitor', entityId: id, action: 'delete' };
  });
}
