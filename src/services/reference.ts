import { allQueries, type Executor } from '../db/client';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors';
import { ConflictError } from '../domain/errors';
import {
  listActivityTypes,
  listSegments,
  listStages,
  listTerritories,
} from '../db/queries/reference';
import type { ReferenceData } from '../schemas/reference';
import type { Actor } from './authorization';

/** The organisation's stages, segments, activity types and territories, for pickers. */
export async function getReferenceData(db: Executor, actor: Actor): Promise<ReferenceData> {
  const [stages, segments, activityTypes, territories] = await allQueries(db, [
    () => listStages(db, actor.orgId),
    () => listSegments(db, actor.orgId),
    () => listActivityTypes(db, actor.orgId),
    () => listTerritories(db, actor.orgId),
  ]);
  return {
    stages: stages.map(({ id, name, position, probabilityPercent, kind }) => ({
      id,
      name,
      position,
      probabilityPercent,
      kind,
    })),
    segments: segments.map(({ id, code, name, description }) => ({ id, code, name, description })),
    activityTypes: activityTypes.map(({ key, label, hours, isSystem }) => ({
      key,
      label,
      hours,
      isSystem,
    })),
    territories: territories.map(({ id, name }) => ({ id, name })),
  };
}

/** A unique index refused the write: 409 saying which value is taken. */
export function conflictOnDuplicate(message: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw new ConflictError(message);
    throw error;
  };
}

/** A foreign key refused a delete: the record is still used somewhere the counts did not cover. */
export function conflictWhenInUse(message: string) {
  return (error: unknown): never => {
    if (isForeignKeyViolation(error)) throw new ConflictError(message);
    throw error;
  };
}
