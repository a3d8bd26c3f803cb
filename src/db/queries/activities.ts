import { and, eq, gte, ilike, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { accounts, activities, activityTypes, contacts, opportunities, users } from '../schema';
import {
  afterKeyset,
  type KeysetCursor,
  keysetKeyText,
  keysetOrder,
  type KeysetSort,
  nextCursorOf,
} from './keyset';
import { matchingCount, pageWithTotal } from './list-total';
import { type Page, type SortOrder } from './paging';
import { inOwnerScope, likePattern, type OwnerScope } from './scope';
import type { ActivityStatus } from '../../domain/activity';

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivityRow = typeof activities.$inferInsert;

export type ActivityFilter = {
  q?: string | undefined;
  ownerId?: string | undefined;
  managerId?: string | undefined;
  accountId?: string | undefined;
  opportunityId?: string | undefined;
  type?: string | undefined;
  status?: ActivityStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Every activity on or after this day, and the planned (overdue) ones before it. */
  agendaFrom?: string | undefined;
  sort: 'occursOn' | 'createdAt' | 'type';
  order: SortOrder;
};

export type ActivityView = {
  activity: ActivityRow;
  typeLabel: string;
  ownerName: string;
  accountName: string;
  opportunityName: string | null;
  contactName: string | null;
};

const sameOrg = (t: { orgId: PgColumn }) => eq(t.orgId, activities.orgId);

function fromActivities(db: Executor, fields: Parameters<Executor['select']>[0] & object) {
  return db
    .select(fields)
    .from(activities)
    .innerJoin(activityTypes, and(sameOrg(activityTypes), eq(activityTypes.key, activities.type)))
    .innerJoin(users, and(sameOrg(users), eq(users.id, activities.ownerId)))
    .innerJoin(accounts, and(sameOrg(accounts), eq(accounts.id, activities.accountId)))
    .leftJoin(
      opportunities,
      and(sameOrg(opportunities), eq(opportunities.id, activities.opportunityId)),
    )
    .leftJoin(contacts, and(sameOrg(contacts), eq(contacts.id, activities.contactId)));
}

const activityView = {
  activity: activities,
  typeLabel: activityTypes.label,
  ownerName: users.name,
  accountName: accounts.name,
  opportunityName: opportunities.name,
  contactName: sql<
    string | null
  >`nullif(trim(${contacts.firstName} || ' ' || ${contacts.lastName}), '')`,
};

function conditions(
  orgId: string,
  scope: OwnerScope,
  filter: Partial<ActivityFilter>,
): SQL | undefined {
  return and(
    eq(activities.orgId, orgId),
    inOwnerScope(activities.ownerId, scope),
    filter.q ? ilike(activities.subject, likePattern(filter.q)) : undefined,
    filter.ownerId ? eq(activities.ownerId, filter.ownerId) : undefined,
    filter.accountId ? eq(activities.accountId, filter.accountId) : undefined,
    filter.opportunityId ? eq(activities.opportunityId, filter.opportunityId) : undefined,
    filter.type ? eq(activities.type, filter.type) : undefined,
    filter.status ? eq(activities.status, filter.status) : undefined,
    filter.from ? gte(activities.occursOn, filter.from) : undefined,
    filter.to ? lte(activities.occursOn, filter.to) : undefined,
    filter.agendaFrom ? agendaFrom(orgId, filter.agendaFrom) : undefined,
  );
}

// One range from the first overdue planned activity (its day read in the partial
// activities_org_planned_occurs_idx), then the done ones before the day filtered out: the list's
// (org_id, occurs_on, id) index is read in order from there, not from the organisation's first
// activity (an OR of the two parts alone read every activity: 478 ms against 0.5 ms on the demo
// in PostgreSQL 15). An overdue activity left for months still makes the scan start that far back.
function agendaFrom(orgId: string, day: string): SQL | undefined {
  const firstOverdue = sql`(select min(p.occurs_on) from ${activities} p
    where p.org_id = ${orgId} and p.status = 'planned' and p.occurs_on < ${day})`;
  return and(
    sql`${activities.occursOn} >= coalesce(${firstOverdue}, ${day}::date)`,
    or(
      gte(activities.occursOn, day),
      and(eq(activities.status, 'planned'), lt(activities.occursOn, day)),
    ),
  );
}

// The team filter (managerId) as the team's ids, read first and met with the caller's scope:
// `owner_id in (…)` is the scope's case, served by the owner index, where an `exists` over users
// for each activity read every activity in scope (1.5 s for a manager at 10M activities).
async function narrowToTeam(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  managerId: string | undefined,
): Promise<OwnerScope> {
  if (managerId === undefined) return scope;
  const team = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.managerId, managerId)));
  return team.map((row) => row.id).filter((id) => scope === null || scope.includes(id));
}

export async function listActivities(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: ActivityFilter,
  page: Page,
) {
  const where = conditions(orgId, await narrowToTeam(db, orgId, scope, filter.managerId), filter);
  const sort = keysetSorts[filter.sort];
  // The page and its count in one statement (list-total.ts).
  const matching = db
    .select({ one: sql`1` })
    .from(activities)
    .where(where);
  const { rows, total } = await pageWithTotal(
    db,
    matching,
    page,
    (await fromActivities(db, {
      ...activityView,
      id: activities.id,
      sortKey: keysetKeyText(sort),
      matchingCount: matchingCount(matching),
    })
      .where(and(where, afterKeyset(sort, filter.order, activities.id, page.after)))
      .orderBy(...keysetOrder(sort, filter.order, activities.id))
      .limit(page.limit)
      .offset(page.offset)) as (ActivityView & {
      id: string;
      sortKey: string;
      matchingCount: string | number;
    })[],
  );
  return {
    items: rows as (ActivityView & { id: string; sortKey: string })[],
    ...total,
    nextCursor: nextCursorOf(rows as { id: string; sortKey: string }[], page.limit),
  };
}

// The list's sorts as keyset keys: its pages (`after`) and every row in its order (CSV export).
const keysetSorts: Record<ActivityFilter['sort'], KeysetSort> = {
  occursOn: { key: sql`${activities.occursOn}`, type: 'date' },
  createdAt: { key: sql`${activities.createdAt}`, type: 'timestamptz' },
  type: { key: sql`${activities.type}`, type: 'text' },
};

/** What an import knows a record by: its external id, or else its Salesplan id. */
const importKey = (externalId: PgColumn, id: PgColumn) =>
  sql<string>`coalesce(${externalId}, ${id}::text)`;

export type ActivityExportRow = ActivityView & {
  id: string;
  sortKey: string;
  ownerKey: string;
  accountKey: string;
  opportunityKey: string | null;
  contactKey: string | null;
};

/** The page of the list's rows after `after`, with the import keys of what they point at. */
export async function listActivitiesAfter(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: ActivityFilter,
  after: KeysetCursor | null,
  limit: number,
): Promise<ActivityExportRow[]> {
  const sort = keysetSorts[filter.sort];
  const rows = await fromActivities(db, {
    ...activityView,
    id: activities.id,
    sortKey: keysetKeyText(sort),
    ownerKey: importKey(users.externalId, users.id),
    accountKey: importKey(accounts.externalId, accounts.id),
    opportunityKey: sql<string | null>`${importKey(opportunities.externalId, opportunities.id)}`,
    contactKey: sql<string | null>`${importKey(contacts.externalId, contacts.id)}`,
  })
    .where(
      and(
        conditions(orgId, await narrowToTeam(db, orgId, scope, filter.managerId), filter),
        afterKeyset(sort, filter.order, activities.id, after),
      ),
    )
    .orderBy(...keysetOrder(sort, filter.order, activities.id))
    .limit(limit);
  return rows as ActivityExportRow[];
}

export async function getActivity(db: Executor, orgId: string, id: string, scope: OwnerScope) {
  const [row] = await fromActivities(db, activityView).where(
    and(conditions(orgId, scope, {}), eq(activities.id, id)),
  );
  return row as ActivityView | undefined;
}

export async function insertActivity(db: Executor, row: NewActivityRow) {
  const [inserted] = await db.insert(activities).values(row).returning();
  if (!inserted) throw new Error('insert into activities returned nothing');
  return inserted;
}

export async function updateActivity(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<NewActivityRow>,
) {
  const [row] = await db
    .update(activities)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(activities.orgId, orgId), eq(activities.id, id)))
    .returning();
  return row;
}

export async function deleteActivity(db: Executor, orgId: string, id: string) {
  await db.delete(activities).where(and(eq(activities.orgId, orgId), eq(activities.id, id)));
}

export async function activityTypeExists(db: Executor, orgId: string, key: string) {
  const [row] = await db
    .select({ key: activityTypes.key })
    .from(activityTypes)
    .where(and(eq(activityTypes.orgId, orgId), eq(activityTypes.key, key)));
  return row !== undefined;
}
