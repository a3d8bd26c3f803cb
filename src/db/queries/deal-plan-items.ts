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

type NewItemRow = { [K in PlanItemKind]: (typeof itemTables)[K]['$inferInsert'] };
type ItemRow = { [K in PlanItemKind]: (typeof itemTables)[K]['$inferSelect'] };
/** Which item of which plan: an item of another plan, like one of another org, is not there. */
type ItemKey = { orgId: string; opportunityId: string; id: string };

const itemWhere = (table: PlanItemTable, key: ItemKey) =>
  and(ofPlan(table, key.orgId, key.opportunityId), eq(table.id, key.id));

// One typed writer per kind; indexing these maps by a generic kind keeps each row's own type.
const inserts: {
  [K in PlanItemKind]: (db: Executor, row: NewItemRow[K]) => Promise<ItemRow[K][]>;
} = {
  objective: (db, row) => db.insert(singleSalesObjectives).values(row).returning(),
  influence: (db, row) => db.insert(buyingInfluences).values(row).returning(),
  competitor: (db, row) => db.insert(competitors).values(row).returning(),
  step: (db, row) => db.insert(actionSteps).values(row).returning(),
};
const updates: {
  [K in PlanItemKind]: (
    db: Executor,
    key: ItemKey,
    patch: Partial<NewItemRow[K]>,
  ) => Promise<ItemRow[K][]>;
} = {
  objective: (db, key, patch) =>
    db
      .update(singleSalesObjectives)
      .set(patch)
      .where(itemWhere(singleSalesObjectives, key))
      .returning(),
  influence: (db, key, patch) =>
    db.update(buyingInfluences).set(patch).where(itemWhere(buyingInfluences, key)).returning(),
  competitor: (db, key, patch) =>
    db.update(competitors).set(patch).where(itemWhere(competitors, key)).returning(),
  step: (db, key, patch) =>
    db.update(actionSteps).set(patch).where(itemWhere(actionSteps, key)).returning(),
};

export async function insertPlanItem<K extends PlanItemKind>(
  db: Executor,
  kind: K,
  row: NewItemRow[K],
): Promise<ItemRow[K]> {
  const [inserted] = await inserts[kind](db, row);
  if (!inserted) throw new Error(`insert of a ${kind} returned nothing`);
  return inserted;
}

/** Changes one item of one plan; undefined when that plan has no such item. */
export async function updatePlanItem<K extends PlanItemKind>(
  db: Executor,
  kind: K,
  key: ItemKey,
  patch: Partial<NewItemRow[K]>,
): Promise<ItemRow[K] | undefined> {
  const [row] = await updates[kind](db, key, patch);
  return row;
}

// The step column that points at each kind of item.
const STEP_LINKS = {
  objective: 'objectiveId',
  influence: 'influenceId',
  competitor: 'competitorId',
  step: 'dependsOnStepId',
} as const;

/** Deletes one item of one plan; its steps pointing at it lose the link rather than block it. */
export async function deletePlanItem(db: Executor, kind: PlanItemKind, key: ItemKey) {
  const link = STEP_LINKS[kind];
  await db
    .update(actionSteps)
    .set({ [link]: null })
    .where(and(ofPlan(actionSteps, key.orgId, key.opportunityId), eq(actionSteps[link], key.id)));
  const table: PlanItemTable = itemTables[kind];
  await db.delete(table).where(itemWhere(table, key));
}

/** Sets each item's position to its place in `ids` (1-based). */
export async function setPositions(
  db: Executor,
  kind: 'objective' | 'step',
  orgId: string,
  opportunityId: string,
  ids: readonly string[],
) {
  const table = itemTables[kind];
  for (const [index, id] of ids.entries()) {
    await db
      .update(table)
      .set({ position: index + 1 })
      .where(itemWhere(table, { orgId, opportunityId, id }));
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
