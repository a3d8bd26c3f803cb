import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery } from './common';

/** Who changed what and when: the audit log, newest first by default. */
export const AuditLogQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  userId: Id.optional(),
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  /** First day shown, in the organisation's time zone. */
  from: IsoDate.optional(),
  /** Last day shown (included), in the organisation's time zone. */
  to: IsoDate.optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const AuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  /** Null for changes made by the CLI or the system. */
  userId: Id.nullable(),
  userName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  scopeType: z.string().nullable(),
  scopeId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditEntityTypes = z.object({ items: z.array(z.string()) });
export type AuditEntityTypes = z.infer<typeof AuditEntityTypes>;
