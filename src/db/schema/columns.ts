import { sql } from 'drizzle-orm';
import { bigint, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

// Shared column builders: every tenant-owned table starts with org_id and its own id, and the
// two together are the primary key, so the schema can be distributed by org_id (docs/ARCHITECTURE.md).
export const orgIdColumn = () => uuid('org_id').notNull();
export const idColumn = () => uuid('id').notNull().defaultRandom();
export const moneyColumn = (name: string) => bigint(name, { mode: 'number' });
export const createdAtColumn = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAtColumn = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const versionColumn = () => integer('version').notNull().default(1);

/** SQL for "column is one of these values", used by check constraints on closed sets. */
export function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
