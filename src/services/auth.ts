import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../db/client';
import {
  deleteSessionByTokenHash,
  deleteSessionsOfUser,
  findLiveApiTokenIdentity,
  findLiveSessionIdentity,
  insertApiToken,
  insertSession,
  listApiTokensOfUser,
  markApiTokenUsed,
  revokeApiToken as revokeApiTokenRow,
  revokeApiTokensOfUser,
  touchSession,
} from '../db/queries/auth';
import { organisationOfToken } from '../db/queries/directory';
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
// An API token's last use is recorded at most this often (shown to its owner and admins).
const TOKEN_USE_INTERVAL_MS = 60 * 1000;

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

// Which organisation a token hash belongs to never changes, so each database handle keeps the
// directory's answers for the hashes it has seen: a request is then authenticated in one
// statement (the session or token with its user, organisation and team). The cache only names
// the organisation to look in; the session or token row is read and checked on every request,
// so a signed-out, expired or revoked one is refused as before. A miss on a cached name (the
// row is gone) asks the directory again once.
const ORGANISATIONS_CACHED = 10_000;
const organisationsOfTokens = new WeakMap<object, Map<string, string>>();

async function withOrganisationOfToken<T>(
  db: Executor,
  tokenHash: string,
  read: (orgId: string) => Promise<T | undefined>,
): Promise<T | undefined> {
  let cache = organisationsOfTokens.get(db);
  if (!cache) organisationsOfTokens.set(db, (cache = new Map()));
  const cached = cache.get(tokenHash);
  if (cached) {
    const found = await read(cached);
    if (found) return found;
    cache.delete(tokenHash);
  }
  const orgId = await organisationOfToken(db, tokenHash);
  if (!orgId) return undefined;
  const found = await read(orgId);
  if (!found) return undefined;
  // Oldest first out (a Map iterates in insertion order).
  if (cache.size >= ORGANISATIONS_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(tokenHash, orgId);
  return found;
}

/** The signed-in user behind a session cookie; sliding expiry. */
export async function authenticateSession(
  db: Executor,
  token: string,
  options: { sessionDays: number; now: Date },
): Promise<{ me: Me; actor: Actor }> {
  const tokenHash = hashToken(token);
  const found = await withOrganisationOfToken(db, tokenHash, (orgId) =>
    findLiveSessionIdentity(db, orgId, tokenHash, options.now),
  );
  if (!found) throw new UnauthenticatedError('Your session has ended: sign in again');
  const identity = identityOf(found, options.now);
  if (options.now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const expiresAt = new Date(options.now.getTime() + options.sessionDays * DAY_MS);
    await touchSession(db, found.user.orgId, found.session.id, options.now, expiresAt);
  }
  return identity;
}

/** The user behind a personal API token (`Authorization: Bearer sp_…`). */
export async function authenticateApiToken(
  db: Executor,
  token: string,
  now: Date,
): Promise<{ me: Me; actor: Actor }> {
  const tokenHash = hashToken(token);
  const found = await withOrganisationOfToken(db, tokenHash, (orgId) =>
    findLiveApiTokenIdentity(db, orgId, tokenHash, now),
  );
  if (!found) throw new UnauthenticatedError('Unknown, revoked or expired API token');
  const identity = identityOf(found, now);
  const lastUsedAt = found.token.lastUsedAt?.getTime();
  if (lastUsedAt === undefined || now.getTime() - lastUsedAt >= TOKEN_USE_INTERVAL_MS)
    await markApiTokenUsed(db, found.user.orgId, found.token.id, now);
  return identity;
}

async function loadIdentity(
  db: Executor,
  orgId: string,
  userId: string,
  now: Date,
): Promise<{ me: Me; actor: Actor }> {
  const found = await getUserWithOrganisation(db, orgId, userId);
  const team = found?.user.role === 'manager' ? await teamMemberIds(db, orgId, userId) : [];
  return identityOf(found && { ...found, team }, now);
}

type IdentityRows = {
  user: Awaited<ReturnType<typeof getUser>> & object;
  organisation: Parameters<typeof toOrganisationSettings>[0];
  team: readonly string[];
};

function identityOf(found: IdentityRows | undefined, now: Date): { me: Me; actor: Actor } {
  if (!found || !found.user.isActive)
    throw new UnauthenticatedError('This user can no longer sign in');
  const { user, organisation, team } = found;
  const { orgId, id: userId } = user;
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
