import type { Database, Executor } from '../db/client';
import { pageOf } from '../db/queries/paging';
import {
  countOpportunitiesInStage,
  deleteStage as deleteStageRow,
  getStage as getStageRow,
  insertStage,
  listStages,
  pageStages,
  type StageRow,
  updateStage as updateStageRow,
} from '../db/queries/reference';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors';
import { stageKindsMissing, stageProbabilityIssue } from '../domain/pipeline-stages';
import type { ReferenceListQuery, Stage, StageInput, StagePatch } from '../schemas/reference';
import { recordChanges } from './audit';
import { type Actor, assertIsAdmin } from './authorization';
import { conflictOnDuplicate, conflictWhenInUse } from './reference';

// The organisation's pipeline stages: everyone reads them, admins change them.

function toStage(row: StageRow): Stage {
  const { id, name, position, probabilityPercent, kind } = row;
  return { id, name, position, probabilityPercent, kind };
}

const duplicate = (name: string | undefined) =>
  conflictOnDuplicate(`Another stage is already called ${name ?? 'this'}`);

function checkProbability(stage: Pick<StageRow, 'kind' | 'probabilityPercent'>) {
  const issue = stageProbabilityIssue(stage);
  if (issue) throw new ValidationError(issue);
}

export async function listStagesPage(db: Executor, actor: Actor, query: ReferenceListQuery) {
  const { items, total } = await pageStages(db, actor.orgId, query.q, pageOf(query));
  return { items: items.map(toStage), total };
}

export async function getStage(db: Executor, actor: Actor, id: string): Promise<Stage> {
  const row = await getStageRow(db, actor.orgId, id);
  if (!row) throw new NotFoundError('Stage', id);
  return toStage(row);
}

export async function createStage(db: Database, actor: Actor, input: StageInput): Promise<Stage> {
  assertIsAdmin(actor);
  checkProbability(input);
  return db.transaction(async (tx) => {
    const row = await insertStage(tx, { ...input, orgId: actor.orgId }).catch(
      duplicate(input.name),
    );
    await recordChanges(tx, actor, [
      { entityType: 'stage', entityId: row.id, action: 'create', after: row },
    ]);
    return toStage(row);
  });
}

export async function updateStage(
  db: Database,
  actor: Actor,
  id: string,
  patch: StagePatch,
): Promise<Stage> {
  assertIsAdmin(actor);
  return db.transaction(async (tx) => {
    const before = await getStageRow(tx, actor.orgId, id);
    if (!before) throw new NotFoundError('Stage', id);
    checkProbability({ ...before, ...patch });
    if (patch.kind !== undefined && patch.kind !== before.kind) {
      // Deals in the stage would be won or lost (or reopened) without anyone closing them.
      const deals = await countOpportunitiesInStage(tx, actor.orgId, id);
      if (deals > 0)
        throw new ConflictError(
          `${deals} opportunities are in this stage: move them before changing its kind`,
        );
      const after = (await listStages(tx, actor.orgId)).map((s) =>
        s.id === id ? { ...s, kind: patch.kind ?? s.kind } : s,
      );
      const [missing] = stageKindsMissing(after);
      if (missing)
        throw new ValidationError({
          field: 'kind',
          reason: `the pipeline needs a ${missing} stage`,
        });
    }
    const after = await updateStageRow(tx, actor.orgId, id, patch).catch(duplicate(patch.name));
    if (!after) throw new NotFoundError('Stage', id);
    await recordChanges(tx, actor, [
      { entityType: 'stage', entityId: id, action: 'update', before, after },
    ]);
    return toStage(after);
  });
}

export async function deleteStage(db: Database, actor: Actor, id: string): Promise<void> {
  assertIsAdmin(actor);
  await db.transaction(async (tx) => {
    const before = await getStageRow(tx, actor.orgId, id);
    if (!before) throw new NotFoundError('Stage', id);
    const deals = await countOpportunitiesInStage(tx, actor.orgId, id);
    if (deals > 0)
      throw new ConflictError(
        `${deals} opportunities are in this stage: move them to another stage first`,
      );
    const [missing] = stageKindsMissing(
      (await listStages(tx, actor.orgId)).filter((s) => s.id !== id),
    );
    if (missing)
      throw new ConflictError(`This is the last ${missing} stage: the pipeline needs one`);
    await deleteStageRow(tx, actor.orgId, id).catch(
      conflictWhenInUse("Deals' stage history uses this stage: it cannot be deleted"),
    );
    await recordChanges(tx, actor, [
      { entityType: 'stage', entityId: id, action: 'delete', before },
    ]);
  });
}
