import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../client';
import { emailDirectory, tokenDirectory, users } from '../schema';

// The directory (src/db/schema/directory.ts) answers "which organisation?" before one is known;
// the tenant rows are then read with their org_id. Every write of a user, session or API token
// keeps it in step, in the same transaction (callers pass one).

const INSERT_CHUNK = 1000;

/** The organisation a session's or API token's hash belongs to. */
export async function organisationOfToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ orgId: tokenDirectory.orgId })
    .from(tokenDirectory)
    .where(eq(tokenDirectory.tokenHash, tokenHash));
  return row?.orgId;
}

export async function registerToken(db: Executor, orgId: string, tokenHash: string) {
  await db.insert(tokenDirectory).values({ orgId, tokenHash });
}

export async function forgetTokens(db: Executor, tokenHashes: readonly string[]) {
  if (tokenHashes.length === 0) return;
  await db.delete(tokenDirectory).where(inArray(tokenDirectory.tokenHash, [...tokenHashes]));
}

/** The accounts (organisation and user) that have this email, at most `limit`. */
export async function accountsOfEmail(db: Executor, email: string, limit: number) {
  return db
    .select({ orgId: emailDirectory.orgId, userId: emailDirectory.userId })
    .from(emailDirectory)
    .where(eq(emailDirectory.email, email.toLowerCase()))
    .orderBy(emailDirectory.orgId)
    .limit(limit);
}

/**
 * Makes the organisation's email directory match its users (only these users when `userIds` is
 * given): entries whose user no longer has the email go, missing ones are added. Reads both sides
 * filtered by org_id and writes plain values, so on Citus each statement runs on one shard or on
 * the reference table alone.
 */
export async function syncEmailDirectory(db: Executor, orgId: string, userIds?: readonly string[]) {
  if (userIds?.length === 0) return;
  const userRows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, orgId), userIds ? inArray(users.id, [...userIds]) : undefined));
  const entries = await db
    .select({ email: emailDirectory.email, userId: emailDirectory.userId })
    .from(emailDirectory)
    .where(
      and(
        eq(emailDirectory.orgId, orgId),
        userIds ? inArray(emailDirectory.userId, [...userIds]) : undefined,
      ),
    );
  const holderOf = new Map(userRows.map((user) => [user.email, user.id]));
  const isCurrent = (entry: { email: string; userId: string }) =>
    holderOf.get(entry.email) === entry.userId;
  const stale = entries.filter((entry) => !isCurrent(entry)).map((entry) => entry.email);
  if (stale.length > 0) {
    await db
      .delete(emailDirectory)
      .where(and(eq(emailDirectory.orgId, orgId), inArray(emailDirectory.email, stale)));
  }
  const listed = new Set(entries.filter(isCurrent).map((entry) => entry.email));
  const missing = userRows
    .filter((user) => !listed.has(user.email))
    .map((user) => ({ email: user.email, orgId, userId: user.id }));
  for (let start = 0; start < missing.length; start += INSERT_CHUNK) {
    await db.insert(emailDirectory).values(missing.slice(start, start + INSERT_CHUNK));
  }
}
