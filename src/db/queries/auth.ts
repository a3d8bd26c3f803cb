import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { apiTokens, organisations, sessions, users } from '../schema';
import { forgetTokens, organisationOfToken, registerToken } from './directory';
import { teamMemberIdsSql } from './users';

// A request brings a token, not an organisation: the token directory names the organisation,
// then the session or API token is read with its org_id (one shard on Citus). Callers pass a
// transaction to the writes: the directory row is written with the row it points to.

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
  await registerToken(db, row.orgId, row.tokenHash);
}

/** A manager's team (empty for anyone else) of the joined user `users`. */
const teamOfUserSql = (orgId: string) =>
  sql<
    string[]
  >`case when ${users.role} = 'manager' then ${teamMemberIdsSql(orgId, sql`${users.id}`)}
  else '{}'::text[] end`;

/**
 * A request's sign-in in one statement: the live session of the hash with its user, the user's
 * organisation and (a manager's) team. Undefined when the session is unknown or expired.
 */
export async function findLiveSessionIdentity(
  db: Executor,
  orgId: string,
  tokenHash: string,
  now: Date,
) {
  const [row] = await db
    .select({
      session: { id: sessions.id, lastSeenAt: sessions.lastSeenAt },
      user: users,
      organisation: organisations,
      team: teamOfUserSql(orgId),
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.orgId, sessions.orgId), eq(users.id, sessions.userId)))
    .innerJoin(organisations, eq(organisations.id, sessions.orgId))
    .where(
      and(
        eq(sessions.orgId, orgId),
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
      ),
    );
  return row;
}

/** The same for a live (unrevoked, unexpired) API token. */
export async function findLiveApiTokenIdentity(
  db: Executor,
  orgId: string,
  tokenHash: string,
  now: Date,
) {
  const [row] = await db
    .select({
      token: { id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt },
      user: users,
      organisation: organisations,
      team: teamOfUserSql(orgId),
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
    .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
    .where(
      and(
        eq(apiTokens.orgId, orgId),
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row;
}

export async function touchSession(
  db: Executor,
  orgId: string,
  id: string,
  now: Date,
  expiresAt: Date,
) {
  await db
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
}

export async function deleteSessionByTokenHash(db: Executor, tokenHash: string) {
  const orgId = await organisationOfToken(db, tokenHash);
  if (!orgId) return;
  await db
    .delete(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.tokenHash, tokenHash)));
  await forgetTokens(db, [tokenHash]);
}

export async function deleteSessionsOfUser(db: Executor, orgId: string, userId: string) {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId)))
    .returning({ tokenHash: sessions.tokenHash });
  await forgetTokens(
    db,
    deleted.map((session) => session.tokenHash),
  );
}

export async function insertApiToken(db: Executor, row: typeof apiTokens.$inferInsert) {
  const [inserted] = await db.insert(apiTokens).values(row).returning();
  if (!inserted) throw new Error('insert into api_tokens returned nothing');
  await registerToken(db, row.orgId, row.tokenHash);
  return inserted;
}

export async function markApiTokenUsed(db: Executor, orgId: string, id: string, now: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)));
}

export async function listApiTokensOfUser(db: Executor, orgId: string, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(
      and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(
  db: Executor,
  orgId: string,
  userId: string,
  id: string,
  now: Date,
) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(apiTokens.orgId, orgId),
        eq(apiTokens.userId, userId),
        eq(apiTokens.id, id),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** Revokes every live API token of a user (a new password or a deactivation ends them). */
export async function revokeApiTokensOfUser(
  db: Executor,
  orgId: string,
  userId: string,
  now: Date,
) {
  await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    );
}
