import { allQueries, type Executor } from '../db/client';
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
