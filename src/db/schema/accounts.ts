import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdAtColumn,
  idColumn,
  moneyColumn,
  oneOf,
  orgIdColumn,
  updatedAtColumn,
} from './columns';
import { organisations } from './organisations';
import { segments } from './segments';
import { territories } from './territories';
import { users } from './users';
import { ACCOUNT_STATUSES } from '../../domain/account';

export const accounts = pgTable(
  'accounts',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    // The id in the CRM the account was imported from; imports upsert by it.
    externalId: text('external_id'),
    name: text('name').notNull(),
    segmentId: uuid('segment_id'),
    status: text('status', { enum: ACCOUNT_STATUSES }).notNull().default('prospect'),
    ownerId: uuid('owner_id'),
    territoryId: uuid('territory_id'),
    industry: text('industry'),
    country: text('country'),
    employees: integer('employees'),
    annualRevenueMinor: moneyColumn('annual_revenue_minor'),
    parentName: text('parent_name'),
    website: text('website'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    foreignKey({
      name: 'accounts_segment_fk',
      columns: [t.orgId, t.segmentId],
      foreignColumns: [segments.orgId, segments.id],
    }),
    foreignKey({
      name: 'accounts_owner_fk',
      columns: [t.orgId, t.ownerId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'accounts_territory_fk',
      columns: [t.orgId, t.territoryId],
      foreignColumns: [territories.orgId, territories.id],
    }),
    uniqueIndex('accounts_org_external_id_key').on(t.orgId, t.externalId),
    index('accounts_org_owner_idx').on(t.orgId, t.ownerId),
    index('accounts_org_name_idx').on(t.orgId, t.name),
    // Search (db/queries/search.ts): trigram matches within one organisation (btree_gin's org_id).
    index('accounts_org_name_trgm_idx').using('gin', t.orgId, sql`${t.name} gin_trgm_ops`),
    // The list's sorts, each as its keyset key then the id (db/queries/accounts.ts keysetSorts).
    index('accounts_org_name_id_idx').on(t.orgId, sql`lower(${t.name})`, t.id),
    index('accounts_org_status_id_idx').on(t.orgId, t.status, t.id),
    index('accounts_org_updated_id_idx').on(t.orgId, t.updatedAt, t.id),
    index('accounts_org_created_id_idx').on(t.orgId, t.createdAt, t.id),
    check('accounts_status_valid', oneOf('status', ACCOUNT_STATUSES)),
    check('accounts_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('accounts_employees_positive', sql`${t.employees} is null or ${t.employees} >= 0`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    externalId: text('external_id'),
    accountId: uuid('account_id').notNull(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull(),
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'contacts_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [accounts.orgId, accounts.id],
    }).onDelete('cascade'),
    uniqueIndex('contacts_org_external_id_key').on(t.orgId, t.externalId),
    index('contacts_org_account_idx').on(t.orgId, t.accountId),
    // The list's sorts, each as its keyset key then the id (db/queries/contacts.ts keysetSorts).
    index('contacts_org_last_name_id_idx').on(t.orgId, sql`lower(${t.lastName})`, t.id),
    index('contacts_org_created_id_idx').on(t.orgId, t.createdAt, t.id),
    // Search: a contact is found by name or email, one text of the three (db/queries/search.ts).
    index('contacts_org_search_trgm_idx').using(
      'gin',
      t.orgId,
      sql`(${t.firstName} || ' ' || ${t.lastName} || ' ' || coalesce(${t.email}, '')) gin_trgm_ops`,
    ),
    check('contacts_last_name_not_blank', sql`length(trim(${t.lastName})) > 0`),
  ],
);
