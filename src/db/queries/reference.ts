import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import {
  accounts,
  activities,
  activityTypes,
  opportunities,
  segments,
  stages,
  territories,
  users,
} from '../schema';
import { caseless, type Page } from './paging';
import { likePattern } from './scope';

export type StageRow = typeof stages.$inferSelect;
export type SegmentRow = typeof segments.$inferSelect;
export type TerritoryRow = typeof territories.$inferSelect;
export type ActivityTypeRow = typeof activityTypes.$inferSelect;

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

/** One page of a reference list and how many match in all. */
async function pageOfRows<T>(rows: Promise<T[]>, total: Promise<{ value: number }[]>) {
  const [items, [counted]] = await Promise.all([rows, total]);
  return { items, total: counted?.value ?? 0 };
}

const matching = (q: string | undefined, ...columns: Parameters<typeof ilike>[0][]) =>
  q ? or(...columns.map((column) => ilike(column, likePattern(q)))) : undefined;

// --- stages

export function pageStages(db: Executor, orgId: string, q: string | undefined, page: Page) {
  const where: SQL | undefined = and(eq(stages.orgId, orgId), matching(q, stages.name));
  return pageOfRows(
    db
      .select()
      .from(stages)
      .where(where)
      .orderBy(asc(stages.position), asc(stages.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(stages).where(where),
  );
}

export async function getStage(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(stages)
    .where(and(eq(stages.orgId, orgId), eq(stages.id, id)));
  return row;
}

export async function insertStage(db: Executor, row: typeof stages.$inferInsert) {
  const [inserted] = await db.insert(stages).values(row).returning();
  if (!inserted) throw new Error('insert into stages returned nothing');
  return inserted;
}

export async function updateStage(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<typeof stages.$inferInsert>,
) {
  // Nothing to change: SQL has no empty SET.
  if (Object.keys(patch).length === 0) return getStage(db, orgId, id);
  const [row] = await db
    .update(stages)
    .set(patch)
    .where(and(eq(stages.orgId, orgId), eq(stages.id, id)))
    .returning();
  return row;
}

export async function deleteStage(db: Executor, orgId: string, id: string) {
  await db.delete(stages).where(and(eq(stages.orgId, orgId), eq(stages.id, id)));
}

export async function countOpportunitiesInStage(db: Executor, orgId: string, stageId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(opportunities)
    .where(and(eq(opportunities.orgId, orgId), eq(opportunities.stageId, stageId)));
  return row?.value ?? 0;
}

// --- segments

export function pageSegments(db: Executor, orgId: string, q: string | undefined, page: Page) {
  const where = and(eq(segments.orgId, orgId), matching(q, segments.code, segments.name));
  return pageOfRows(
    db
      .select()
      .from(segments)
      .where(where)
      .orderBy(asc(segments.code), asc(segments.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(segments).where(where),
  );
}

export async function getSegment(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.orgId, orgId), eq(segments.id, id)));
  return row;
}

export async function insertSegment(db: Executor, row: typeof segments.$inferInsert) {
  const [inserted] = await db.insert(segments).values(row).returning();
  if (!inserted) throw new Error('insert into segments returned nothing');
  return inserted;
}

export async function updateSegment(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<typeof segments.$inferInsert>,
) {
  // Nothing to change: SQL has no empty SET.
  if (Object.keys(patch).length === 0) return getSegment(db, orgId, id);
  const [row] = await db
    .update(segments)
    .set(patch)
    .where(and(eq(segments.orgId, orgId), eq(segments.id, id)))
    .returning();
  return row;
}

export async function deleteSegment(db: Executor, orgId: string, id: string) {
  await db.delete(segments).where(and(eq(segments.orgId, orgId), eq(segments.id, id)));
}

export async function countAccountsInSegment(db: Executor, orgId: string, segmentId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(accounts.segmentId, segmentId)));
  return row?.value ?? 0;
}

// --- territories

export function pageTerritories(db: Executor, orgId: string, q: string | undefined, page: Page) {
  const where = and(eq(territories.orgId, orgId), matching(q, territories.name));
  return pageOfRows(
    db
      .select()
      .from(territories)
      .where(where)
      .orderBy(caseless(territories.name), asc(territories.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(territories).where(where),
  );
}

export async function getTerritory(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(territories)
    .where(and(eq(territories.orgId, orgId), eq(territories.id, id)));
  return row;
}

export async function insertTerritory(db: Executor, row: typeof territories.$inferInsert) {
  const [inserted] = await db.insert(territories).values(row).returning();
  if (!inserted) throw new Error('insert into territories returned nothing');
  return inserted;
}

export async function updateTerritory(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<typeof territories.$inferInsert>,
) {
  // Nothing to change: SQL has no empty SET.
  if (Object.keys(patch).length === 0) return getTerritory(db, orgId, id);
  const [row] = await db
    .update(territories)
    .set(patch)
    .where(and(eq(territories.orgId, orgId), eq(territories.id, id)))
    .returning();
  return row;
}

export async function deleteTerritory(db: Executor, orgId: string, id: string) {
  await db.delete(territories).where(and(eq(territories.orgId, orgId), eq(territories.id, id)));
}

/** How many users and accounts are in the territory. */
export async function countUsesOfTerritory(db: Executor, orgId: string, territoryId: string) {
  // One after the other: inside a transaction the connection runs one statement at a time.
  const [people] = await db
    .select({ value: count() })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.territoryId, territoryId)));
  const [customers] = await db
    .select({ value: count() })
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(accounts.territoryId, territoryId)));
  return { users: people?.value ?? 0, accounts: customers?.value ?? 0 };
}

// --- activity types (keyed by their key, which activities and imports name them by)

export function pageActivityTypes(db: Executor, orgId: string, q: string | undefined, page: Page) {
  const where = and(
    eq(activityTypes.orgId, orgId),
    matching(q, activityTypes.key, activityTypes.label),
  );
  return pageOfRows(
    db
      .select()
      .from(activityTypes)
      .where(where)
      .orderBy(asc(activityTypes.position), asc(activityTypes.key))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(activityTypes).where(where),
  );
}

export async function getActivityType(db: Executor, orgId: string, key: string) {
  const [row] = await db
    .select()
    .from(activityTypes)
    .where(and(eq(activityTypes.orgId, orgId), eq(activityTypes.key, key)));
  return row;
}

export async function insertActivityType(db: Executor, row: typeof activityTypes.$inferInsert) {
  const [inserted] = await db.insert(activityTypes).values(row).returning();
  if (!inserted) throw new Error('insert into activity_types returned nothing');
  return inserted;
}

export async function updateActivityType(
  db: Executor,
  orgId: string,
  key: string,
  patch: Partial<typeof activityTypes.$inferInsert>,
) {
  // Nothing to change: SQL has no empty SET.
  if (Object.keys(patch).length === 0) return getActivityType(db, orgId, key);
  const [row] = await db
    .update(activityTypes)
    .set(patch)
    .where(and(eq(activityTypes.orgId, orgId), eq(activityTypes.key, key)))
    .returning();
  return row;
}

export async function deleteActivityType(db: Executor, orgId: string, key: string) {
  await db
    .delete(activityTypes)
    .where(and(eq(activityTypes.orgId, orgId), eq(activityTypes.key, key)));
}

export async function countActivitiesOfType(db: Executor, orgId: string, key: string) {
  const [row] = await db
    .select({ value: count() })
    .from(activities)
    .where(and(eq(activities.orgId, orgId), eq(activities.type, key)));
  return row?.value ?? 0;
}
