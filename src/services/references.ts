import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { getAccount } from '../db/queries/accounts';
import { getUser } from '../db/queries/users';
import { contacts, products, segments, territories } from '../db/schema';
import { ValidationError } from '../domain/errors';
import { type Actor, canChange } from './authorization';

// Checks that ids a request points at exist in the actor's organisation (and, for owners and
// accounts, within what the actor may use). A dangling id is the caller's mistake: 422 on the field.

export async function checkOwner(db: Executor, actor: Actor, field: string, ownerId: string) {
  const owner = await getUser(db, actor.orgId, ownerId);
  if (!owner) throw new ValidationError({ field, reason: 'no such user in this organisation' });
  if (!canChange(actor, ownerId)) {
    throw new ValidationError({ field, reason: 'you cannot assign records to this user' });
  }
}

export async function checkAccount(db: Executor, actor: Actor, field: string, accountId: string) {
  if (!(await getAccount(db, actor.orgId, accountId, actor.visibleOwnerIds))) {
    throw new ValidationError({ field, reason: 'no such account' });
  }
}

async function mustExist(found: Promise<unknown[]>, field: string, what: string) {
  if ((await found).length === 0) throw new ValidationError({ field, reason: `no such ${what}` });
}

export function checkSegment(db: Executor, actor: Actor, field: string, id: string) {
  return mustExist(
    db
      .select({ id: segments.id })
      .from(segments)
      .where(and(eq(segments.orgId, actor.orgId), eq(segments.id, id))),
    field,
    'segment',
  );
}

export function checkTerritory(
  db: Executor,
  actor: Pick<Actor, 'orgId'>,
  field: string,
  id: string,
) {
  return mustExist(
    db
      .select({ id: territories.id })
      .from(territories)
      .where(and(eq(territories.orgId, actor.orgId), eq(territories.id, id))),
    field,
    'territory',
  );
}

export function checkProduct(db: Executor, actor: Actor, field: string, id: string) {
  return mustExist(
    db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.orgId, actor.orgId), eq(products.id, id))),
    field,
    'product',
  );
}

export async function checkContactOfAccount(
  db: Executor,
  actor: Actor,
  field: string,
  contactId: string,
  accountId: string,
) {
  const [row] = await db
    .select({ accountId: contacts.accountId })
    .from(contacts)
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, contactId)));
  if (!row) throw new ValidationError({ field, reason: 'no such contact' });
  if (row.accountId !== accountId)
    throw new ValidationError({ field, reason: 'the contact belongs to another account' });
}
