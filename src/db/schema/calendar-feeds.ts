import { foreignKey, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, orgIdColumn } from './columns';
import { users } from './users';

// A user's calendar feed (issue #14): an ICS file at a secret URL that calendar apps poll
// without a session. One per user; replacing it changes the secret, revoking deletes the row.
// Only the secret's SHA-256 is stored, as for API tokens; token_directory names its organisation.
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    orgId: orgIdColumn(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('calendar_feeds_org_token_hash_key').on(t.orgId, t.tokenHash),
  ],
);
