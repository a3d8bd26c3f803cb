import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { passwordLinks, users } from '../schema';
import { forgetTokens, organisationOfToken, registerToken } from './directory';

// One-time set-password links: the hashed secret (named in the token directory, so the link
// finds its organisation before anyone is signed in) and the user it is for.

/** Replaces the user's link, if any, with this one. */
export async function replacePasswordLink(
  db: Executor,
  row: { orgId: string; userId: string; tokenHash: string; expiresAt: Date },
) {
  await deletePasswordLink(db, row.orgId, row.userId);
  await registerToken(db, row.orgId, row.tokenHash);
  await db.insert(passwordLinks).values(row);
}

/** The link whose secret hashes to `tokenHash`, with its user. */
export async function findPasswordLinkByHash(db: Executor, tokenHash: string) {
  const orgId = await organisationOfToken(db, tokenHash);
  if (!orgId) return undefined;
  const [row] = await db
    .select({ link: passwordLinks, user: users })
    .from(passwordLinks)
    .innerJoin(users, and(eq(users.orgId, passwordLinks.orgId), eq(users.id, passwordLinks.userId)))
    .where(and(eq(passwordLinks.orgId, orgId), eq(passwordLinks.tokenHash, tokenHash)));
  return row;
}

export async function deletePasswordLink(db: Executor, orgId: string, userId: string) {
  const deleted = await db
    .delete(passwordLinks)
    .where(and(eq(passwordLinks.orgId, orgId), eq(passwordLinks.userId, userId)))
    .returning({ tokenHash: passwordLinks.tokenHash });
  await forgetTokens(
    db,
    deleted.map((row) => row.tokenHash),
  );
}
