import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { actionSteps, buyingInfluences, competitors, singleSalesObjectives } from '../schema';
import { ofPlan } from './deal-plans';

// The items of a deal plan (objectives, influences, competitors, steps): insert, change,
// delete and order them, one table chosen by kind.

type PlanItemTable =
  typeof singleSalesObjectives | typeof buyingInfluences | typeof competitors | typeof actionSteps;

const itemTables = {
  objective: singleSalesObjectives,
  influence: buyingInfluences,
  competitor: competitors,
  step: actionSteps,
} satisfies Record<string, PlanItemTable>;
export type PlanItemKind = keyof typeof itemTables;

export async function insertPlanItem<K extends PlanItemKind>(
  db: Executor,
  kind: K,
  row: (typeof itemTables)[K]['$inferInsert'],
) {
  const table = itemTables[kind] as PlanItemTable;
  const [inserted] = await db
    .insert(table)
    .values(row as never)
    .returning();
  if (!inserted) throw new Error(`insert of a ${kind} returned nothing`);
  return inserted as (typeof itemTables)[K]['$inferSelect'];
}

export async function updatePlanItem<K extends PlanItemKind>(
  db: Executor,
  kind: K,
  orgId: string,
  id: string,
  patch: Partial<(typeof itemTables)[K]['$inferInsert']>,
) {
  const table = itemTables[kind] as PlanItemTable;
  const [row] = await db
    .update(table)
    .set(patch as never)
    .where(and(eq(table.orgId, orgId), eq(table.id, id)))
    .returning();
  return row as (typeof itemTables)[K]['$inferSelect'] | undefined;
}

// The step column that points at each kind of item.
const STEP_LINKS = {
  objective: 'objectiveId',
  influence: 'influenceId',
  competitor: 'competitorId',
  step: 'dependsOnStepId',
} as const;

/** Deletes one item; steps pointing at it lose the link rather than blocking the delete. */
export async function deletePlanItem(db: Executor, kind: PlanItemKind, orgId: string, id: string) {
  const link = STEP_LINKS[kind];
  await db
    .update(actionSteps)
    .set({ [link]: null })
    .where(and(eq(actionSteps.orgId, orgId), eq(actionSteps[link], id)));
  const table = itemTables[kind] as PlanItemTable;
  await db.delete(table).where(and(eq(table.orgId, orgId), eq(table.id, id)));
}

/** Sets each item's position to its place in `ids` (1-based). */
export async function setPositions(
  db: Executor,
  kind: 'objective' | 'step',
  orgId: string,
  ids: readonly string[],
) {
  const table = itemTables[kind];
  for (const [index, id] of ids.entries()) {
    await db
      .update(table)
      .set({ position: index + 1 })
      .where(and(eq(table.orgId, orgId), eq(table.id, id)));
  }
}

export async function nextPosition(
  db: Executor,
  kind: 'objective' | 'step',
  orgId: string,
  opportunityId: string,
): Promise<number> {
  const table = itemTables[kind];
  const [row] = await db
    .select({ max: sql<number | null>`max(${table.position})` })
    .from(table)
    .where(ofPlan(table, orgId, opportunityId));
  return Number(row?.max ?? 0) + 1;
}
