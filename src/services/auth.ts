import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../db/client';
import {
  deleteSessionByTokenHash,
  deleteSessionsOfUser,
  findLiveApiToken,
  findLiveSession,
  insertApiToken,
  insertSession,
  listApiTokensOfUser,
  markApiTokenUsed,
  revokeApiToken as revokeApiTokenRow,
  revokeApiTokensOfUser,
  touchSession,
} from '../db/queries/auth';
import {
  getUser,
  getUserWithOrganisation,
  listAccountsByEmail,
  teamMemberIds,
} from '../db/queries/users';
import { NotFoundError, UnauthenticatedError } from '../domain/errors';
import type { ApiToken, ApiTokenInput, CreatedApiToken, Me } from '../schemas/session';
import type { SignInInput } from '../schemas/session';
import { type Actor, actorScopes, assertIsAdmin } from './authorization';
import { todayIn } from './clock';
import { toOrganisationSettings } from './organisations';
import { hashPassword, verifyPassword } from './passwords';

const DAY_MS = 86_400_000;
// Sessions are refreshed at most this often, so every request does not write.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

/** Tokens are 32 random bytes; only their SHA-256 is stored, so a database leak yields no sign-ins. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new secret for a session, an API token or a link: 32 random bytes, the kind's prefix first. */
export function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * A new password or a deactivation ends the user's open sessions and API tokens (a reactivated
 * user signs in again and makes new tokens).
 */
export async function endSignInsOfUser(db: Executor, orgId: string, userId: string, now: Date) {
  await deleteSessionsOfUser(db, orgId, userId);
  await revokeApiTokensOfUser(db, orgId, userId, now);
}

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
// An email may have an account in several organisations (each its own): the password picks the
// account, the oldest when it fits several. At most this many are tried.
const MAX_ACCOUNTS_PER_EMAIL = 5;
let dummyHash: Promise<string> | undefined;

export type SignedIn = { token: string; expiresAt: Date; me: Me; actor: Actor };

export async function signIn(
  db: Executor,
  input: SignInInput,
  options: { sessionDays: number; now: Date },
): Promise<SignedIn> {
  const accounts = (await listAccountsByEmail(db, input.email, MAX_ACCOUNTS_PER_EMAIL)).filter(
    ({ user }) => user.passwordHash !== null && user.isActive,
  );
  if (accounts.length === 0) {
    dummyHash ??= hashPassword('no such user: constant-time answer');
    await verifyPassword(await dummyHash, input.password);
    throw new UnauthenticatedError('Wrong email or password');
  }
  let found: (typeof accounts)[number] | undefined;
  for (const account of accounts) {
    if (await verifyPassword(account.user.passwordHash ?? '', input.password)) {
      found = account;
      break;
    }
  }
  if (!found) throw new UnauthenticatedError('Wrong email or password');
  const token = newToken();
  const expiresAt = new Date(options.now.getTime() + options.sessionDays * DAY_MS);
  const session = {
    orgId: found.user.orgId,
    userId: found.user.id,
    tokenHash: hashToken(token),
    expiresAt,
    createdAt: options.now,
    lastSeenAt: options.now,
  };
  await db.transaction((tx) => insertSession(tx, session));
  return {
    token,
    expiresAt,
    ...(await loadIdentity(db, found.user.orgId, found.user.id, options.now)),
  };
}

export async function signOut(db: Executor, token: string): Promise<void> {
  await db.transaction((tx) => deleteSessionByTokenHash(tx, hashToken(token)));
}

/** The signed-in user behind a session cookie; sliding expiry. */
export async function authenticateSession(
  db: Executor,
  token: string,
  options: { sessionDays: number; now: Date },
): Promise<{ me: Me; actor: Actor }> {
  const session = await findLiveSession(db, hashToken(token), options.now);
  if (!session) throw new UnauthenticatedError('Your session has ended: sign in again');
  if (options.now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const expiresAt = new Date(options.now.getTime() + options.sessionDays * DAY_MS);
    await touchSession(db, session.orgId, session.id, options.now, expiresAt);
  }
  return loadIdentity(db, session.orgId, session.userId, options.now);
}

/** The user behind a personal API token (`Authorization: Bearer sp_…`). */
export async function authenticateApiToken(
  db: Executor,
  token: string,
  now: Date,
): Promise<{ me: Me; actor: Actor }> {
  const row = await findLiveApiToken(db, hashToken(token), now);
  if (!row) throw new UnauthenticatedError('Unknown, revoked or expired API token');
  await markApiTokenUsed(db, row.orgId, row.id, now);
  return loadIdentity(db, row.orgId, row.userId, now);
}

async function loadIdentity(
  db: Executor,
  orgId: string,
  userId: string,
  now: Date,
): Promise<{ me: Me; actor: Actor }> {
  const found = await getUserWithOrganisation(db, orgId, userId);
  if (!found || !found.user.isActive)
    throw new UnauthenticatedError('This user can no longer sign in');
  const { user, organisation } = found;
  const team = user.role === 'manager' ? await teamMemberIds(db, orgId, userId) : [];
  return {
    me: {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        managerId: user.managerId,
      },
      organisation: toOrganisationSettings(organisation),
      today: todayIn(organisation.timeZone, now),
    },
    actor: {
      orgId,
      userId,
      role: user.role,
      name: user.name,
      timeZone: organisation.timeZone,
      ...actorScopes(user.role, userId, team),
    },
  };
}

function toApiToken(row: Awaited<ReturnType<typeof insertApiToken>>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export async function createApiToken(
  db: Executor,
  actor: Actor,
  input: ApiTokenInput,
  now: Date,
): Promise<CreatedApiToken> {
  const token = newToken('sp_');
  const row = await db.transaction((tx) =>
    insertApiToken(tx, {
      orgId: actor.orgId,
      userId: actor.userId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      createdAt: now,
      expiresAt: input.expiresInDays
        ? new Date(now.getTime() + input.expiresInDays * DAY_MS)
        : null,
    }),
  );
  return { ...toApiToken(row), token };
}

export async function listApiTokens(db: Executor, actor: Actor): Promise<ApiToken[]> {
  return (await listApiTokensOfUser(db, actor.orgId, actor.userId)).map(toApiToken);
}

export async function revokeApiToken(
  db: Executor,
  actor: Actor,
  id: string,
  now: Date,
): Promise<void> {
  if (!(await revokeApiTokenRow(db, actor.orgId, actor.userId, id, now)))
    throw new NotFoundError('API token', id);
}

async function assertUserOfAdmin(db: Executor, actor: Actor, userId: string) {
  assertIsAdmin(actor);
  if (!(await getUser(db, actor.orgId, userId))) throw new NotFoundError('User', userId);
}

/** An admin sees another user's live API tokens (names and prefixes, never the secrets). */
export async function listUserApiTokens(
  db: Executor,
  actor: Actor,
  userId: string,
): Promise<ApiToken[]> {
  await assertUserOfAdmin(db, actor, userId);
  return (await listApiTokensOfUser(db, actor.orgId, userId)).map(toApiToken);
}

/** An admin revokes another user's API token (one that leaked, or of someone who left). */
export async function revokeUserApiToken(
  db: Executor,
  actor: Actor,
  userId: string,
  id: string,
  now: Date,
): Promise<void> {
  await assertUserOfAdmin(db, actor, userId);
  if (!(await revokeApiTokenRow(db, actor.orgId, userId, id, now)))
    throw new NotFoundError('API token', id);
}
