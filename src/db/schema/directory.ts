import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

// What is looked up before the organisation is known: an email at sign-in, a token's hash on
// every request. These tables are not tenant tables (a Citus reference table each, see
// src/db/distribution.ts): they name the organisation, and the tenant rows are then read with
// their org_id. They are written in the same transaction as the rows they point to, and carry
// no foreign key to them (Citus allows none from a reference table to a distributed one).

/** email → the organisations (and users) that have it; an email is unique within one. */
export const emailDirectory = pgTable(
  'email_directory',
  {
    email: text('email').notNull(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.email, t.orgId] }),
    index('email_directory_org_user_idx').on(t.orgId, t.userId),
  ],
);

/** A session's or an API token's hash → its organisation. */
export const tokenDirectory = pgTable('token_directory', {
  tokenHash: text('token_hash').primaryKey(),
  orgId: uuid('org_id').notNull(),
});
