import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAtColumn, idColumn, oneOf, orgIdColumn, updatedAtColumn } from './columns';
import { accounts, contacts } from './accounts';
import { opportunities } from './opportunities';
import { activityTypes } from './segments';
import { users } from './users';
import { ACTIVITY_STATUSES } from '../../domain/activity';

export const activities = pgTable(
  'activities',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    externalId: text('external_id'),
    type: text('type').notNull(),
    status: text('status', { enum: ACTIVITY_STATUSES }).notNull(),
    // The day it is planned for, or the day it was done.
    occursOn: date('occurs_on', { mode: 'string' }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    accountId: uuid('account_id').notNull(),
    opportunityId: uuid('opportunity_id'),
    contactId: uuid('contact_id'),
    subject: text('subject').notNull().default(''),
    outcome: text('outcome'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'activities_type_fk',
      columns: [t.orgId, t.type],
      foreignColumns: [activityTypes.orgId, activityTypes.key],
    }),
    foreignKey({
      name: 'activities_owner_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'activities_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'activities_opportunity_fk',
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }),
    foreignKey({
      name: 'activities_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }),
    uniqueIndex('activities_org_external_id_key').on(t.orgId, t.externalId),
    index('activities_org_owner_occurs_idx').on(t.orgId, t.ownerId, t.occursOn),
    index('activities_org_account_idx').on(t.orgId, t.accountId),
    // The list's `q` (subject ilike '%…%', db/queries/activities.ts): trigrams, org_id first.
    index('activities_org_subject_trgm_idx').using('gin', t.orgId, sql`${t.subject} gin_trgm_ops`),
    // The list's sorts, each as its keyset key then the id (db/queries/activities.ts keysetSorts).
    index('activities_org_occurs_id_idx').on(t.orgId, t.occursOn, t.id),
    index('activities_org_created_id_idx').on(t.orgId, t.createdAt, t.id),
    index('activities_org_type_id_idx').on(t.orgId, t.type, t.id),
    // The agenda's overdue part (planned before the day, db/queries/activities.ts agendaFrom):
    // the few planned rows in date order, not the years of done ones around them.
    index('activities_org_planned_occurs_idx')
      .on(t.orgId, t.occursOn, t.id)
      .where(sql`${t.status} = 'planned'`),
    // A deal's last done activity (the dashboards' stale flag, pipeline-flags.ts) is one step
    // back in this index, without reading the activities themselves; its (org_id,
    // opportunity_id) prefix still serves the foreign key and a deal's activity list.
    index('activities_org_opportunity_status_occurs_idx').on(
      t.orgId,
      t.opportunityId,
      t.status,
      t.occursOn,
    ),
    check('activities_status_valid', oneOf('status', ACTIVITY_STATUSES)),
  ],
);
