import type { Database, Executor } from '../db/client';
import { pageOf } from '../db/queries/paging';
import {
  type ActivityTypeRow,
  countActivitiesOfType,
  deleteActivityType as deleteActivityTypeRow,
  getActivityType as getActivityTypeRow,
  insertActivityType,
  pageActivityTypes,
  updateActivityType as updateActivityTypeRow,
} from '../db/queries/reference';
import { ConflictError, NotFoundError } from '../domain/errors';
import type {
  ActivityTypeDetail,
  ActivityTypeInput,
  ActivityTypePatch,
  ReferenceListQuery,
} from '../schemas/reference';
import { recordChanges } from './audit';
import { type Actor, assertIsAdmin } from './authorization';
import { conflictOnDuplicate, conflictWhenInUse } from './reference';

// The organisation's activity types: everyone reads them, admins change them. A system type
// (first_meeting, which the funnel counts) can be relabelled but not deleted.

function toActivityType(row: ActivityTypeRow): ActivityTypeDetail {
  const { key, label, hours, isSystem, position } = row;
  return { key, label, hours, isSystem, position };
}

export async function listActivityTypesPage(db: Executor, actor: Actor, query: ReferenceListQuery) {
  const { items, total } = await pageActivityTypes(db, actor.orgId, query.q, pageOf(query));
  return { items: items.map(toActivityType), total };
}

export async function getActivityType(
  db: Executor,
  actor: Actor,
  key: string,
): Promise<ActivityTypeDetail> {
  const row = await getActivityTypeRow(db, actor.orgId, key);
  if (!row) throw new NotFoundError('Activity type', key);
  return toActivityType(row);
}

export async function createActivityType(
  db: Database,
  actor: Actor,
  input: ActivityTypeInput,
): Promise<ActivityTypeDetail> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const row = await insertActivityType(tx, {
      ...input,
      isSystem: false,
      orgId: actor.orgId,
    }).catch(conflictOnDuplicate(`An activity type with the key ${input.key} already exists`));
    await recordChanges(tx, actor, [
      { entityType: 'activity_type', entityId: row.key, action: 'create', after: row },
    ]);
    return toActivityType(row);
  });
}

export async function updateActivityType(
  db: Database,
  actor: Actor,
  key: string,
  patch: ActivityTypePatch,
): Promise<ActivityTypeDetail> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const before = await getActivityTypeRow(tx, actor.orgId, key);
    if (!before) throw new NotFoundError('Activity type', key);
    const after = await updateActivityTypeRow(tx, actor.orgId, key, patch);
    if (!after) throw new NotFoundError('Activity type', key);
    await recordChanges(tx, actor, [
      { entityType: 'activity_type', entityId: key, action: 'update', before, after },
    ]);
    return toActivityType(after);
  });
}

export async function deleteActivityType(db: Database, actor: Actor, key: string): Promise<void> {
  assertIsAdmin(actor);
  await db.transaction(async (tx) => {
    const before = await getActivityTypeRow(tx, actor.orgId, key);
    if (!before) throw new NotFoundError('Activity type', key);
    if (before.isSystem)
      throw new ConflictError(`${before.label} is counted by the funnel: it cannot be deleted`);
    const used = await countActivitiesOfType(tx, actor.orgId, key);
    if (used > 0)
      throw new ConflictError(`${used} activities are of this type: it cannot be deleted`);
    await deleteActivityTypeRow(tx, actor.orgId, key).catch(
      conflictWhenInUse('Activity norms or plans use this activity type'),
    );
    await recordChanges(tx, actor, [
      { entityType: 'activity_type', entityId: key, action: 'delete', before },
    ]);
  });
}
