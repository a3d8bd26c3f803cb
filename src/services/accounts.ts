import type { Database, Executor } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import {
  countOpportunitiesOfAccount,
  deleteAccount as deleteAccountRow,
  getAccount as getAccountRow,
  insertAccount,
  listAccounts as listAccountRows,
  updateAccount as updateAccountRow,
  workOnAccounts,
} from '../db/queries/accounts';
import { pageOf } from '../db/queries/paging';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors';
import type {
  Account,
  AccountInput,
  AccountListItem,
  AccountListQuery,
  AccountPatch,
} from '../schemas/accounts';
import { recordChanges } from './audit';
import { type Actor, assertCanChange, canChange, canRead } from './authorization';
import { checkOwner, checkSegment, checkTerritory } from './references';

type AccountView = NonNullable<Awaited<ReturnType<typeof getAccountRow>>>;

function toAccount({ account, segmentName, ownerName }: AccountView): Account {
  return {
    id: account.id,
    name: account.name,
    externalId: account.externalId,
    segmentId: account.segmentId,
    segmentName,
    status: account.status,
    ownerId: account.ownerId,
    ownerName,
    territoryId: account.territoryId,
    industry: account.industry,
    country: account.country,
    employees: account.employees,
    annualRevenueMinor: account.annualRevenueMinor,
    parentName: account.parentName,
    website: account.website,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}

export async function listAccounts(db: Executor, actor: Actor, query: AccountListQuery) {
  if (query.workableBy && !canRead(actor, query.workableBy)) {
    throw new NotFoundError('User', query.workableBy);
  }
  const { items, ...page } = await listAccountRows(
    db,
    actor.orgId,
    actor.visibleOwnerIds,
    query,
    pageOf(query),
  );
  const work = await workOnAccounts(
    db,
    actor.orgId,
    actor.visibleOwnerIds,
    items.map((row) => row.account.id),
  );
  return {
    items: items.map((row): AccountListItem => ({
      ...toAccount(row),
      lastActivityOn: null,
      openDealCount: 0,
      ...work.get(row.account.id),
    })),
    ...page,
  };
}

export async function getAccount(db: Executor, actor: Actor, id: string): Promise<Account> {
  const row = await getAccountRow(db, actor.orgId, id, actor.visibleOwnerIds);
  if (!row) throw new NotFoundError('Account', id);
  return toAccount(row);
}

async function checkReferences(db: Executor, actor: Actor, input: AccountPatch) {
  if (input.ownerId) await checkOwner(db, actor, 'ownerId', input.ownerId);
  if (input.segmentId) await checkSegment(db, actor, 'segmentId', input.segmentId);
  if (input.territoryId) await checkTerritory(db, actor, 'territoryId', input.territoryId);
}

function rethrowDuplicateExternalId(error: unknown, externalId: string | null | undefined): never {
  if (externalId && isUniqueViolation(error)) {
    throw new ConflictError(`Another account already has the external id ${externalId}`);
  }
  throw error;
}

export async function createAccount(
  db: Database,
  actor: Actor,
  input: AccountInput,
): Promise<Account> {
  return db.transaction(async (tx) => {
    // Reps own what they create; others may create an unowned (shared) account or assign one.
    const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
    await checkReferences(tx, actor, { ...input, ownerId });
    if (ownerId === null && !canChange(actor, null)) {
      throw new ValidationError({
        field: 'ownerId',
        reason: 'only an admin can create an account without an owner',
      });
    }
    const row = await insertAccount(tx, { ...input, ownerId, orgId: actor.orgId }).catch(
      (e: unknown) => rethrowDuplicateExternalId(e, input.externalId),
    );
    await recordChanges(tx, actor, [
      { entityType: 'account', entityId: row.id, action: 'create', after: row },
    ]);
    return getAccount(tx, actor, row.id);
  });
}

export async function updateAccount(
  db: Database,
  actor: Actor,
  id: string,
  patch: AccountPatch,
): Promise<Account> {
  return db.transaction(async (tx) => {
    const before = await getAccountRow(tx, actor.orgId, id, actor.visibleOwnerIds);
    if (!before) throw new NotFoundError('Account', id);
    assertCanChange(actor, 'Account', id, before.account.ownerId);
    await checkReferences(tx, actor, patch);
    const after = await updateAccountRow(tx, actor.orgId, id, patch).catch((e: unknown) =>
      rethrowDuplicateExternalId(e, patch.externalId),
    );
    await recordChanges(tx, actor, [
      { entityType: 'account', entityId: id, action: 'update', before: before.account, after },
    ]);
    return getAccount(tx, actor, id);
  });
}

export async function deleteAccount(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getAccountRow(tx, actor.orgId, id, actor.visibleOwnerIds);
    if (!before) throw new NotFoundError('Account', id);
    assertCanChange(actor, 'Account', id, before.account.ownerId);
    const deals = await countOpportunitiesOfAccount(tx, actor.orgId, id);
    if (deals > 0)
      throw new ConflictError(
        `This account still has ${deals} opportunities: move or delete them first`,
      );
    await deleteAccountRow(tx, actor.orgId, id);
    await recordChanges(tx, actor, [
      { entityType: 'account', entityId: id, action: 'delete', before: before.account },
    ]);
  });
}
