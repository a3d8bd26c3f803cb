import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../client';
import { accounts, contacts, opportunities, users } from '../schema';

// What the open plan format (src/services/plan-format.ts) names records by: external ids and
// emails, read and matched within one organisation.

const contactFields = {
  id: contacts.id,
  accountId: contacts.accountId,
  externalId: contacts.externalId,
  email: contacts.email,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  title: contacts.title,
};
export type PlanContact = {
  id: string;
  accountId: string | null;
  externalId: string | null;
  email: string | null;
  firstName: string;
  lastName: string;
  title: string | null;
};

export async function listContactsByIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<PlanContact[]> {
  if (ids.length === 0) return [];
  return db
    .select(contactFields)
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, [...ids])));
}

export async function listAccountContacts(
  db: Executor,
  orgId: string,
  accountId: string,
): Promise<PlanContact[]> {
  return db
    .select(contactFields)
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.accountId, accountId)));
}

export async function listUserEmails(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, [...ids])));
}

export async function listUsersByEmails(db: Executor, orgId: string, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.email, [...emails])));
}

/** The deal's and its account's external ids and names. */
export async function getPlanRecordRefs(db: Executor, orgId: string, opportunityId: string) {
  const [row] = await db
    .select({
      opportunity: { externalId: opportunities.externalId, name: opportunities.name },
      accountExternalId: accounts.externalId,
      accountName: accounts.name,
    })
    .from(opportunities)
    .leftJoin(
      accounts,
      and(eq(accounts.orgId, opportunities.orgId), eq(accounts.id, opportunities.accountId)),
    )
    .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, opportunityId)));
  return row;
}
