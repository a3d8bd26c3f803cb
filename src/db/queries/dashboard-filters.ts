import { type SQL, sql } from 'drizzle-orm';
import type { PipelineFlag } from '../../domain/pipeline-flags';
import { type Executor, queryRows } from '../client';
import { isOverdueSql, isSlippingSql, isStaleSql } from './pipeline-flags';

// The dashboards' filters (schemas/dashboards.ts DashboardFilters) as SQL, written once for every
// statement of the dashboards and for the opportunity and activity lists they open, so a figure
// and the rows behind it agree. All filters combine (AND). Each condition is an EXISTS on the
// owner (users) or the account, correlated by org_id and id, which the planner turns into a
// semi-join on their primary keys.

/** Whose deals and of what: the filters beside the period. */
export type ScopeFilters = {
  /** A team: the deals of the reps whose manager this is. */
  managerId?: string | undefined;
  repId?: string | undefined;
  /** The account's segment. */
  segmentId?: string | undefined;
  productId?: string | undefined;
  /** The owner's territory. */
  territoryId?: string | undefined;
};

const all = (conditions: SQL[]): SQL =>
  conditions.length === 0 ? sql`true` : sql`(${sql.join(conditions, sql` and `)})`;

/** The owner filters (team, rep, territory) on a row's `owner` of organisation `org`. */
export function ownerFilterSql(
  org: SQL,
  owner: SQL,
  filters: Pick<ScopeFilters, 'managerId' | 'repId' | 'territoryId'>,
): SQL {
  const conditions: SQL[] = [];
  if (filters.repId) conditions.push(sql`${owner} = ${filters.repId}`);
  const ofOwner: SQL[] = [];
  if (filters.managerId) ofOwner.push(sql`fu.manager_id = ${filters.managerId}`);
  if (filters.territoryId) ofOwner.push(sql`fu.territory_id = ${filters.territoryId}`);
  if (ofOwner.length > 0) {
    conditions.push(sql`exists (select 1 from users fu
      where fu.org_id = ${org} and fu.id = ${owner} and ${all(ofOwner)})`);
  }
  return all(conditions);
}

/** Every filter on `opportunities o`. */
export function opportunityFilterSql(filters: ScopeFilters): SQL {
  const conditions: SQL[] = [ownerFilterSql(sql`o.org_id`, sql`o.owner_id`, filters)];
  if (filters.productId) conditions.push(sql`o.product_id = ${filters.productId}`);
  if (filters.segmentId) {
    conditions.push(sql`exists (select 1 from accounts fa
      where fa.org_id = o.org_id and fa.id = o.account_id and fa.segment_id = ${filters.segmentId})`);
  }
  return all(conditions);
}

/** A pipeline flag on `opportunities o` joined to `stages s` (db/queries/pipeline-flags.ts). */
export function pipelineFlagSql(flag: PipelineFlag, today: string): SQL {
  switch (flag) {
    case 'stale':
      return isStaleSql(today);
    case 'slipping':
      return isSlippingSql;
    case 'overdue':
      return isOverdueSql(today);
  }
}

/** The users of the organisation the owner filters keep (a target is the sum of theirs). */
export async function readFilteredOwnerIds(
  db: Executor,
  orgId: string,
  filters: ScopeFilters,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select u.id::text as id from users u
      where u.org_id = ${orgId} and ${ownerFilterSql(sql`u.org_id`, sql`u.id`, filters)}`,
  );
  return rows.map((row) => row.id);
}
