import { and, asc, eq, sql } from 'drizzle-orm';
import type { UnconvertedMoney } from '../../domain/exchange-rates';
import { type Executor, queryRows } from '../client';
import { teamPlanItems, teamPlans, users } from '../schema';
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

/**
 * A countable metric over owners and dates: done activities of a type, won revenue (in the
 * organisation's currency, the won deals without a rate left out and counted), or new deals.
 */
export async function countMetric(
  db: Executor,
  orgId: string,
  source: string,
  ownerIds: readonly string[],
  range: { from: string; to: string },
): Promise<{ value: number; unconverted: UnconvertedMoney[] }> {
  if (ownerIds.length === 0) return { value: 0, unconverted: [] };
  const owners = sql.join(
    ownerIds.map((id) => sql`${id}`),
    sql`, `,
  );
  if (source === 'won_revenue') {
    const [total] = await sumConvertedBy(db, orgId, {
      key: sql`'won_revenue'`,
      where: sql`s.kind = 'won' and o.owner_id in (${owners})
        and o.closed_on between ${range.from} and ${range.to}`,
      today: null,
    }).then((totals) => [...totals.values()]);
    return { value: total?.totalMinor ?? 0, unconverted: total?.unconverted ?? [] };
  }
  const query = source.startsWith('activities:')
    ? sql`select count(*) as value from activities where org_id = ${orgId} and status = 'done'
          and type = ${source.slice('activities:'.length)} and owner_id in (${owners})
          and occurs_on between ${range.from} and ${range.to}`
    : sql`select count(*) as value from opportunities where org_id = ${orgId}
            and owner_id in (${owners}) and created_on between ${range.from} and ${range.to}`;
  const [row] = await queryRows<{ value: string | number }>(db, query);
  return { value: Number(row?.value ?? 0), unconverted: [] };
}
