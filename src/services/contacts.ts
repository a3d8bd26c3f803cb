import type { Database, Executor } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import {
  deleteContact as deleteContactRow,
  getContact as getContactRow,
  insertContact,
  listContacts as listContactRows,
  updateContact as updateContactRow,
} from '../db/queries/contacts';
import { pageOf } from '../db/queries/paging';
import { ConflictError, NotFoundError } from '../domain/errors';
import type { Contact, ContactInput, ContactListQuery, ContactPatch } from '../schemas/contacts';
import { recordChanges } from './audit';
import { type Actor, assertCanChange } from './authorization';
import { checkAccount } from './references';

type ContactView = NonNullable<Awaited<ReturnType<typeof getContactRow>>>;

function toContact({ contact, accountName }: ContactView): Contact {
  return {
    id: contact.id,
    accountId: contact.accountId,
    accountName,
    firstName: contact.firstName,
    lastName: contact.lastName,
    externalId: contact.externalId,
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error))
    throw new ConflictError('Another contact already has this external id');
  throw error;
}

export async function listContacts(db: Executor, actor: Actor, query: ContactListQuery) {
  const { items, ...page } = await listContactRows(
    db,
    actor.orgId,
    actor.visibleOwnerIds,
    query,
    pageOf(query),
  );
  return { items: items.map(toContact), ...page };
}

export async function getContact(db: Executor, actor: Actor, id: string): Promise<Contact> {
  const row = await getContactRow(db, actor.orgId, id, actor.visibleOwnerIds);
  if (!row) throw new NotFoundError('Contact', id);
  return toContact(row);
}

// Contacts are changed by whoever may change their account; shared accounts' contacts by anyone
// who can see them, since the pool has no owner to ask.
async function loadForChange(db: Executor, actor: Actor, id: string) {
  const row = await getContactRow(db, actor.orgId, id, actor.visibleOwnerIds);
  if (!row) throw new NotFoundError('Contact', id);
  if (row.accountOwnerId !== null) assertCanChange(actor, 'Contact', id, row.accountOwnerId);
  return row;
}

export async function createContact(
  db: Database,
  actor: Actor,
  input: ContactInput,
): Promise<Contact> {
  return db.transaction(async (tx) => {
    await checkAccount(tx, actor, 'accountId', input.accountId);
    const row = await insertContact(tx, { ...input, orgId: actor.orgId }).catch(rethrowDuplicate);
    await recordChanges(tx, actor, [
      {
        entityType: 'contact',
        entityId: row.id,
        action: 'create',
        after: row,
        scopeType: 'account',
        scopeId: row.accountId,
      },
    ]);
    return getContact(tx, actor, row.id);
  });
}

export async function updateContact(
  db: Database,
  actor: Actor,
  id: string,
  patch: ContactPatch,
): Promise<Contact> {
  return db.transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id);
    if (patch.accountId) await checkAccount(tx, actor, 'accountId', patch.accountId);
    const after = await updateContactRow(tx, actor.orgId, id, patch).catch(rethrowDuplicate);
    await recordChanges(tx, actor, [
      {
        entityType: 'contact',
        entityId: id,
        action: 'update',
        before: before.contact,
        after,
        scopeType: 'account',
        scopeId: before.contact.accountId,
      },
    ]);
    return getContact(tx, actor, id);
  });
}

export async function deleteContact(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id);
    await deleteContactRow(tx, actor.orgId, id);
    await recordChanges(tx, actor, [
      {
        entityType: 'contact',
        entityId: id,
        action: 'delete',
        before: before.contact,
        scopeType: 'account',
        scopeId: before.contact.accountId,
      },
    ]);
  });
}
