import type { Database, Executor } from '../db/client';
import {
  countActiveAdmins,
  findUserByEmail,
  getUser,
  insertUser,
  listUsers as listUserRows,
  type UserRow,
  updateUser as updateUserRow,
} from '../db/queries/users';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors';
import { adminRightsLostBy } from '../domain/roles';
import type { User, UserInput, UserListQuery, UserPatch } from '../schemas/users';
import { recordChanges } from './audit';
import { type Actor, assertIsAdmin, canRead } from './authorization';
import { endSignInsOfUser } from './auth';
import { hashPassword } from './passwords';
import { checkTerritory } from './references';

function toUser(row: UserRow, managerName: string | null): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    managerId: row.managerId,
    managerName,
    territoryId: row.territoryId,
    isActive: row.isActive,
    canSignIn: row.isActive && row.passwordHash !== null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

function withoutSecrets(row: UserRow) {
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}

/** A manager must be someone in the organisation who can manage: not a rep, and not below the user. */
async function checkManager(db: Executor, orgId: string, userId: string | null, managerId: string) {
  const manager = await getUser(db, orgId, managerId);
  if (!manager)
    throw new ValidationError({ field: 'managerId', reason: 'no such user in this organisation' });
  if (manager.role === 'rep')
    throw new ValidationError({ field: 'managerId', reason: 'a rep cannot be a manager' });
  // Walk up from the new manager: reaching the user would make a reporting loop.
  let current: UserRow | undefined = manager;
  for (let depth = 0; current && depth < 50; depth++) {
    if (current.id === userId)
      throw new ValidationError({ field: 'managerId', reason: 'would make a reporting loop' });
    current = current.managerId ? await getUser(db, orgId, current.managerId) : undefined;
  }
}

/** The last active admin can be neither demoted nor deactivated: nobody could administer the organisation. */
async function keepAnAdmin(
  db: Executor,
  orgId: string,
  before: UserRow,
  patch: Pick<UserPatch, 'role' | 'isActive'>,
) {
  const field = adminRightsLostBy(before, patch);
  if (field === null || (await countActiveAdmins(db, orgId)) > 1) return;
  throw new ValidationError({
    field,
    reason: 'is the last active admin of the organisation: make another user admin first',
  });
}

/** Creates a user; used by `salesplan user add`, the first-run admin and the admin API. */
export async function addUser(
  db: Executor,
  orgId: string,
  input: UserInput,
  by: { userId: string | null } = { userId: null },
): Promise<User> {
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, orgId, input.email)) {
      throw new ConflictError(`A user with the email ${input.email} already exists`);
    }
    if (input.managerId) await checkManager(tx, orgId, null, input.managerId);
    if (input.territoryId) await checkTerritory(tx, { orgId }, 'territoryId', input.territoryId);
    const row = await insertUser(tx, {
      orgId,
      email: input.email,
      name: input.name,
      role: input.role,
      managerId: input.managerId ?? null,
      territoryId: input.territoryId ?? null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      passwordChangedAt: input.password ? new Date() : null,
    });
    await recordChanges(tx, { orgId, userId: by.userId }, [
      { entityType: 'user', entityId: row.id, action: 'create', after: withoutSecrets(row) },
    ]);
    return toUser(row, null);
  });
}

/** An admin creates a user in their own organisation. */
export async function createUser(db: Database, actor: Actor, input: UserInput): Promise<User> {
  assertIsAdmin(actor);
  return addUser(db, actor.orgId, input, actor);
}

export async function listUsers(db: Executor, actor: Actor, query: UserListQuery) {
  const { items, total } = await listUserRows(db, actor.orgId, actor.visibleOwnerIds, {
    q: query.q,
    role: query.role,
    sort: query.sort,
    order: query.order,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: items.map((r) => toUser(r.user, r.managerName)), total };
}

/** One user the actor may see, with their manager's name. */
export async function getVisibleUser(db: Executor, actor: Actor, userId: string): Promise<User> {
  const row = await getUser(db, actor.orgId, userId);
  if (!row || !canRead(actor, row.id)) throw new NotFoundError('User', userId);
  const manager = row.managerId ? await getUser(db, actor.orgId, row.managerId) : undefined;
  return toUser(row, manager?.name ?? null);
}

/** An admin changes a user; with `expectedVersion` (If-Match) only if nobody saved since. */
export async function updateUser(
  db: Database,
  actor: Actor,
  userId: string,
  patch: UserPatch,
  expectedVersion?: number,
): Promise<User> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const before = await getUser(tx, actor.orgId, userId);
    if (!before) throw new NotFoundError('User', userId);
    if (expectedVersion !== undefined && expectedVersion !== before.version)
      throw new ConflictError(
        'Someone changed this user since you read them',
        toUser(before, null),
      );
    if (
      patch.email &&
      patch.email !== before.email &&
      (await findUserByEmail(tx, actor.orgId, patch.email))
    ) {
      throw new ConflictError(`A user with the email ${patch.email} already exists`);
    }
    if (patch.managerId) await checkManager(tx, actor.orgId, userId, patch.managerId);
    if (patch.territoryId) await checkTerritory(tx, actor, 'territoryId', patch.territoryId);
    await keepAnAdmin(tx, actor.orgId, before, patch);
    const { password, ...fields } = patch;
    const after = await updateUserRow(
      tx,
      actor.orgId,
      userId,
      {
        ...fields,
        version: before.version + 1,
        ...(password
          ? { passwordHash: await hashPassword(password), passwordChangedAt: new Date() }
          : {}),
      },
      before.version,
    );
    if (!after)
      throw new ConflictError(
        'Someone changed this user since you read them',
        toUser(before, null),
      );
    if (password || patch.isActive === false)
      await endSignInsOfUser(tx, actor.orgId, userId, new Date());
    await recordChanges(tx, actor, [
      {
        entityType: 'user',
        entityId: userId,
        action: 'update',
        before: withoutSecrets(before),
        after: withoutSecrets(after),
      },
    ]);
    const manager = after.managerId ? await getUser(tx, actor.orgId, after.managerId) : undefined;
    return toUser(after, manager?.name ?? null);
  });
}
