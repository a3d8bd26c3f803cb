import { and, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../client';
import { accounts, contacts, opportunities, products, users } from '../schema';

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

const userRefFields = {
  id: users.id,
  externalId: users.externalId,
  email: users.email,
  name: users.name,
};
export type PlanUserRef = { id: string; externalId: string | null; email: string; name: string };

/** Users by id, as a plan document names them. */
export async function listUserRefsByIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<PlanUserRef[]> {
  if (ids.length === 0) return [];
  return db
    .select(userRefFields)
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, [...new Set(ids)])));
}

/** The users a document may mean: those with one of the external ids or emails. */
export async function listUsersByRefs(
  db: Executor,
  orgId: string,
  externalIds: readonly string[],
  emails: readonly string[],
): Promise<PlanUserRef[]> {
  if (externalIds.length + emails.length === 0) return [];
  return db
    .select(userRefFields)
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        or(
          externalIds.length > 0 ? inArray(users.externalId, [...new Set(externalIds)]) : undefined,
          emails.length > 0 ? inArray(users.email, [...new Set(emails)]) : undefined,
        ),
      ),
    );
}

export type PlanAccountRef = { id: string; externalId: string | null; name: string };
const accountRefFields = { id: accounts.id, externalId: accounts.externalId, name: accounts.name };

/** Accounts by id, as a plan document names them. */
export async function listAccountRefsByIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<PlanAccountRef[]> {
  if (ids.length === 0) return [];
  return db
    .select(accountRefFields)
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), inArray(accounts.id, [...new Set(ids)])));
}

/** The accounts a document may mean: those with one of the external ids or names. */
export async function listAccountsByRefs(
  db: Executor,
  orgId: string,
  externalIds: readonly string[],
  names: readonly string[],
): Promise<PlanAccountRef[]> {
  if (externalIds.length + names.length === 0) return [];
  return db
    .select(accountRefFields)
    .from(accounts)
    .where(
      and(
        eq(accounts.orgId, orgId),
        or(
          externalIds.length > 0
            ? inArray(accounts.externalId, [...new Set(externalIds)])
            : undefined,
          names.length > 0 ? inArray(accounts.name, [...new Set(names)]) : undefined,
        ),
      ),
    );
}

export type PlanProductRef = { id: string; externalId: string | null; name: string };

/** The organisation's products as plan documents name them (a catalogue, not a list of deals). */
export async function listProductRefs(db: Executor, orgId: string): Promise<PlanProductRef[]> {
  return db
    .select({ id: products.id, externalId: products.externalId, name: products.name })
    .from(products)
    .where(eq(products.orgId, orgId));
}
