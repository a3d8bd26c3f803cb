import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, orgIdColumn } from './columns';
import { organisations } from './organisations';

// Who changed what, when, with the entity before and after. Never updated, never deleted
// with the entity: history outlives what it describes.
export const auditLog = pgTable(
  'audit_log',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    userId: uuid('user_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    // The aggregate the change belongs to (e.g. the opportunity of a deal-plan step), for timelines.
    scopeType: text('scope_type'),
    scopeId: text('scope_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    index('audit_log_entity_idx').on(t.orgId, t.entityType, t.entityId, t.at),
    index('audit_log_scope_idx').on(t.orgId, t.scopeType, t.scopeId, t.at),
  ],
);
