import { and, asc, eq, gte, ilike, inArray, lte, not, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../client';
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
import { opportunityFilterSql, pipelineFlagSql, type ScopeFilters } from './dashboard-filters';
import {
  afterKeyset,
  type KeysetCursor,
  keysetKeyText,
  keysetOrder,
  type KeysetSort,
  nextCursorOf,
  nullsLastDate,
} from './keyset';
import { matchingCount, pageWithTotal } from './list-total';
import { convertedAmountJoin, convertedMinor } from './money';
import { hasDealPlanSql } from './pipeline-flags';
import { caseless, type Page, type SortOrder } from './paging';
import { inOwnerScope, likePattern, type OwnerScope } from './scope';
import type { StageKind } from '../../domain/opportunity';
import type { PipelineFlag } from '../../domain/pipeline-flags';

export type OpportunityRow = typeof opportunities.$inferSelect;
export type NewOpportunityRow = typeof opportunities.$inferInsert;

export type OpportunityFilter = ScopeFilters & {
  q?: string | undefined;
  ownerId?: string | undefined;
  accountId?: string | undefined;
  stageId?: string | undefined;
  status?: StageKind | undefined;
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  /** Open deals that carry the flag as of `today` (as the dashboards count them). */
  flagged?: { flag: PipelineFlag; today: string } | undefined;
  /** Deals with a deal plan (true) or without one (false). */
  hasPlan?: boolean | undefined;
  /** Only these deals (the plan filter's deals whose plan has an error finding). */
  ids?: readonly string[] | undefined;
  sort: 'name' | 'amountMinor' | 'createdOn' | 'expectedCloseOn' | 'closedOn' | 'updatedAt';
  order: SortOrder;
};

// The list reads `opportunities o` joined to `stages s`, the names the shared SQL of the dashboards'
// filters and pipeline flags (dashboard-filters.ts, pipeline-flags.ts) is written against.
const o = alias(opportunities, 'o');
const s = alias(stages, 's');

const sameOrg = (t: { orgId: PgColumn }) => eq(t.orgId, o.orgId);

function fromOpportunities(db: Executor, fields: Parameters<Executor['select']>[0] & object) {
  return db
    .select(fields)
    .from(o)
    .innerJoin(s, and(sameOrg(s), eq(s.id, o.stageId)))
    .innerJoin(users, and(sameOrg(users), eq(users.id, o.ownerId)))
    .leftJoin(accounts, and(sameOrg(accounts), eq(accounts.id, o.accountId)))
    .leftJoin(products, and(sameOrg(products), eq(products.id, o.productId)));
}

const opportunityView = {
  opportunity: o,
  stageName: s.name,
  stageKind: s.kind,
  probabilityPercent: s.probabilityPercent,
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
    eq(o.orgId, orgId),
    inOwnerScope(o.ownerId, scope),
    filter.q ? ilike(o.name, likePattern(filter.q)) : undefined,
    filter.ownerId ? eq(o.ownerId, filter.ownerId) : undefined,
    filter.accountId ? eq(o.accountId, filter.accountId) : undefined,
    filter.stageId ? eq(o.stageId, filter.stageId) : undefined,
    filter.status ? eq(s.kind, filter.status) : undefined,
    filter.closedFrom ? gte(o.closedOn, filter.closedFrom) : undefined,
    filter.closedTo ? lte(o.closedOn, filter.closedTo) : undefined,
    filter.createdFrom ? gte(o.createdOn, filter.createdFrom) : undefined,
    filter.createdTo ? lte(o.createdOn, filter.createdTo) : undefined,
    opportunityFilterSql(filter),
    filter.flagged ? pipelineFlagSql(filter.flagged.flag, filter.flagged.today) : undefined,
    filter.hasPlan === undefined
      ? undefined
      : filter.hasPlan
        ? hasDealPlanSql
        : not(hasDealPlanSql),
    filter.ids === undefined
      ? undefined
      : filter.ids.length === 0
        ? sql`false`
        : inArray(o.id, [...filter.ids]),
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
  const sort = keysetSorts[filter.sort];
  // The page and its count in one statement (list-total.ts).
  const matching = fromOpportunities(db, { one: sql`1` }).where(where);
  const { rows, total } = await pageWithTotal(
    db,
    matching,
    page,
    (await fromOpportunities(db, {
      ...opportunityView,
      id: o.id,
      sortKey: keysetKeyText(sort),
      matchingCount: matchingCount(matching),
    })
      .where(and(where, afterKeyset(sort, filter.order, o.id, page.after)))
      .orderBy(...keysetOrder(sort, filter.order, o.id))
      .limit(page.limit)
      .offset(page.offset)) as (OpportunityView & {
      id: string;
      sortKey: string;
      matchingCount: string | number;
    })[],
  );
  return {
    items: rows as (OpportunityView & { id: string; sortKey: string })[],
    ...total,
    nextCursor: nextCursorOf(rows as { id: string; sortKey: string }[], page.limit),
  };
}

/** The ids of every deal the filters keep (for the plan filter: the few deals with a plan). */
export async function listOpportunityIds(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: Omit<OpportunityFilter, 'sort' | 'order'>,
): Promise<string[]> {
  const rows = await db
    .select({ id: o.id })
    .from(o)
    .innerJoin(s, and(sameOrg(s), eq(s.id, o.stageId)))
    .where(conditions(orgId, scope, filter));
  return rows.map((row) => row.id);
}

export type OpportunitySummaryRow = {
  count: number;
  /** Σ converted amounts (the deals with a rate), in the organisation's currency. */
  valueMinor: number;
  /** Σ converted amount × stage probability, in float8 in the deals' id order, not yet rounded. */
  weightedValue: number;
  /** The deals without a rate, left out of the values, per currency. */
  unconverted: { currency: string; count: number; amountMinor: number }[];
};

/**
 * The count, value and weighted value of every deal the list's filters keep (not one page), in
 * one statement: amounts converted as the dashboards convert them (money.ts), weighted by the
 * stage's probability as domain/pipeline.ts weights them.
 */
export async function summariseOpportunities(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: Omit<OpportunityFilter, 'sort' | 'order'>,
  today: string,
): Promise<OpportunitySummaryRow> {
  const rows = await queryRows<{
    currency: string | null;
    count: number | string;
    value: number | string;
    weighted: number | string;
    noRateCount: number | string;
    noRateAmount: number | string;
  }>(
    db,
    sql`select currency, count(*) as count, coalesce(sum(converted), 0) as value,
        coalesce(sum(converted::float8 * (probability::float8 / 100) order by id), 0) as weighted,
        count(*) filter (where converted is null) as "noRateCount",
        coalesce(sum(amount) filter (where converted is null), 0) as "noRateAmount"
      from (select o.id, o.currency, o.amount_minor as amount, s.probability_percent as probability,
          ${convertedMinor} as converted
        from opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
        ${convertedAmountJoin(today)}
        where ${conditions(orgId, scope, filter)}) deals
      group by grouping sets ((), (currency))`,
  );
  const summary: OpportunitySummaryRow = {
    count: 0,
    valueMinor: 0,
    weightedValue: 0,
    unconverted: [],
  };
  for (const row of rows) {
    if (row.currency === null) {
      summary.count = Number(row.count);
      summary.valueMinor = Number(row.value);
      summary.weightedValue = Number(row.weighted);
    } else if (Number(row.noRateCount) > 0) {
      summary.unconverted.push({
        currency: row.currency,
        count: Number(row.noRateCount),
        amountMinor: Number(row.noRateAmount),
      });
    }
  }
  summary.unconverted.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return summary;
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

// The list's sorts as keyset keys: its pages (`after`) and every row in its order (CSV export).
// Each has its index, (org_id, key, id) (migration 0013).
const keysetSorts: Record<OpportunityFilter['sort'], KeysetSort> = {
  name: { key: caseless(o.name), type: 'text' },
  amountMinor: { key: sql`${o.amountMinor}`, type: 'bigint' },
  createdOn: { key: sql`${o.createdOn}`, type: 'date' },
  expectedCloseOn: { key: nullsLastDate(o.expectedCloseOn), type: 'date' },
  closedOn: { key: nullsLastDate(o.closedOn), type: 'date' },
  updatedAt: { key: sql`${o.updatedAt}`, type: 'timestamptz' },
};

/** What an import knows a record by: its external id, or else its Salesplan id. */
const importKey = (externalId: PgColumn, id: PgColumn) =>
  sql<string>`coalesce(${externalId}, ${id}::text)`;

export type OpportunityExportRow = OpportunityView & {
  id: string;
  sortKey: string;
  accountKey: string | null;
  ownerKey: string;
  productKey: string | null;
};

/** The page of the list's rows after `after`, with the import keys of what they point at. */
export async function listOpportunitiesAfter(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  filter: OpportunityFilter,
  after: KeysetCursor | null,
  limit: number,
): Promise<OpportunityExportRow[]> {
  const sort = keysetSorts[filter.sort];
  const rows = await fromOpportunities(db, {
    ...opportunityView,
    id: o.id,
    sortKey: keysetKeyText(sort),
    accountKey: sql<string | null>`${importKey(accounts.externalId, accounts.id)}`,
    ownerKey: importKey(users.externalId, users.id),
    productKey: sql<string | null>`${importKey(products.externalId, products.id)}`,
  })
    .where(and(conditions(orgId, scope, filter), afterKeyset(sort, filter.order, o.id, after)))
    .orderBy(...keysetOrder(sort, filter.order, o.id))
    .limit(limit);
  return rows as OpportunityExportRow[];
}

export async function getOpportunity(db: Executor, orgId: string, id: string, scope: OwnerScope) {
  const [row] = await fromOpportunities(db, opportunityView).where(
    and(conditions(orgId, scope, {}), eq(o.id, id)),
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
    and(conditions(orgId, scope, {}), inArray(o.id, [...ids])),
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
