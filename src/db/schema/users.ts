import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, oneOf, orgIdColumn, versionColumn } from './columns';
import { organisations } from './organisations';
import { territories } from './territories';
import { ROLES } from '../../domain/roles';

export const users = pgTable(
  'users',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    // Lower-cased on write; unique within the organisation (sign-in tries each account of the
    // email: an organisation cannot learn that another one has it).
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    managerId: uuid('manager_id'),
    territoryId: uuid('territory_id'),
    externalId: text('external_id'),
    // Null until someone sets a password: imported users cannot sign in by default.
    passwordHash: text('password_hash'),
    isActive: boolean('is_active').notNull().default(true),
    sellingHoursPerWeek: numeric('selling_hours_per_week', { mode: 'number' })
      .notNull()
      .default(25),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    // Two admins changing the same user at once: the second gets 409 (If-Match).
    version: versionColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    foreignKey({
      name: 'users_manager_fk',
      columns: [t.orgId, t.managerId],
      foreignColumns: [t.orgId, t.id],
    }),
    foreignKey({
      name: 'users_territory_fk',
      columns: [t.orgId, t.territoryId],
      foreignColumns: [territories.orgId, territories.id],
    }),
    uniqueIndex('users_org_email_key').on(t.orgId, t.email),
    index('users_email_idx').on(t.email),
    uniqueIndex('users_org_external_id_key').on(t.orgId, t.externalId),
    index('users_org_manager_idx').on(t.orgId, t.managerId),
    check('users_role_valid', oneOf('role', ROLES)),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_not_own_manager', sql`${t.managerId} is null or ${t.managerId} <> ${t.id}`),
    check('users_selling_hours_range', sql`${t.sellingHoursPerWeek} between 0 and 80`),
  ],
);
