import { and, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { accounts, contacts } from '../schema';
import { visibleAccounts } from './accounts';
import {
  afterKeyset,
  type KeysetCursor,
  keysetKeyText,
  keysetOrder,
  type KeysetSort,
  nextCursorOf,
} from './keyset';
import { matchingCount, pageWithTotal } from './list-total';
import { caseless, type Page, type SortOrder } from './paging';
import { likePattern, type OwnerScope } from './scope';

export type ContactRow = typeof contacts.$inferSelect;
export type NewContactRow = typeof contacts.$inferInsert;

export type ContactFilter = {
  q?: string | undefined;
  accountId?: string | undefined;
  sort: 'lastName' | 'createdAt';
  order: SortOrder;
};

// A contact is seen by whoever sees its account.
function baseQuery(db: Executor) {
  return db
    .select({ contact: contacts, accountName: accounts.name, accountOwnerId: accounts.ownerId })
    .from(contacts)
    .innerJoin(
      accounts,
      and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)),
    );
}

function where(db: Executor, orgId: string, scope: OwnerScope, ...more: (SQL | undefined)[]) {
  return and(eq(contacts.orgId, orgId), visibleAccounts(db, orgId, scope), ...more);
}

// A contact's name and email as one text, the expression of the trigram index
// contacts_org_search_trgm_idx (migration 0010, the search's): one ilike over it is served by the
// index, where an ilike on each column had none. "Anna Meyer" now finds Anna Meyer too.
const contactText = sql<string>`(${contacts.firstName} || ' ' || ${contacts.lastName} || ' ' || coalesce(${contacts.email}, ''))`;

function conditions(db: Executor, orgId: string, scope: OwnerScope, filter: ContactFilter) {
  return where(
    db,
    orgId,
    scope,
    filter.q ? ilike(contactText, likePattern(filter.q)) : undefined,
    filter.accountId ? eq(contacts.accountId, filter.accountId) : undefined,
  );
}

export async function listContacts(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: ContactFilter,
  page: Page,
) {
  const condition = conditions(db, orgId, scope, filter);
  const sort = keysetSorts[filter.sort];
  // The page and its count in one statement (list-total.ts).
  const matching = db
    .select({ one: sql`1` })
    .from(contacts)
    .innerJoin(
      accounts,
      and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)),
    )
    .where(condition);
  const { rows, total } = await pageWithTotal(
    db,
    matching,
    page,
    await db
      .select({
        contact: contacts,
        accountName: accounts.name,
        accountOwnerId: accounts.ownerId,
        id: contacts.id,
        sortKey: keysetKeyText(sort),
        matchingCount: matchingCount(matching),
      })
      .from(contacts)
      .innerJoin(
        accounts,
        and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)),
      )
      .where(and(condition, afterKeyset(sort, filter.order, contacts.id, page.after)))
      .orderBy(...keysetOrder(sort, filter.order, contacts.id))
      .limit(page.limit)
      .offset(page.offset),
  );
  return { items: rows, ...total, nextCursor: nextCursorOf(rows, page.limit) };
}

// The list's sorts as keyset keys: its pages (`after`) and every row in its order (CSV export).
const keysetSorts: Record<ContactFilter['sort'], KeysetSort> = {
  lastName: { key: caseless(contacts.lastName), type: 'text' },
  createdAt: { key: sql`${contacts.createdAt}`, type: 'timestamptz' },
};

export type ContactExportRow = {
  contact: ContactRow;
  id: string;
  sortKey: string;
  accountName: string;
  /** The account's external id, or else its Salesplan id (what an import knows it by). */
  accountKey: string;
};

/** The page of the list's rows after `after`, with their account's import key. */
export async function listContactsAfter(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: ContactFilter,
  after: KeysetCursor | null,
  limit: number,
): Promise<ContactExportRow[]> {
  const sort = keysetSorts[filter.sort];
  return db
    .select({
      contact: contacts,
      id: contacts.id,
      sortKey: keysetKeyText(sort),
      accountName: accounts.name,
      accountKey: sql<string>`coalesce(${accounts.externalId}, ${accounts.id}::text)`,
    })
    .from(contacts)
    .innerJoin(
      accounts,
      and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)),
    )
    .where(
      and(
        conditions(db, orgId, scope, filter),
        afterKeyset(sort, filter.order, contacts.id, after),
      ),
    )
    .orderBy(...keysetOrder(sort, filter.order, contacts.id))
    .limit(limit);
}

export async function getContact(db: Executor, orgId: string, id: string, scope: OwnerScope) {
  const [row] = await baseQuery(db).where(where(db, orgId, scope, eq(contacts.id, id)));
  return row;
}

export async function insertContact(db: Executor, row: NewContactRow) {
  const [inserted] = await db.insert(contacts).values(row).returning();
  if (!inserted) throw new Error('insert into contacts returned nothing');
  return inserted;
}

export async function updateContact(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<NewContactRow>,
) {
  const [row] = await db
    .update(contacts)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)))
    .returning();
  return row;
}

export async function deleteContact(db: Executor, orgId: string, id: string) {
  await db.delete(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
}
