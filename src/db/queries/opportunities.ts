import { and, asc, count, eq, gte, ilike, inArray, lte, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import {
  accounts,
  activities,
  opportunities,
  opportunityCloseDateChanges,
  opportunityStageChanges,
  products,
  stages,
  users,
} from '../schema';
import { caseless, orderBy, type Page, type SortOrder } from './paging';
import { inOwnerScope, likePattern, type OwnerScope } from './scope';
import type { StageKind } from '../../domain/opportunity';

export type OpportunityRow = typeof opportunities.$inferSelect;
export type NewOpportunityRow = typeof opportunities.$inferInsert;

export type OpportunityFilter = {
  q?: string | undefined;
  ownerId?: string | undefined;
  accountId?: string | undefined;
  productId?: string | undefined;
  stageId?: string | undefined;
  status?: StageKind | undefined;
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  sort: 'name' | 'amountMinor' | 'createdOn' | 'expectedCloseOn' | 'closedOn' | 'updatedAt';
  order: SortOrder;
};

const sameOrg = (t: { orgId: PgColumn }) => eq(t.orgId, opportunities.orgId);

function fromOpportunities(db: Executor, fields: Parameters<Executor['select']>[0] & object) {
  return db
    .select(fields)
    .from(opportunities)
    .innerJoin(stages, and(sameOrg(stages), eq(stages.id, opportunities.stageId)))
    .innerJoin(users, and(sameOrg(users), eq(users.id, opportunities.ownerId)))
    .leftJoin(accounts, and(sameOrg(accounts), eq(accounts.id, opportunities.accountId)))
    .leftJoin(products, and(sameOrg(products), eq(products.id, opportunities.productId)));
}

const opportunityView = {
  opportunity: opportunities,
  stageName: stages.name,
  stageKind: stages.kind,
  probabilityPercent: stages.probabilityPercent,
  ownerName: users.name,
  accountName: accounts.name,
  productName: products.name,
};

function conditions(
  orgId: string,
  scope: OwnerScope,
  filter: Partial<OpportunityFilter>,
): SQL | undefined {
  return and(
    eq(opportunities.orgId, orgId),
    inOwnerScope(opportunities.ownerId, scope),
    filter.q ? ilike(opportunities.name, likePattern(filter.q)) : undefined,
    filter.ownerId ? eq(opportunities.ownerId, filter.ownerId) : undefined,
    filter.accountId ? eq(opportunities.accountId, filter.accountId) : undefined,
    filter.productId ? eq(opportunities.productId, filter.productId) : undefined,
    filter.stageId ? eq(opportunities.stageId, filter.stageId) : undefined,
    filter.status ? eq(stages.kind, filter.status) : undefined,
    filter.closedFrom ? gte(opportunities.closedOn, filter.closedFrom) : undefined,
    filter.closedTo ? lte(opportunities.closedOn, filter.closedTo) : undefined,
  );
}

export async function listOpportunities(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: OpportunityFilter,
  page: Page,
) {
  const where = conditions(orgId, scope, filter);
  const sortColumn = {
    name: caseless(opportunities.name),
    amountMinor: opportunities.amountMinor,
    createdOn: opportunities.createdOn,
    expectedCloseOn: opportunities.expectedCloseOn,
    closedOn: opportunities.closedOn,
    updatedAt: opportunities.updatedAt,
  }[filter.sort];
  const [items, [total]] = await Promise.all([
    fromOpportunities(db, opportunityView)
      .where(where)
      .orderBy(...orderBy(sortColumn, filter.order, opportunities.id))
      .limit(page.limit)
      .offset(page.offset),
    fromOpportunities(db, { value: count() }).where(where),
  ]);
  return {
    items: items as OpportunityView[],
    total: Number((total as { value: number } | undefined)?.value ?? 0),
  };
}

export type OpportunityView = {
  opportunity: OpportunityRow;
  stageName: string;
  stageKind: StageKind;
  probabilityPercent: number;
  ownerName: string;
  accountName: string | null;
  productName: string | null;
};

export async function getOpportunity(db: Executor, orgId: string, id: string, scope: OwnerScope) {
  const [row] = await fromOpportunities(db, opportunityView).where(
    and(conditions(orgId, scope, {}), eq(opportunities.id, id)),
  );
  return row as OpportunityView | undefined;
}

/** The opportunities among `ids` in scope, in one query (the plan-health list). */
export async function getOpportunities(
  db: Executor,
  orgId: string,
  ids: readonly string[],
  scope: OwnerScope,
) {
  if (ids.length === 0) return [];
  const rows = await fromOpportunities(db, opportunityView).where(
    and(conditions(orgId, scope, {}), inArray(opportunities.id, [...ids])),
  );
  return rows as OpportunityView[];
}

export async function insertOpportunity(db: Executor, row: NewOpportunityRow) {
  const [inserted] = await db.insert(opportunities).values(row).returning();
  if (!inserted) throw new Error('insert into opportunities returned nothing');
  return inserted;
}

export async function updateOpportunity(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<NewOpportunityRow>,
) {
  const [row] = await db
    .update(opportunities)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, id)))
    .returning();
  return row;
}

/** Deletes the opportunity; its activities stay, detached from it. */
export async function deleteOpportunity(db: Executor, orgId: string, id: string) {
  await db
    .update(activities)
    .set({ opportunityId: null })
    .where(and(eq(activities.orgId, orgId), eq(activities.opportunityId, id)));
  await db
    .delete(opportunities)
    .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, id)));
}

export async function insertStageChange(
  db: Executor,
  row: typeof opportunityStageChanges.$inferInsert,
) {
  await db.insert(opportunityStageChanges).values(row);
}

export async function insertCloseDateChange(
  db: Executor,
  row: typeof opportunityCloseDateChanges.$inferInsert,
) {
  await db.insert(opportunityCloseDateChanges).values(row);
}

export async function getStage(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(stages)
    .where(and(eq(stages.orgId, orgId), eq(stages.id, id)));
  return row;
}

const fromStages = alias(stages, 'from_stages');
const toStages = alias(stages, 'to_stages');

export async function listStageChanges(db: Executor, orgId: string, opportunityId: string) {
  return db
    .select({
      fromStageId: opportunityStageChanges.fromStageId,
      fromStageName: fromStages.name,
      toStageId: opportunityStageChanges.toStageId,
      toStageName: toStages.name,
      changedOn: opportunityStageChanges.changedOn,
      changedByName: users.name,
    })
    .from(opportunityStageChanges)
    .innerJoin(
      toStages,
      and(
        eq(toStages.orgId, opportunityStageChanges.orgId),
        eq(toStages.id, opportunityStageChanges.toStageId),
      ),
    )
    .leftJoin(
      fromStages,
      and(
        eq(fromStages.orgId, opportunityStageChanges.orgId),
        eq(fromStages.id, opportunityStageChanges.fromStageId),
      ),
    )
    .leftJoin(
      users,
      and(
        eq(users.orgId, opportunityStageChanges.orgId),
        eq(users.id, opportunityStageChanges.changedBy),
      ),
    )
    .where(
      and(
        eq(opportunityStageChanges.orgId, orgId),
        eq(opportunityStageChanges.opportunityId, opportunityId),
      ),
    )
    .orderBy(asc(opportunityStageChanges.changedOn), asc(opportunityStageChanges.createdAt));
}
