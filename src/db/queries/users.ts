import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../client';
import { organisations, users } from '../schema';
import { accountsOfEmail, syncEmailDirectory } from './directory';
import { caseless, orderBy } from './paging';
import { inOwnerScope, likePattern, type OwnerScope } from './scope';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

/** The organisation's user with this email. */
export async function findUserByEmail(db: Executor, orgId: string, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.email, email.toLowerCase())));
  return row;
}

/** Every account with this email, in any organisation, oldest first (at most `limit`). */
export async function listAccountsByEmail(db: Executor, email: string, limit: number) {
  const accounts = [];
  // One statement per organisation, each filtered by org_id (the directory names them).
  for (const { orgId, userId } of await accountsOfEmail(db, email, limit)) {
    const account = await getUserWithOrganisation(db, orgId, userId);
    if (account) accounts.push(account);
  }
  return accounts.sort(
    (a, b) =>
      a.user.createdAt.getTime() - b.user.createdAt.getTime() || a.user.id.localeCompare(b.user.id),
  );
}

export async function getUserWithOrganisation(db: Executor, orgId: string, userId: string) {
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}

/** How many active admins the organisation has. */
export async function countActiveAdmins(db: Executor, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), eq(users.isActive, true)));
  return row?.n ?? 0;
}

export async function getUser(db: Executor, orgId: string, userId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}

/** Everyone who reports to `managerId`, directly or through other managers. */
/**
 * Everyone who reports to the manager, directly or through other managers, as a text array: a
 * sub-select, so a larger statement (the sign-in's) can carry it. `managerId` is a value or a
 * column of the outer statement.
 */
export const teamMemberIdsSql = (orgId: string, managerId: SQL | string) => sql<string[]>`(
    with recursive team(id, depth) as (
      select t.id, 1 from users t where t.org_id = ${orgId} and t.manager_id = ${managerId}
      union
      select m.id, team.depth + 1 from users m join team on m.manager_id = team.id
      where m.org_id = ${orgId} and team.depth < 50
    )
    select coalesce(array_agg(distinct id::text), '{}') from team)`;

export async function teamMemberIds(
  db: Executor,
  orgId: string,
  managerId: string,
): Promise<string[]> {
  const [row] = await queryRows<{ ids: string[] }>(
    db,
    sql`select ${teamMemberIdsSql(orgId, managerId)} as ids`,
  );
  return row?.ids ?? [];
}

export async function insertUser(db: Executor, row: NewUserRow): Promise<UserRow> {
  const [inserted] = await db.insert(users).values(row).returning();
  if (!inserted) throw new Error('insert into users returned nothing');
  await syncEmailDirectory(db, inserted.orgId, [inserted.id]);
  return inserted;
}

export async function updateUser(
  db: Executor,
  orgId: string,
  userId: string,
  patch: Partial<NewUserRow>,
  /** Only if the row still has this version (someone else's save in between: undefined). */
  expectedVersion?: number,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set(patch)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.id, userId),
        expectedVersion === undefined ? undefined : eq(users.version, expectedVersion),
      ),
    )
    .returning();
  if (row && patch.email !== undefined) await syncEmailDirectory(db, orgId, [userId]);
  return row;
}

export type UserListFilter = {
  q?: string | undefined;
  role?: UserRow['role'] | undefined;
  sort: 'name' | 'email' | 'role' | 'createdAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

const managers = alias(users, 'managers');

export async function listUsers(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: UserListFilter,
) {
  const conditions: (SQL | undefined)[] = [eq(users.orgId, orgId), inOwnerScope(users.id, scope)];
  if (filter.q)
    conditions.push(
      or(ilike(users.name, likePattern(filter.q)), ilike(users.email, likePattern(filter.q))),
    );
  if (filter.role) conditions.push(eq(users.role, filter.role));
  const where = and(...conditions);
  const sortColumn = {
    name: caseless(users.name),
    email: users.email,
    role: users.role,
    createdAt: users.createdAt,
  }[filter.sort];
  const [items, [total]] = await Promise.all([
    db
      .select({ user: users, managerName: managers.name })
      .from(users)
      .leftJoin(managers, and(eq(managers.orgId, users.orgId), eq(managers.id, users.managerId)))
      .where(where)
      .orderBy(...orderBy(sortColumn, filter.order, users.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ value: count() }).from(users).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}
