import type { Executor } from '../db/client';
import { insertAuditEntries, listAuditEntityTypes, pageAuditLog } from '../db/queries/audit-log';
import { pageOf } from '../db/queries/paging';
import type { auditLog } from '../db/schema';
import type { AuditEntry, AuditLogQuery } from '../schemas/audit-log';
import { type Actor, assertIsAdmin } from './authorization';

type AuditLogRow = typeof auditLog.$inferSelect;

export type Change = {
  entityType: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before?: unknown;
  after?: unknown;
  scopeType?: string;
  scopeId?: string;
};

// Dates become ISO strings, so the log reads the same on both database drivers.
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Keeps who changed what and when, with the record before and after, in the caller's transaction. */
export async function recordChanges(
  db: Executor,
  actor: { orgId: string; userId: string | null },
  changes: Change[],
): Promise<void> {
  await insertAuditEntries(
    db,
    changes.map((c) => ({
      orgId: actor.orgId,
      userId: actor.userId,
      entityType: c.entityType,
      entityId: c.entityId,
      action: c.action,
      before: plain(c.before),
      after: plain(c.after),
      scopeType: c.scopeType ?? null,
      scopeId: c.scopeId ?? null,
    })),
  );
}

function toAuditEntry(row: AuditLogRow, userName: string | null): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    userId: row.userId,
    userName,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    scopeType: row.scopeType,
    scopeId: row.scopeId,
    before: row.before,
    after: row.after,
  };
}

/** The organisation's audit log, filtered and paged (admins). */
export async function listAuditLog(db: Executor, actor: Actor, query: AuditLogQuery) {
  assertIsAdmin(actor);
  const { items, total } = await pageAuditLog(
    db,
    actor.orgId,
    { ...query, timeZone: actor.timeZone },
    pageOf(query),
  );
  return { items: items.map((row) => toAuditEntry(row.entry, row.userName)), total };
}

/** The kinds of record the log has entries for (admins). */
export async function listAuditLogEntityTypes(db: Executor, actor: Actor) {
  assertIsAdmin(actor);
  return { items: await listAuditEntityTypes(db, actor.orgId) };
}
