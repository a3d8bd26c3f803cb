import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { auditLog } from '../schema';

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
