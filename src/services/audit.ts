import type { Executor } from '../db/client';
import { insertAuditEntries } from '../db/queries/audit-log';

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
