import type { Database, Executor } from '../db/client';
import { pageOf } from '../db/queries/paging';
import {
  countAccountsInSegment,
  deleteSegment as deleteSegmentRow,
  getSegment as getSegmentRow,
  insertSegment,
  pageSegments,
  type SegmentRow,
  updateSegment as updateSegmentRow,
} from '../db/queries/reference';
import { ConflictError, NotFoundError } from '../domain/errors';
import type { ReferenceListQuery, Segment, SegmentInput, SegmentPatch } from '../schemas/reference';
import { recordChanges } from './audit';
import { type Actor, assertIsAdmin } from './authorization';
import { conflictOnDuplicate, conflictWhenInUse } from './reference';

// The organisation's account segments (A, B, C...): everyone reads them, admins change them.
// Which accounts belong to a segment is set on the account.

function toSegment(row: SegmentRow): Segment {
  const { id, code, name, description } = row;
  return { id, code, name, description };
}

const duplicate = (code: string | undefined) =>
  conflictOnDuplicate(`Another segment already has the code ${code ?? 'given'}`);

export async function listSegmentsPage(db: Executor, actor: Actor, query: ReferenceListQuery) {
  const { items, total } = await pageSegments(db, actor.orgId, query.q, pageOf(query));
  return { items: items.map(toSegment), total };
}

export async function getSegment(db: Executor, actor: Actor, id: string): Promise<Segment> {
  const row = await getSegmentRow(db, actor.orgId, id);
  if (!row) throw new NotFoundError('Segment', id);
  return toSegment(row);
}

export async function createSegment(
  db: Database,
  actor: Actor,
  input: SegmentInput,
): Promise<Segment> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const row = await insertSegment(tx, { ...input, orgId: actor.orgId }).catch(
      duplicate(input.code),
    );
    await recordChanges(tx, actor, [
      { entityType: 'segment', entityId: row.id, action: 'create', after: row },
    ]);
    return toSegment(row);
  });
}

export async function updateSegment(
  db: Database,
  actor: Actor,
  id: string,
  patch: SegmentPatch,
): Promise<Segment> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const before = await getSegmentRow(tx, actor.orgId, id);
    if (!before) throw new NotFoundError('Segment', id);
    const after = await updateSegmentRow(tx, actor.orgId, id, patch).catch(duplicate(patch.code));
    if (!after) throw new NotFoundError('Segment', id);
    await recordChanges(tx, actor, [
      { entityType: 'segment', entityId: id, action: 'update', before, after },
    ]);
    return toSegment(after);
  });
}

export async function deleteSegment(db: Database, actor: Actor, id: string): Promise<void> {
  assertIsAdmin(actor);
  await db.transaction(async (tx) => {
    const before = await getSegmentRow(tx, actor.orgId, id);
    if (!before) throw new NotFoundError('Segment', id);
    const inUse = await countAccountsInSegment(tx, actor.orgId, id);
    if (inUse > 0)
      throw new ConflictError(`${inUse} accounts are in this segment: move them to another first`);
    // Its activity norms go with it; a strategy's segment mix keeps it.
    await deleteSegmentRow(tx, actor.orgId, id).catch(
      conflictWhenInUse("A strategy's segment mix or assignments use this segment"),
    );
    await recordChanges(tx, actor, [
      { entityType: 'segment', entityId: id, action: 'delete', before },
    ]);
  });
}
