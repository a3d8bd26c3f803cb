import { and, asc, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { auditLog, users } from '../schema';
import { orderBy, type Page, type SortOrder } from './paging';

export type AuditEntry = typeof auditLog.$inferInsert;

export async function insertAuditEntries(db: Executor, entries: AuditEntry[]) {
  if (entries.length > 0) await db.insert(auditLog).values(entries);
}

export async function listAuditEntries(
  db: Executor,
  orgId: string,
  entityType: string,
  entityId: string,
) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        eq(auditLog.entityType, entityType),
        eq(auditLog.entityId, entityId),
      ),
    )
    .orderBy(asc(auditLog.at));
}

export type AuditLogFilter = {
  userId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Days in `timeZone`, both included. */
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
  order: SortOrder;
};

/** One page of the organisation's audit log, with who made each change. */
export async function pageAuditLog(
  db: Executor,
  orgId: string,
  filter: AuditLogFilter,
  page: Page,
) {
  const where = and(
    eq(auditLog.orgId, orgId),
    filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    // A day starts at midnight in the organisation's zone, not the server's.
    filter.from
      ? gte(auditLog.at, sql`(${filter.from}::date)::timestamp at time zone ${filter.timeZone}`)
      : undefined,
    filter.to
      ? lt(auditLog.at, sql`(${filter.to}::date + 1)::timestamp at time zone ${filter.timeZone}`)
      : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({ entry: auditLog, userName: users.name })
      .from(auditLog)
      .leftJoin(users, and(eq(users.orgId, auditLog.orgId), eq(users.id, auditLog.userId)))
      .where(where)
      .orderBy(...orderBy(auditLog.at, filter.order, auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

/** The kinds of record the organisation's log has entries for, for its filter. */
export async function listAuditEntityTypes(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ entityType: auditLog.entityType })
    .from(auditLog)
    .where(eq(auditLog.orgId, orgId))
    .orderBy(asc(auditLog.entityType));
  return rows.map((row) => row.entityType);
}
