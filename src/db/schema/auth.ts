import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, orgIdColumn } from './columns';
import { users } from './users';

// Server-side sessions. The cookie holds a random token; only its SHA-256 is stored.
export const sessions = pgTable(
  'sessions',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAtColumn(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
    // The hash is unique (token_directory); within the organisation the index finds it.
    uniqueIndex('sessions_org_token_hash_key').on(t.orgId, t.tokenHash),
    index('sessions_org_user_idx').on(t.orgId, t.userId),
  ],
);

// Personal API tokens for `Authorization: Bearer`. Shown once at creation, stored hashed.
export const apiTokens = pgTable(
  'api_tokens',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    // First characters of the token, shown in lists so a user can tell tokens apart.
    prefix: text('prefix').notNull(),
    createdAt: createdAtColumn(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('api_tokens_org_token_hash_key').on(t.orgId, t.tokenHash),
    index('api_tokens_org_user_idx').on(t.orgId, t.userId),
  ],
);

// A one-time link an admin hands a user to choose their own password (a new user, a reset):
// one per user, replaced by the next, removed when used. The URL holds the secret; only its
// SHA-256 is stored, named in the token directory like a session's.
export const passwordLinks = pgTable(
  'password_links',
  {
    orgId: orgIdColumn(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAtColumn(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('password_links_org_token_hash_key').on(t.orgId, t.tokenHash),
  ],
);
