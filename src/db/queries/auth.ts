import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Executor } from '../client';
import { apiTokens, sessions } from '../schema';
import { forgetTokens, organisationOfToken, registerToken } from './directory';

// A request brings a token, not an organisation: the token directory names the organisation,
// then the session or API token is read with its org_id (one shard on Citus). Callers pass a
// transaction to the writes: the directory row is written with the row it points to.

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
  await registerToken(db, row.orgId, row.tokenHash);
}

export async function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  const orgId = await organisationOfToken(db, tokenHash);
  if (!orgId) return undefined;
  const [row] = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.orgId, orgId),
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
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

export async function findLiveApiToken(db: Executor, tokenHash: string, now: Date) {
  const orgId = await organisationOfToken(db, tokenHash);
  if (!orgId) return undefined;
  const [row] = await db
    .select()
    .from(apiTokens)
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
