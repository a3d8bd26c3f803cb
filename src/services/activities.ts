import type { Database, Executor } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import {
  activityTypeExists,
  type ActivityView,
  deleteActivity as deleteActivityRow,
  getActivity as getActivityRow,
  insertActivity,
  listActivities as listActivityRows,
  updateActivity as updateActivityRow,
} from '../db/queries/activities';
import { getOpportunity } from '../db/queries/opportunities';
import { pageOf } from '../db/queries/paging';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors';
import type {
  Activity,
  ActivityInput,
  ActivityListQuery,
  ActivityPatch,
} from '../schemas/activities';
import { recordChanges } from './audit';
import { type Actor, assertCanChange } from './authorization';
import { checkAccount, checkContactOfAccount, checkOwner } from './references';

function toActivity(view: ActivityView): Activity {
  const a = view.activity;
  return {
    id: a.id,
    type: a.type,
    typeLabel: view.typeLabel,
    status: a.status,
    occursOn: a.occursOn,
    ownerId: a.ownerId,
    ownerName: view.ownerName,
    accountId: a.accountId,
    accountName: view.accountName,
    opportunityId: a.opportunityId,
    opportunityName: view.opportunityName,
    contactId: a.contactId,
    contactName: view.contactName,
    externalId: a.externalId,
    subject: a.subject,
    outcome: a.outcome,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error))
    throw new ConflictError('Another activity already has this external id');
  throw error;
}

export async function listActivities(db: Executor, actor: Actor, query: ActivityListQuery) {
  const { items, ...page } = await listActivityRows(
    db,
    actor.orgId,
    actor.visibleOwnerIds,
    query,
    pageOf(query),
  );
  return { items: items.map(toActivity), ...page };
}

async function loadVisible(db: Executor, actor: Actor, id: string) {
  const view = await getActivityRow(db, actor.orgId, id, actor.visibleOwnerIds);
  if (!view) throw new NotFoundError('Activity', id);
  return view;
}

export async function getActivity(db: Executor, actor: Actor, id: string): Promise<Activity> {
  return toActivity(await loadVisible(db, actor, id));
}

// The activity's type, account, deal and contact must exist and hang together: the deal and the
// contact belong to the activity's account.
async function checkReferences(
  db: Executor,
  actor: Actor,
  next: {
    type: string;
    ownerId: string;
    accountId: string;
    opportunityId: string | null;
    contactId: string | null;
  },
  changed: ActivityPatch,
) {
  if (changed.type && !(await activityTypeExists(db, actor.orgId, next.type))) {
    throw new ValidationError({
      field: 'type',
      reason: `no activity type "${next.type}" in this organisation`,
    });
  }
  if (changed.ownerId) await checkOwner(db, actor, 'ownerId', next.ownerId);
  if (changed.accountId) await checkAccount(db, actor, 'accountId', next.accountId);
  if (next.opportunityId && (changed.opportunityId || changed.accountId)) {
    const deal = await getOpportunity(db, actor.orgId, next.opportunityId, actor.visibleOwnerIds);
    if (!deal) throw new ValidationError({ field: 'opportunityId', reason: 'no such opportunity' });
    if (deal.opportunity.accountId !== next.accountId) {
      throw new ValidationError({
        field: 'opportunityId',
        reason: 'the opportunity belongs to another account',
      });
    }
  }
  if (next.contactId && (changed.contactId || changed.accountId)) {
    await checkContactOfAccount(db, actor, 'contactId', next.contactId, next.accountId);
  }
}

export async function createActivity(
  db: Database,
  actor: Actor,
  input: ActivityInput,
): Promise<Activity> {
  return db.transaction(async (tx) => {
    const next = {
      ...input,
      ownerId: input.ownerId ?? actor.userId,
      opportunityId: input.opportunityId ?? null,
      contactId: input.contactId ?? null,
    };
    await checkReferences(tx, actor, next, next);
    const row = await insertActivity(tx, { ...next, orgId: actor.orgId }).catch(rethrowDuplicate);
    await recordChanges(tx, actor, [
      { entityType: 'activity', entityId: row.id, action: 'create', after: row },
    ]);
    return getActivity(tx, actor, row.id);
  });
}

export async function updateActivity(
  db: Database,
  actor: Actor,
  id: string,
  patch: ActivityPatch,
): Promise<Activity> {
  return db.transaction(async (tx) => {
    const before = (await loadVisible(tx, actor, id)).activity;
    assertCanChange(actor, 'Activity', id, before.ownerId);
    const next = { ...before, ...patch } as typeof before;
    await checkReferences(tx, actor, next, patch);
    const after = await updateActivityRow(tx, actor.orgId, id, patch).catch(rethrowDuplicate);
    await recordChanges(tx, actor, [
      { entityType: 'activity', entityId: id, action: 'update', before, after },
    ]);
    return getActivity(tx, actor, id);
  });
}

export async function deleteActivity(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = (await loadVisible(tx, actor, id)).activity;
    assertCanChange(actor, 'Activity', id, before.ownerId);
    await deleteActivityRow(tx, actor.orgId, id);
    await recordChanges(tx, actor, [
      { entityType: 'activity', entityId: id, action: 'delete', before },
    ]);
  });
}
