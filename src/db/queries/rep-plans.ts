import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../client';
import { inOneRoundTrip, rowFromJson } from '../round-trip';
import {
  accounts,
  activityTypes,
  checkIns,
  organisations,
  repPlanComments,
  repPlans,
  repPlanTargetAccounts,
  repPlanVersions,
  segmentNorms,
  segments,
  strategies,
  users,
} from '../schema';
import { convertedAmountJoin, convertedMinor } from './money';
import { inOwnerScope, type OwnerScope } from './scope';
import type { OpportunityOutcome } from '../../domain/opportunity';

export type RepPlanRow = typeof repPlans.$inferSelect;
export type NewRepPlanRow = typeof repPlans.$inferInsert;
export type RepPlanVersionRow = typeof repPlanVersions.$inferSelect;

const managers = alias(users, 'managers');

function selectPlans(db: Executor) {
  return db
    .select({ plan: repPlans, repName: users.name, managerName: managers.name })
    .from(repPlans)
    .innerJoin(users, and(eq(users.orgId, repPlans.orgId), eq(users.id, repPlans.repId)))
    .leftJoin(
      managers,
      and(eq(managers.orgId, repPlans.orgId), eq(managers.id, repPlans.managerId)),
    );
}

export type RepPlanView = Awaited<ReturnType<typeof getRepPlan>>;

export async function getRepPlan(db: Executor, orgId: string, id: string) {
  const [row] = await selectPlans(db).where(and(eq(repPlans.orgId, orgId), eq(repPlans.id, id)));
  return row;
}

export async function findRepPlan(db: Executor, orgId: string, repId: string, year: number) {
  const [row] = await db
    .select({ id: repPlans.id })
    .from(repPlans)
    .where(
      and(eq(repPlans.orgId, orgId), eq(repPlans.repId, repId), eq(repPlans.fiscalYear, year)),
    );
  return row;
}

export async function listRepPlans(db: Executor, orgId: string, scope: OwnerScope, year: number) {
  return selectPlans(db)
    .where(
      and(
        eq(repPlans.orgId, orgId),
        eq(repPlans.fiscalYear, year),
        inOwnerScope(repPlans.repId, scope),
      ),
    )
    .orderBy(asc(users.name));
}

export async function insertRepPlan(db: Executor, row: NewRepPlanRow) {
  const [inserted] = await db.insert(repPlans).values(row).returning();
  if (!inserted) throw new Error('insert into rep_plans returned nothing');
  return inserted;
}

/** Updates only at `expectedVersion` and bumps it; undefined when someone saved in between. */
export async function updateRepPlan(
  db: Executor,
  orgId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<NewRepPlanRow>,
) {
  const [updated] = await db
    .update(repPlans)
    .set({ ...patch, version: sql`${repPlans.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(repPlans.orgId, orgId), eq(repPlans.id, id), eq(repPlans.version, expectedVersion)),
    )
    .returning();
  return updated;
}

export async function listTargetAccounts(db: Executor, orgId: string, repPlanId: string) {
  return db
    .select({
      accountId: accounts.id,
      name: accounts.name,
      segmentId: accounts.segmentId,
      status: accounts.status,
    })
    .from(repPlanTargetAccounts)
    .innerJoin(
      accounts,
      and(
        eq(accounts.orgId, repPlanTargetAccounts.orgId),
        eq(accounts.id, repPlanTargetAccounts.accountId),
      ),
    )
    .where(
      and(eq(repPlanTargetAccounts.orgId, orgId), eq(repPlanTargetAccounts.repPlanId, repPlanId)),
    )
    .orderBy(asc(accounts.name));
}

type Json = Record<string, unknown>;

/**
 * What a rep plan's read needs besides the plan and the history, in one statement
 * (db/round-trip.ts): the rep with the organisation, the year's strategy with its shares and
 * assignments, the segments, the plan's target accounts, the norms, the activity types' hours and
 * the check-ins. Each list in the order, and each row in the form, of its own query
 * (getUserWithOrganisation, getStrategy, listSegmentShares, listAssignments, listSegments,
 * listTargetAccounts, listSegmentNorms, listActivityTypeHours, listCheckInsOfPlan).
 */
export async function readRepPlanContext(
  db: Executor,
  orgId: string,
  plan: Pick<RepPlanRow, 'id' | 'repId' | 'fiscalYear'>,
) {
  const [rep, org, strategy, shares, assignments, segmentRows, targets, norms, hours, checkInRows] =
    await inOneRoundTrip(db, (b) =>
      Promise.all([
        queryRows<Json>(b, sql`select * from users where org_id = ${orgId} and id = ${plan.repId}`),
        queryRows<Json>(b, sql`select * from organisations where id = ${orgId}`),
        queryRows<Json>(
          b,
          sql`select * from strategies where org_id = ${orgId} and fiscal_year = ${plan.fiscalYear}`,
        ),
        queryRows<{ segmentId: string; shareBasisPoints: number; code: string; name: string }>(
          b,
          sql`select sh.segment_id::text as "segmentId", sh.share_basis_points as "shareBasisPoints",
                s.code, s.name
              from strategy_segment_shares sh
              join segments s on s.org_id = sh.org_id and s.id = sh.segment_id
              where sh.org_id = ${orgId} and sh.fiscal_year = ${plan.fiscalYear}
              order by s.code`,
        ),
        queryRows<{ repId: string; segmentId: string | null; weight: number; repName: string }>(
          b,
          sql`select a.rep_id::text as "repId", a.segment_id::text as "segmentId", a.weight,
                u.name as "repName"
              from strategy_assignments a
              join users u on u.org_id = a.org_id and u.id = a.rep_id
              where a.org_id = ${orgId} and a.fiscal_year = ${plan.fiscalYear}
              order by u.name, a.segment_id`,
        ),
        queryRows<Json>(b, sql`select * from segments where org_id = ${orgId} order by code`),
        queryRows<Json>(
          b,
          sql`select a.id, a.name, a.segment_id, a.status
              from rep_plan_target_accounts ta
              join accounts a on a.org_id = ta.org_id and a.id = ta.account_id
              where ta.org_id = ${orgId} and ta.rep_plan_id = ${plan.id}
              order by a.name`,
        ),
        queryRows<Json>(
          b,
          sql`select * from segment_norms where org_id = ${orgId}
              order by segment_id, account_status`,
        ),
        queryRows<Json>(b, sql`select * from activity_types where org_id = ${orgId}`),
        queryRows<Json>(
          b,
          sql`select * from check_ins where org_id = ${orgId} and rep_plan_id = ${plan.id}
              order by period_start`,
        ),
      ]),
    );
  const user = rep[0] ? rowFromJson(users, rep[0]) : undefined;
  const organisation = org[0] ? rowFromJson(organisations, org[0]) : undefined;
  const strategyRow = strategy[0] ? rowFromJson(strategies, strategy[0]) : undefined;
  return {
    rep: user && organisation ? { user, organisation } : undefined,
    strategy: strategyRow
      ? {
          row: strategyRow,
          shares: shares.map((s) => ({ ...s, shareBasisPoints: Number(s.shareBasisPoints) })),
          assignments: assignments.map((a) => ({ ...a, weight: Number(a.weight) })),
        }
      : undefined,
    segments: segmentRows.map((row) => rowFromJson(segments, row)),
    targetAccounts: targets.map((row) => {
      const account = rowFromJson(accounts, row);
      return {
        accountId: account.id,
        name: account.name,
        segmentId: account.segmentId,
        status: account.status,
      };
    }),
    norms: norms.map((row) => rowFromJson(segmentNorms, row)),
    hours: hours.map((row) => {
      const type = rowFromJson(activityTypes, row);
      return { key: type.key, hours: type.hours };
    }),
    checkIns: checkInRows.map((row) => rowFromJson(checkIns, row)),
  };
}

export type RepPlanContext = Awaited<ReturnType<typeof readRepPlanContext>>;

export async function replaceTargetAccounts(
  db: Executor,
  orgId: string,
  repPlanId: string,
  accountIds: readonly string[],
) {
  await db
    .delete(repPlanTargetAccounts)
    .where(
      and(eq(repPlanTargetAccounts.orgId, orgId), eq(repPlanTargetAccounts.repPlanId, repPlanId)),
    );
  if (accountIds.length > 0)
    await db
      .insert(repPlanTargetAccounts)
      .values([...new Set(accountIds)].map((accountId) => ({ orgId, repPlanId, accountId })));
}

export async function insertRepPlanVersion(db: Executor, row: typeof repPlanVersions.$inferInsert) {
  await db.insert(repPlanVersions).values(row);
}

export async function listRepPlanVersions(db: Executor, orgId: string, repPlanId: string) {
  return db
    .select()
    .from(repPlanVersions)
    .where(and(eq(repPlanVersions.orgId, orgId), eq(repPlanVersions.repPlanId, repPlanId)))
    .orderBy(asc(repPlanVersions.versionNumber));
}

export async function insertRepPlanComment(db: Executor, row: typeof repPlanComments.$inferInsert) {
  const [inserted] = await db.insert(repPlanComments).values(row).returning();
  if (!inserted) throw new Error('insert into rep_plan_comments returned nothing');
  return inserted;
}

export async function listRepPlanComments(db: Executor, orgId: string, repPlanId: string) {
  return db
    .select({ comment: repPlanComments, authorName: users.name })
    .from(repPlanComments)
    .innerJoin(
      users,
      and(eq(users.orgId, repPlanComments.orgId), eq(users.id, repPlanComments.authorId)),
    )
    .where(and(eq(repPlanComments.orgId, orgId), eq(repPlanComments.repPlanId, repPlanId)))
    .orderBy(asc(repPlanComments.createdAt));
}

export type RepOpportunity = {
  createdOn: string;
  closedOn: string | null;
  outcome: OpportunityOutcome | null;
  /**
   * In the organisation's currency, converted at the close month's rate (open deals: this
   * month's); 0 when the deal's currency has no rate (`hasRate` false), so sums leave it out.
   */
  amountMinor: number;
  hasRate: boolean;
  currency: string;
  /** The deal's own amount, in `currency`. */
  dealAmountMinor: number;
  segmentId: string | null;
};

type RawRepOpportunity = {
  created_on: string;
  closed_on: string | null;
  kind: string;
  amount_minor: string | number;
  converted_minor: string | number | null;
  currency: string;
};

function toRepOpportunity(r: RawRepOpportunity): Omit<RepOpportunity, 'segmentId'> {
  return {
    createdOn: r.created_on,
    closedOn: r.closed_on,
    outcome: r.kind === 'won' || r.kind === 'lost' ? r.kind : null,
    amountMinor: r.converted_minor === null ? 0 : Number(r.converted_minor),
    hasRate: r.converted_minor !== null,
    currency: r.currency,
    dealAmountMinor: Number(r.amount_minor),
  };
}

/** The rep's opportunities as the funnel and attainment read them: outcome from the stage kind. */
export async function listRepOpportunities(
  db: Executor,
  orgId: string,
  repId: string,
  today: string,
): Promise<RepOpportunity[]> {
  const rows = await queryRows<RawRepOpportunity & { segment_id: string | null }>(
    db,
    sql`select to_char(o.created_on, 'YYYY-MM-DD') as created_on,
               to_char(o.closed_on, 'YYYY-MM-DD') as closed_on, s.kind, o.amount_minor,
               ${convertedMinor} as converted_minor, o.currency, a.segment_id
        from opportunities o
        join stages s on s.org_id = o.org_id and s.id = o.stage_id
        left join accounts a on a.org_id = o.org_id and a.id = o.account_id
        ${convertedAmountJoin(today)}
        where o.org_id = ${orgId} and o.owner_id = ${repId}`,
  );
  return rows.map((r) => ({ ...toRepOpportunity(r), segmentId: r.segment_id }));
}

/** Days of the activities the rep has done, with their type (optionally one type only). */
export async function listDoneActivities(
  db: Executor,
  orgId: string,
  repId: string,
  range: { from: string; to: string } | null = null,
): Promise<{ activityType: string; doneOn: string }[]> {
  const rows = await queryRows<{ type: string; occurs_on: string }>(
    db,
    sql`select type, to_char(occurs_on, 'YYYY-MM-DD') as occurs_on from activities
        where org_id = ${orgId} and owner_id = ${repId} and status = 'done'
        ${range ? sql`and occurs_on between ${range.from} and ${range.to}` : sql``}
        order by occurs_on`,
  );
  return rows.map((r) => ({ activityType: r.type, doneOn: r.occurs_on }));
}

export type TeamFunnelHistory = {
  /** The reps of the manager, the plan's own rep included. */
  repCount: number;
  opportunities: Omit<RepOpportunity, 'segmentId'>[];
  firstMeetingsHeldOn: string[];
};

/**
 * The history behind the team's funnel ratios: the opportunities created or closed in the
 * look-back and the first meetings held in it, of every rep whose manager is `managerId`. Rows
 * are narrowed to the look-back here; the domain still applies the exact definitions.
 */
export async function listTeamFunnelHistory(
  db: Executor,
  orgId: string,
  managerId: string,
  lookBack: { from: string; to: string },
): Promise<TeamFunnelHistory> {
  const team = sql`select id from users
    where org_id = ${orgId} and manager_id = ${managerId} and role = 'rep'`;
  // One round trip (db/round-trip.ts), or part of the caller's.
  const [[reps], opportunities, meetings] = await inOneRoundTrip(db, (b) =>
    Promise.all([
      queryRows<{ count: string | number }>(b, sql`select count(*) as count from (${team}) team`),
      queryRows<RawRepOpportunity>(
        b,
        sql`select to_char(o.created_on, 'YYYY-MM-DD') as created_on,
               to_char(o.closed_on, 'YYYY-MM-DD') as closed_on, s.kind, o.amount_minor,
               ${convertedMinor} as converted_minor, o.currency
        from opportunities o
        join stages s on s.org_id = o.org_id and s.id = o.stage_id
        ${convertedAmountJoin(lookBack.to)}
        where o.org_id = ${orgId} and o.owner_id in (${team})
          and (o.created_on between ${lookBack.from} and ${lookBack.to}
               or o.closed_on between ${lookBack.from} and ${lookBack.to})`,
      ),
      queryRows<{ occurs_on: string }>(
        b,
        sql`select to_char(occurs_on, 'YYYY-MM-DD') as occurs_on from activities
        where org_id = ${orgId} and owner_id in (${team}) and status = 'done'
          and type = 'first_meeting' and occurs_on between ${lookBack.from} and ${lookBack.to}`,
      ),
    ]),
  );
  return {
    repCount: Number(reps?.count ?? 0),
    opportunities: opportunities.map(toRepOpportunity),
    firstMeetingsHeldOn: meetings.map((r) => r.occurs_on),
  };
}
