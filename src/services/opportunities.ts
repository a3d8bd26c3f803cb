import type { Database, Executor } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import {
  deleteOpportunity as deleteOpportunityRow,
  getOpportunity as getOpportunityRow,
  getStage,
  insertCloseDateChange,
  insertOpportunity,
  insertStageChange,
  listOpportunities as listOpportunityRows,
  listOpportunityIds,
  listStageChanges,
  type OpportunityFilter,
  type OpportunityRow,
  type OpportunityView,
  summariseOpportunities as summariseOpportunityRows,
  updateOpportunity as updateOpportunityRow,
} from '../db/queries/opportunities';
import { markBuyersAsCustomers } from '../db/queries/account-buyers';
import { getOrganisation } from '../db/queries/organisations';
import { pageOf } from '../db/queries/paging';
import { getUserWithOrganisation } from '../db/queries/users';
import { checkOpportunityDates, closedOnFor } from '../domain/opportunity';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors';
import type {
  Opportunity,
  OpportunityDetail,
  OpportunityInput,
  OpportunityListQuery,
  OpportunityPatch,
  OpportunitySummary,
  OpportunitySummaryQuery,
} from '../schemas/opportunities';
import { recordChanges } from './audit';
import { type Actor, assertCanChange } from './authorization';
import { todayIn } from './clock';
import { listPlanHealth } from './deal-plans';
import { checkAccount, checkOwner, checkProduct } from './references';

function toOpportunity(view: OpportunityView): Opportunity {
  const o = view.opportunity;
  return {
    id: o.id,
    name: o.name,
    externalId: o.externalId,
    accountId: o.accountId,
    accountName: view.accountName,
    ownerId: o.ownerId,
    ownerName: view.ownerName,
    productId: o.productId,
    productName: view.productName,
    amountMinor: o.amountMinor,
    currency: o.currency,
    stageId: o.stageId,
    stageName: view.stageName,
    stageKind: view.stageKind,
    probabilityPercent: view.probabilityPercent,
    createdOn: o.createdOn,
    expectedCloseOn: o.expectedCloseOn,
    closedOn: o.closedOn,
    nextStep: o.nextStep,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error))
    throw new ConflictError('Another opportunity already has this external id');
  throw error;
}

/**
 * The list's query as the filter its statements read, for the list, its summary and its CSV: the
 * flag as of today, and the plan filter. "Plan has errors" runs the deal-plan checks on the deals
 * with a plan that the other filters keep (one in many: a deal worth the effort has a plan).
 */
export async function opportunityFilterOf<Query extends OpportunitySummaryQuery>(
  db: Database,
  actor: Actor,
  query: Query,
): Promise<Omit<Query, 'flag' | 'plan'> & Omit<OpportunityFilter, 'sort' | 'order'>> {
  const { flag, plan, ...rest } = query;
  const today = todayIn(actor.timeZone);
  const filter = { ...rest, flagged: flag ? { flag, today } : undefined };
  if (plan === undefined) return filter;
  if (plan !== 'plan-errors') return { ...filter, hasPlan: plan === 'with-plan' };
  const planned = await listOpportunityIds(db, actor.orgId, actor.visibleOwnerIds, {
    ...filter,
    hasPlan: true,
  });
  const health = await listPlanHealth(db, actor, planned, today);
  return {
    ...filter,
    ids: health.items.filter((item) => item.error > 0).map((i) => i.opportunityId),
  };
}

export async function listOpportunities(db: Database, actor: Actor, query: OpportunityListQuery) {
  const filter = await opportunityFilterOf(db, actor, query);
  const { items, ...page } = await listOpportunityRows(
    db,
    actor.orgId,
    actor.visibleOwnerIds,
    filter,
    pageOf(query),
  );
  return { items: items.map(toOpportunity), ...page };
}

/** Count, value and weighted value of every deal the list's filters keep. */
export async function summariseOpportunities(
  db: Database,
  actor: Actor,
  query: OpportunitySummaryQuery,
): Promise<OpportunitySummary> {
  const filter = await opportunityFilterOf(db, actor, query);
  const [summary, organisation] = await Promise.all([
    summariseOpportunityRows(
      db,
      actor.orgId,
      actor.visibleOwnerIds,
      filter,
      todayIn(actor.timeZone),
    ),
    getOrganisation(db, actor.orgId),
  ]);
  if (!organisation) throw new NotFoundError('Organisation', actor.orgId);
  return {
    count: summary.count,
    currency: organisation.currency,
    valueMinor: summary.valueMinor,
    weightedValueMinor: Math.round(summary.weightedValue),
    unconverted: summary.unconverted,
  };
}

async function loadVisible(db: Executor, actor: Actor, id: string): Promise<OpportunityView> {
  const view = await getOpportunityRow(db, actor.orgId, id, actor.visibleOwnerIds);
  if (!view) throw new NotFoundError('Opportunity', id);
  return view;
}

export async function getOpportunity(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<OpportunityDetail> {
  const view = await loadVisible(db, actor, id);
  const history = await listStageChanges(db, actor.orgId, id);
  return { ...toOpportunity(view), stageHistory: history };
}

async function checkReferences(db: Executor, actor: Actor, input: OpportunityPatch) {
  if (input.ownerId) await checkOwner(db, actor, 'ownerId', input.ownerId);
  if (input.accountId) await checkAccount(db, actor, 'accountId', input.accountId);
  if (input.productId) await checkProduct(db, actor, 'productId', input.productId);
}

// An account is a prospect until it buys: a deal won (created or moved into a won stage) makes
// its prospect account a customer in the same transaction, with an audit entry.
async function markAccountBought(
  db: Executor,
  actor: Actor,
  stageKind: string,
  accountId: string | null,
) {
  if (stageKind !== 'won' || !accountId) return;
  const changed = await markBuyersAsCustomers(db, actor.orgId, [accountId]);
  await recordChanges(
    db,
    actor,
    changed.map((id) => ({
      entityType: 'account',
      entityId: id,
      action: 'update',
      before: { status: 'prospect' },
      after: { status: 'customer' },
    })),
  );
}

async function stageOf(db: Executor, actor: Actor, stageId: string) {
  const stage = await getStage(db, actor.orgId, stageId);
  if (!stage) throw new ValidationError({ field: 'stageId', reason: 'no such stage' });
  return stage;
}

export async function createOpportunity(
  db: Database,
  actor: Actor,
  input: OpportunityInput,
): Promise<OpportunityDetail> {
  const today = todayIn(actor.timeZone);
  return db.transaction(async (tx) => {
    const ownerId = input.ownerId ?? actor.userId;
    await checkReferences(tx, actor, { ...input, ownerId });
    const stage = await stageOf(tx, actor, input.stageId);
    const currency =
      input.currency ??
      (await getUserWithOrganisation(tx, actor.orgId, actor.userId))?.organisation.currency ??
      'EUR';
    const createdOn = input.createdOn ?? today;
    const closedOn = closedOnFor(stage.kind, input.closedOn, null, today);
    checkOpportunityDates({ createdOn, closedOn });
    const row = await insertOpportunity(tx, {
      ...input,
      orgId: actor.orgId,
      ownerId,
      currency,
      createdOn,
      closedOn,
    }).catch(rethrowDuplicate);
    await insertStageChange(tx, {
      orgId: actor.orgId,
      opportunityId: row.id,
      fromStageId: null,
      toStageId: row.stageId,
      changedOn: createdOn,
      changedBy: actor.userId,
    });
    await recordChanges(tx, actor, [
      { entityType: 'opportunity', entityId: row.id, action: 'create', after: row },
    ]);
    await markAccountBought(tx, actor, stage.kind, row.accountId);
    return getOpportunity(tx, actor, row.id);
  });
}

export async function updateOpportunity(
  db: Database,
  actor: Actor,
  id: string,
  patch: OpportunityPatch,
): Promise<OpportunityDetail> {
  const today = todayIn(actor.timeZone);
  return db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id);
    const old: OpportunityRow = before.opportunity;
    assertCanChange(actor, 'Opportunity', id, old.ownerId);
    await checkReferences(tx, actor, patch);
    const stage = patch.stageId
      ? await stageOf(tx, actor, patch.stageId)
      : { id: old.stageId, kind: before.stageKind };
    const stageChanged = stage.id !== old.stageId;
    const closedOn =
      patch.closedOn === undefined && !stageChanged
        ? old.closedOn
        : closedOnFor(stage.kind, patch.closedOn, stageChanged ? null : old.closedOn, today);
    checkOpportunityDates({ createdOn: patch.createdOn ?? old.createdOn, closedOn });
    const after = await updateOpportunityRow(tx, actor.orgId, id, { ...patch, closedOn }).catch(
      rethrowDuplicate,
    );
    if (stageChanged) {
      await insertStageChange(tx, {
        orgId: actor.orgId,
        opportunityId: id,
        fromStageId: old.stageId,
        toStageId: stage.id,
        changedOn: today,
        changedBy: actor.userId,
      });
    }
    if (patch.expectedCloseOn !== undefined && patch.expectedCloseOn !== old.expectedCloseOn) {
      await insertCloseDateChange(tx, {
        orgId: actor.orgId,
        opportunityId: id,
        fromDate: old.expectedCloseOn,
        toDate: patch.expectedCloseOn,
        changedOn: today,
        changedBy: actor.userId,
      });
    }
    await recordChanges(tx, actor, [
      { entityType: 'opportunity', entityId: id, action: 'update', before: old, after },
    ]);
    await markAccountBought(tx, actor, stage.kind, after?.accountId ?? null);
    return getOpportunity(tx, actor, id);
  });
}

export async function deleteOpportunity(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id);
    assertCanChange(actor, 'Opportunity', id, before.opportunity.ownerId);
    await deleteOpportunityRow(tx, actor.orgId, id);
    await recordChanges(tx, actor, [
      { entityType: 'opportunity', entityId: id, action: 'delete', before: before.opportunity },
    ]);
  });
}
