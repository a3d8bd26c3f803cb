import type { Database, Executor } from '../db/client';
import { pageOf } from '../db/queries/paging';
import {
  countUsesOfTerritory,
  deleteTerritory as deleteTerritoryRow,
  getTerritory as getTerritoryRow,
  insertTerritory,
  pageTerritories,
  type TerritoryRow,
  updateTerritory as updateTerritoryRow,
} from '../db/queries/reference';
import { ConflictError, NotFoundError } from '../domain/errors';
import type {
  ReferenceListQuery,
  TerritoryDetail,
  TerritoryInput,
  TerritoryPatch,
} from '../schemas/reference';
import { recordChanges } from './audit';
import { type Actor, assertIsAdmin } from './authorization';
import { conflictOnDuplicate, conflictWhenInUse } from './reference';

// The organisation's sales territories: everyone reads them, admins change them. Users and
// accounts point at them.

function toTerritory(row: TerritoryRow): TerritoryDetail {
  const { id, name, externalId, potential } = row;
  return { id, name, externalId, potential };
}

const duplicate = conflictOnDuplicate('Another territory already has this name or external id');

export async function listTerritoriesPage(db: Executor, actor: Actor, query: ReferenceListQuery) {
  const { items, total } = await pageTerritories(db, actor.orgId, query.q, pageOf(query));
  return { items: items.map(toTerritory), total };
}

export async function getTerritory(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<TerritoryDetail> {
  const row = await getTerritoryRow(db, actor.orgId, id);
  if (!row) throw new NotFoundError('Territory', id);
  return toTerritory(row);
}

export async function createTerritory(
  db: Database,
  actor: Actor,
  input: TerritoryInput,
): Promise<TerritoryDetail> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const row = await insertTerritory(tx, { ...input, orgId: actor.orgId }).catch(duplicate);
    await recordChanges(tx, actor, [
      { entityType: 'territory', entityId: row.id, action: 'create', after: row },
    ]);
    return toTerritory(row);
  });
}

export async function updateTerritory(
  db: Database,
  actor: Actor,
  id: string,
  patch: TerritoryPatch,
): Promise<TerritoryDetail> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const before = await getTerritoryRow(tx, actor.orgId, id);
    if (!before) throw new NotFoundError('Territory', id);
    const after = await updateTerritoryRow(tx, actor.orgId, id, patch).catch(duplicate);
    if (!after) throw new NotFoundError('Territory', id);
    await recordChanges(tx, actor, [
      { entityType: 'territory', entityId: id, action: 'update', before, after },
    ]);
    return toTerritory(after);
  });
}

export async function deleteTerritory(db: Database, actor: Actor, id: string): Promise<void> {
  assertIsAdmin(actor);
  await db.transaction(async (tx) => {
    const before = await getTerritoryRow(tx, actor.orgId, id);
    if (!before) throw new NotFoundError('Territory', id);
    const uses = await countUsesOfTerritory(tx, actor.orgId, id);
    if (uses.users + uses.accounts > 0)
      throw new ConflictError(
        `${uses.users} users and ${uses.accounts} accounts are in this territory: move them first`,
      );
    await deleteTerritoryRow(tx, actor.orgId, id).catch(
      conflictWhenInUse('Other records still use this territory'),
    );
    await recordChanges(tx, actor, [
      { entityType: 'territory', entityId: id, action: 'delete', before },
    ]);
  });
}
