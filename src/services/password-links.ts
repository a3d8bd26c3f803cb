import type { Database, Executor } from '../db/client';
import {
  deletePasswordLink,
  findPasswordLinkByHash,
  replacePasswordLink,
} from '../db/queries/password-links';
import { getUser, updateUser } from '../db/queries/users';
import { NotFoundError, ValidationError } from '../domain/errors';
import { isPasswordLinkLive, passwordLinkExpiresAt } from '../domain/password-links';
import type { PasswordLinkView } from '../schemas/password-links';
import { recordChanges } from './audit';
import { endSignInsOfUser, hashToken, newToken } from './auth';
import { type Actor, assertIsAdmin } from './authorization';
import { hashPassword } from './passwords';

// Set-password links (issue #12): the admin never learns the password. The secret is 32 random
// bytes, stored as its SHA-256 like a session's; a new link replaces the user's last one, and
// using it removes it. An unknown, used or expired link is one 404, telling a guesser nothing.

/** An admin makes a user's link; answers its secret (shown once) and when it stops working. */
export async function createPasswordLink(
  db: Database,
  actor: Actor,
  userId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  assertIsAdmin(actor);
  const token = newToken('pwl_');
  const expiresAt = passwordLinkExpiresAt(now);
  await db.transaction(async (tx) => {
    const user = await getUser(tx, actor.orgId, userId);
    if (!user) throw new NotFoundError('User', userId);
    if (!user.isActive)
      throw new ValidationError({ field: 'id', reason: 'is deactivated: reactivate them first' });
    await replacePasswordLink(tx, {
      orgId: actor.orgId,
      userId,
      tokenHash: hashToken(token),
      expiresAt,
    });
    await recordChanges(tx, actor, [
      {
        entityType: 'user',
        entityId: userId,
        action: 'update',
        after: { passwordLinkExpiresAt: expiresAt.toISOString() },
      },
    ]);
  });
  return { token, expiresAt };
}

async function liveLink(db: Executor, token: string, now: Date) {
  const found = await findPasswordLinkByHash(db, hashToken(token));
  if (!found || !found.user.isActive || !isPasswordLinkLive(found.link.expiresAt, now))
    throw new NotFoundError('Set-password link');
  return found;
}

/** Whose account a link opens, for its page. */
export async function readPasswordLink(
  db: Executor,
  token: string,
  now: Date,
): Promise<PasswordLinkView> {
  const { link, user } = await liveLink(db, token, now);
  return { email: user.email, name: user.name, expiresAt: link.expiresAt.toISOString() };
}

/** Sets the password through the link, once: open sessions and API tokens end with it. */
export async function usePasswordLink(
  db: Database,
  token: string,
  password: string,
  now: Date,
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { user } = await liveLink(tx, token, now);
    await updateUser(tx, user.orgId, user.id, {
      passwordHash,
      passwordChangedAt: now,
      version: user.version + 1,
    });
    await deletePasswordLink(tx, user.orgId, user.id);
    await endSignInsOfUser(tx, user.orgId, user.id, now);
    await recordChanges(tx, { orgId: user.orgId, userId: user.id }, [
      {
        entityType: 'user',
        entityId: user.id,
        action: 'update',
        after: { passwordChangedAt: now.toISOString() },
      },
    ]);
    return { email: user.email };
  });
}
