import { check, foreignKey, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { importEntities } from '../../schemas/import';
import { oneOf, orgIdColumn, updatedAtColumn } from './columns';
import { users } from './users';

// The column map a user last imported an entity's file with (web Import page): offered again
// for their next file of that entity. One per user and entity, replaced by the next import.
export const importMappings = pgTable(
  'import_mappings',
  {
    orgId: orgIdColumn(),
    userId: uuid('user_id').notNull(),
    entity: text('entity', { enum: importEntities }).notNull(),
    /** Salesplan field → the file's header. */
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.entity] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
    check('import_mappings_entity_valid', oneOf('entity', importEntities)),
  ],
);
