import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { activityTypes, segments, stages, territories } from '../schema';

export async function listStages(db: Executor, orgId: string) {
  return db.select().from(stages).where(eq(stages.orgId, orgId)).orderBy(asc(stages.position));
}

export async function listSegments(db: Executor, orgId: string) {
  return db.select().from(segments).where(eq(segments.orgId, orgId)).orderBy(asc(segments.code));
}

export async function listActivityTypes(db: Executor, orgId: string) {
  return db
    .select()
    .from(activityTypes)
    .where(eq(activityTypes.orgId, orgId))
    .orderBy(asc(activityTypes.position), asc(activityTypes.key));
}

export async function listTerritories(db: Executor, orgId: string) {
  return db
    .select()
    .from(territories)
    .where(eq(territories.orgId, orgId))
    .orderBy(asc(territories.name));
}
