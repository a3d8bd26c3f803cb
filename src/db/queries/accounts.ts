import { and, count, eq, ilike, inArray, isNull, max, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import {
  accounts,
  activities,
  opportunities,
  segments,
  stages,
  territories,
  users,
} from '../schema';
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
import { inOwnerScope, likePattern, type OwnerScope } from './scope';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;

const accountView = {
  account: accounts,
  segmentName: segments.name,
  ownerName: users.name,
};

// The three sources of visible accounts, as aliases so they never capture the outer query's.
const ownedAccounts = alias(accounts, 'owned_accounts');
const scopeDeals = alias(opportunities, 'scope_deals');
const poolAccounts = alias(accounts, 'pool_accounts');

// Accounts with no owner are the organisation's shared pool; otherwise an account is seen by
// whoever sees its owner, or owns a deal in it. The ids are read first, as the union of the three
// (each through its own index: accounts_org_owner_idx, opportunities_org_owner_idx, the pool),
// then the accounts by key: an `or` with an `exists` hashed every deal of the organisation, and
// an `in (union …)` let the planner walk the sort's index testing each account against the union.
export function visibleAccounts(db: Executor, orgId: string, scope: OwnerScope): SQL | undefined {
  if (scope === null) return undefined;
  if (scope.length === 0) return isNull(accounts.ownerId);
  const visibleIds = db
    .select({ id: ownedAccounts.id })
    .from(ownedAccounts)
    .where(and(eq(ownedAccounts.orgId, orgId), inOwnerScope(ownedAccounts.ownerId, scope)))
    .union(
      db
        .select({ id: sql<string>`${scopeDeals.accountId}`.as('id') })
        .from(scopeDeals)
        .where(and(eq(scopeDeals.orgId, orgId), inOwnerScope(scopeDeals.ownerId, scope))),
    )
    .union(
      db
        .select({ id: poolAccounts.id })
        .from(poolAccounts)
        .where(and(eq(poolAccounts.orgId, orgId), isNull(poolAccounts.ownerId))),
    );
  return sql`${accounts.id} = any(array(${visibleIds}))`;
}

export type AccountFilter = {
  q?: string | undefined;
  ownerId?: string | undefined;
  workableBy?: string | undefined;
  segmentId?: string | undefined;
  status?: AccountRow['status'] | undefined;
  sort: 'name' | 'createdAt' | 'updatedAt' | 'status';
  order: SortOrder;
};

function conditions(db: Executor, orgId: string, scope: OwnerScope, filter: AccountFilter) {
  return and(
    eq(accounts.orgId, orgId),
    visibleAccounts(db, orgId, scope),
    filter.q ? ilike(accounts.name, likePattern(filter.q)) : undefined,
    filter.ownerId ? eq(accounts.ownerId, filter.ownerId) : undefined,
    filter.workableBy ? visibleAccounts(db, orgId, [filter.workableBy]) : undefined,
    filter.segmentId ? eq(accounts.segmentId, filter.segmentId) : undefined,
    filter.status ? eq(accounts.status, filter.status) : undefined,
  );
}

function baseQuery(db: Executor) {
  return db
    .select(accountView)
    .from(accounts)
    .leftJoin(
      segments,
      and(eq(segments.orgId, accounts.orgId), eq(segments.id, accounts.segmentId)),
    )
    .leftJoin(users, and(eq(users.orgId, accounts.orgId), eq(users.id, accounts.ownerId)));
}

export async function listAccounts(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: AccountFilter,
  page: Page,
) {
  const where = conditions(db, orgId, scope, filter);
  const sort = keysetSorts[filter.sort];
  // The page and its count in one statement (list-total.ts).
  const matching = db
    .select({ one: sql`1` })
    .from(accounts)
    .where(where);
  const { rows, total } = await pageWithTotal(
    db,
    matching,
    page,
    await db
      .select({
        ...accountView,
        id: accounts.id,
        sortKey: keysetKeyText(sort),
        matchingCount: matchingCount(matching),
      })
      .from(accounts)
      .leftJoin(
        segments,
        and(eq(segments.orgId, accounts.orgId), eq(segments.id, accounts.segmentId)),
      )
      .leftJoin(users, and(eq(users.orgId, accounts.orgId), eq(users.id, accounts.ownerId)))
      .where(and(where, afterKeyset(sort, filter.order, accounts.id, page.after)))
      .orderBy(...keysetOrder(sort, filter.order, accounts.id))
      .limit(page.limit)
      .offset(page.offset),
  );
  return { items: rows, ...total, nextCursor: nextCursorOf(rows, page.limit) };
}

/** What the list says of each account: its last done activity and how many deals are open. */
export type AccountWork = { lastActivityOn: string | null; openDealCount: number };

// For one page of accounts (25 ids), two grouped reads over accounts' activities and deals, each
// within the caller's scope, so a rep's list counts only the deals and activities they may see.
export async function workOnAccounts(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  accountIds: readonly string[],
): Promise<Map<string, AccountWork>> {
  const work = new Map<string, AccountWork>(
    accountIds.map((id) => [id, { lastActivityOn: null, openDealCount: 0 }]),
  );
  if (accountIds.length === 0) return work;
  const [lastActivities, openDeals] = await Promise.all([
    db
      .select({ accountId: activities.accountId, lastActivityOn: max(activities.occursOn) })
      .from(activities)
      .where(
        and(
          eq(activities.orgId, orgId),
          inArray(activities.accountId, [...accountIds]),
          eq(activities.status, 'done'),
          inOwnerScope(activities.ownerId, scope),
        ),
      )
      .groupBy(activities.accountId),
    db
      .select({ accountId: opportunities.accountId, openDealCount: count() })
      .from(opportunities)
      .innerJoin(
        stages,
        and(eq(stages.orgId, opportunities.orgId), eq(stages.id, opportunities.stageId)),
      )
      .where(
        and(
          eq(opportunities.orgId, orgId),
          inArray(opportunities.accountId, [...accountIds]),
          eq(stages.kind, 'open'),
          inOwnerScope(opportunities.ownerId, scope),
        ),
      )
      .groupBy(opportunities.accountId),
  ]);
  for (const row of lastActivities) {
    const entry = work.get(row.accountId);
    if (entry) entry.lastActivityOn = row.lastActivityOn;
  }
  for (const row of openDeals) {
    const entry = row.accountId === null ? undefined : work.get(row.accountId);
    if (entry) entry.openDealCount = row.openDealCount;
  }
  return work;
}

// The list's sorts as keyset keys: its pages (`after`) and every row in its order (CSV export).
const keysetSorts: Record<AccountFilter['sort'], KeysetSort> = {
  name: { key: caseless(accounts.name), type: 'text' },
  createdAt: { key: sql`${accounts.createdAt}`, type: 'timestamptz' },
  updatedAt: { key: sql`${accounts.updatedAt}`, type: 'timestamptz' },
  status: { key: sql`${accounts.status}`, type: 'text' },
};

export type AccountExportRow = {
  account: AccountRow;
  id: string;
  sortKey: string;
  segmentName: string | null;
  ownerName: string | null;
  /** The owner's external id, or else their Salesplan id (what an import knows them by). */
  ownerKey: string | null;
  territoryName: string | null;
};

/** The page of the list's rows after `after`, with their owner's import key and territory. */
export async function listAccountsAfter(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: AccountFilter,
  after: KeysetCursor | null,
  limit: number,
): Promise<AccountExportRow[]> {
  const sort = keysetSorts[filter.sort];
  return db
    .select({
      ...accountView,
      id: accounts.id,
      sortKey: keysetKeyText(sort),
      ownerKey: sql<string | null>`coalesce(${users.externalId}, ${users.id}::text)`,
      territoryName: territories.name,
    })
    .from(accounts)
    .leftJoin(
      segments,
      and(eq(segments.orgId, accounts.orgId), eq(segments.id, accounts.segmentId)),
    )
    .leftJoin(users, and(eq(users.orgId, accounts.orgId), eq(users.id, accounts.ownerId)))
    .leftJoin(
      territories,
      and(eq(territories.orgId, accounts.orgId), eq(territories.id, accounts.territoryId)),
    )
    .where(
      and(
        conditions(db, orgId, scope, filter),
        afterKeyset(sort, filter.order, accounts.id, after),
      ),
    )
    .orderBy(...keysetOrder(sort, filter.order, accounts.id))
    .limit(limit);
}

export async function getAccount(db: Executor, orgId: string, id: string, scope: OwnerScope) {
  const [row] = await baseQuery(db).where(
    and(eq(accounts.orgId, orgId), eq(accounts.id, id), visibleAccounts(db, orgId, scope)),
  );
  return row;
}

/** The accounts among `ids` the scope may see, in one query (the key-account list). */
export async function getAccounts(
  db: Executor,
  orgId: string,
  ids: readonly string[],
  scope: OwnerScope,
) {
  if (ids.length === 0) return [];
  return baseQuery(db).where(
    and(
      eq(accounts.orgId, orgId),
      inArray(accounts.id, [...ids]),
      visibleAccounts(db, orgId, scope),
    ),
  );
}

export async function insertAccount(db: Executor, row: NewAccountRow) {
  const [inserted] = await db.insert(accounts).values(row).returning();
  if (!inserted) throw new Error('insert into accounts returned nothing');
  return inserted;
}

export async function updateAccount(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<NewAccountRow>,
) {
  const [row] = await db
    .update(accounts)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(accounts.orgId, orgId), eq(accounts.id, id)))
    .returning();
  return row;
}

export async function deleteAccount(db: Executor, orgId: string, id: string) {
  await db.delete(accounts).where(and(eq(accounts.orgId, orgId), eq(accounts.id, id)));
}

export async function countOpportunitiesOfAccount(db: Executor, orgId: string, accountId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(opportunities)
    .where(and(eq(opportunities.orgId, orgId), eq(opportunities.accountId, accountId)));
  return row?.value ?? 0;
}
