import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { UnconvertedMoney } from '../../domain/exchange-rates';
import type { MetricDefinition } from '../../domain/team-plan-metrics';
import { type Executor, queryRows } from '../client';
import { activityTypes, products, segments, teamPlanItems, teamPlans, users } from '../schema';
import { sumConvertedBy } from './money';
import { inOwnerScope, type OwnerScope } from './scope';

export type TeamPlanRow = typeof teamPlans.$inferSelect;
export type TeamPlanItemRow = typeof teamPlanItems.$inferSelect;

function selectPlans(db: Executor) {
  return db
    .select({ plan: teamPlans, managerName: users.name })
    .from(teamPlans)
    .innerJoin(users, and(eq(users.orgId, teamPlans.orgId), eq(users.id, teamPlans.managerId)));
}

export async function getTeamPlan(db: Executor, orgId: string, id: string) {
  const [row] = await selectPlans(db).where(and(eq(teamPlans.orgId, orgId), eq(teamPlans.id, id)));
  return row;
}

export async function listTeamPlans(db: Executor, orgId: string, scope: OwnerScope, year: number) {
  return selectPlans(db)
    .where(
      and(
        eq(teamPlans.orgId, orgId),
        eq(teamPlans.fiscalYear, year),
        inOwnerScope(teamPlans.managerId, scope),
      ),
    )
    .orderBy(asc(users.name));
}

export async function insertTeamPlan(db: Executor, row: typeof teamPlans.$inferInsert) {
  const [inserted] = await db.insert(teamPlans).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function updateTeamPlan(
  db: Executor,
  orgId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<typeof teamPlans.$inferInsert>,
) {
  const [row] = await db
    .update(teamPlans)
    .set({ ...patch, version: sql`${teamPlans.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(teamPlans.orgId, orgId), eq(teamPlans.id, id), eq(teamPlans.version, expectedVersion)),
    )
    .returning();
  return row;
}

export async function listTeamPlanItems(db: Executor, orgId: string, teamPlanId: string) {
  return db
    .select()
    .from(teamPlanItems)
    .where(and(eq(teamPlanItems.orgId, orgId), eq(teamPlanItems.teamPlanId, teamPlanId)))
    .orderBy(asc(teamPlanItems.position));
}

export async function deleteTeamPlanItems(db: Executor, orgId: string, teamPlanId: string) {
  await db
    .delete(teamPlanItems)
    .where(and(eq(teamPlanItems.orgId, orgId), eq(teamPlanItems.teamPlanId, teamPlanId)));
}

export async function insertTeamPlanItem(db: Executor, row: typeof teamPlanItems.$inferInsert) {
  const [inserted] = await db.insert(teamPlanItems).values(row).returning();
  if (!inserted) throw new Error('insert into team_plan_items returned nothing');
  return inserted;
}

export type MetricToCount = {
  id: string;
  definition: MetricDefinition;
  from: string;
  to: string;
};

export type CountedMetric = { value: number; unconverted: UnconvertedMoney[] };

/**
 * The metrics of one team plan that the data can count, as domain/team-plan-metrics.ts
 * countMetric defines them: one statement for the counts, one for won revenue (in the
 * organisation's currency, the won deals without a rate left out and counted). A metric without
 * a member counts `teamIds`. Entered metrics are not counted.
 */
export async function countTeamPlanMetrics(
  db: Executor,
  orgId: string,
  teamIds: readonly string[],
  metrics: readonly MetricToCount[],
): Promise<Map<string, CountedMetric>> {
  const counted = new Map<string, CountedMetric>();
  const countable = metrics.filter((m) => m.definition.counts !== 'entered');
  const money = countable.filter((m) => m.definition.counts === 'won_revenue');
  const counts = countable.filter((m) => m.definition.counts !== 'won_revenue');
  for (const m of countable) counted.set(m.id, { value: 0, unconverted: [] });
  const team =
    teamIds.length > 0
      ? sql.join(
          teamIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )
      : null;
  // Whose rows and which accounts and products: `x` is the activity or the deal, `ac` its
  // account, `product_id` the deal's product.
  const matches = (x: string, productId: SQL) => {
    const owner = sql.raw(`${x}.owner_id`);
    return sql`(case when m.member_id is null then ${team ? sql`${owner} in (${team})` : sql`false`}
        else ${owner} = m.member_id end)
      and (m.segment_id is null or ac.segment_id = m.segment_id)
      and (m.account_status is null or ac.status = m.account_status)
      and (m.product_id is null or ${productId} = m.product_id)`;
  };
  if (counts.length > 0) {
    const rows = await queryRows<{ id: string; value: string | number }>(
      db,
      sql`select m.id, case m.counts
          when 'activities' then (
            select count(*) from activities a
            left join accounts ac on ac.org_id = a.org_id and ac.id = a.account_id
            left join opportunities ao on ao.org_id = a.org_id and ao.id = a.opportunity_id
            where a.org_id = ${orgId} and a.status = 'done' and a.type = m.activity_type
              and a.occurs_on between m.from_on and m.to_on and ${matches('a', sql`ao.product_id`)})
          else (
            select count(*) from opportunities o
            join stages s on s.org_id = o.org_id and s.id = o.stage_id
            left join accounts ac on ac.org_id = o.org_id and ac.id = o.account_id
            where o.org_id = ${orgId}
              and case m.counts when 'opportunities_created' then o.created_on between m.from_on and m.to_on
                else s.kind = 'won' and o.closed_on between m.from_on and m.to_on end
              and ${matches('o', sql`o.product_id`)})
          end as value
        from ${metricValues(counts)}`,
    );
    for (const row of rows) counted.set(row.id, { value: Number(row.value), unconverted: [] });
  }
  if (money.length > 0) {
    const totals = await sumConvertedBy(db, orgId, {
      key: sql`m.id`,
      joins: sql`join ${metricValues(money)} on true
        left join accounts ac on ac.org_id = o.org_id and ac.id = o.account_id`,
      where: sql`s.kind = 'won' and o.closed_on between m.from_on and m.to_on
        and ${matches('o', sql`o.product_id`)}`,
      today: null,
    });
    for (const [id, total] of totals) {
      counted.set(id, { value: total.totalMinor, unconverted: total.unconverted });
    }
  }
  return counted;
}

/** The metrics as a derived table `m`, typed so an all-null column still compares. */
function metricValues(metrics: readonly MetricToCount[]): SQL {
  const rows = metrics.map(
    ({ id, definition: d, from, to }) =>
      sql`(${id}::text, ${d.counts}::text, ${d.activityType}::text, ${d.memberId}::uuid,
        ${d.segmentId}::uuid, ${d.accountStatus}::text, ${d.productId}::uuid, ${from}::date,
        ${to}::date)`,
  );
  return sql`(values ${sql.join(rows, sql`, `)}) as m(id, counts, activity_type, member_id,
    segment_id, account_status, product_id, from_on, to_on)`;
}

/** The names a plan's metric definitions mention: activity types, segments, products, members. */
export async function metricNamesOf(
  db: Executor,
  orgId: string,
  ids: { segmentIds: string[]; productIds: string[]; memberIds: string[] },
) {
  const types = await db
    .select({ key: activityTypes.key, label: activityTypes.label })
    .from(activityTypes)
    .where(eq(activityTypes.orgId, orgId));
  const segmentRows =
    ids.segmentIds.length === 0
      ? []
      : await db
          .select({ id: segments.id, code: segments.code, name: segments.name })
          .from(segments)
          .where(and(eq(segments.orgId, orgId), inArray(segments.id, ids.segmentIds)));
  const productRows =
    ids.productIds.length === 0
      ? []
      : await db
          .select({ id: products.id, name: products.name })
          .from(products)
          .where(and(eq(products.orgId, orgId), inArray(products.id, ids.productIds)));
  const memberRows =
    ids.memberIds.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.orgId, orgId), inArray(users.id, ids.memberIds)));
  return {
    activityTypes: new Map(types.map((t) => [t.key, t.label])),
    segments: new Map(
      segmentRows.map((s) => [s.id, s.code === s.name ? s.name : `${s.code} (${s.name})`]),
    ),
    products: new Map(productRows.map((p) => [p.id, p.name])),
    members: new Map(memberRows.map((u) => [u.id, u.name])),
  };
}

/** The row's metric definition; null when the activity has no metric. */
export function metricDefinitionOf(row: TeamPlanItemRow): MetricDefinition | null {
  if (!row.metricCounts) return null;
  return {
    counts: row.metricCounts,
    activityType: row.metricActivityType,
    memberId: row.metricMemberId,
    segmentId: row.metricSegmentId,
    accountStatus: row.metricAccountStatus,
    productId: row.metricProductId,
  };
}

/** The columns that store a metric definition (all null without one). */
export function metricColumnsOf(definition: MetricDefinition | null) {
  return {
    metricCounts: definition?.counts ?? null,
    metricActivityType: definition?.activityType ?? null,
    metricMemberId: definition?.memberId ?? null,
    metricSegmentId: definition?.segmentId ?? null,
    metricAccountStatus: definition?.accountStatus ?? null,
    metricProductId: definition?.productId ?? null,
  };
}

/** Each plan's items counted by kind and goal area (the team plan list's CSV), in one statement. */
export async function countTeamPlanItemsByKind(db: Executor, orgId: string, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({
      teamPlanId: teamPlanItems.teamPlanId,
      kind: teamPlanItems.kind,
      area: teamPlanItems.area,
      hasMetric: sql<boolean>`${teamPlanItems.metricCounts} is not null`,
      count: sql<number>`count(*)::int`,
    })
    .from(teamPlanItems)
    .where(and(eq(teamPlanItems.orgId, orgId), inArray(teamPlanItems.teamPlanId, planIds)))
    .groupBy(
      teamPlanItems.teamPlanId,
      teamPlanItems.kind,
      teamPlanItems.area,
      sql`${teamPlanItems.metricCounts} is not null`,
    );
}
