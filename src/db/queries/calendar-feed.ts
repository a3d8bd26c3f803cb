import { and, asc, eq, gte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import {
  actionSteps,
  activities,
  activityTypes,
  accounts,
  calendarFeeds,
  checkIns,
  keyAccountPlanReviews,
  keyAccountPlans,
  opportunities,
  repPlans,
  users,
} from '../schema';
import { forgetTokens, organisationOfToken, registerToken } from './directory';

// A user's calendar feed: its hashed secret (the token directory names its organisation before
// one is known, as for sessions and API tokens) and the records it shows.

export async function getCalendarFeed(db: Executor, orgId: string, userId: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.userId, userId)));
  return row;
}

/** The feed whose secret hashes to `tokenHash`, with its organisation's time zone. */
export async function findCalendarFeedByHash(db: Executor, tokenHash: string) {
  const orgId = await organisationOfToken(db, tokenHash);
  if (!orgId) return undefined;
  const [row] = await db
    .select({ feed: calendarFeeds, userName: users.name })
    .from(calendarFeeds)
    .innerJoin(users, and(eq(users.orgId, calendarFeeds.orgId), eq(users.id, calendarFeeds.userId)))
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.tokenHash, tokenHash)));
  return row;
}

/** Removes the user's feed and its directory entry; answers whether there was one. */
export async function deleteCalendarFeed(db: Executor, orgId: string, userId: string) {
  const [deleted] = await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.userId, userId)))
    .returning();
  if (deleted) await forgetTokens(db, [deleted.tokenHash]);
  return deleted !== undefined;
}

export async function insertCalendarFeed(
  db: Executor,
  row: { orgId: string; userId: string; tokenHash: string },
) {
  await registerToken(db, row.orgId, row.tokenHash);
  const [inserted] = await db.insert(calendarFeeds).values(row).returning();
  if (!inserted) throw new Error('insert into calendar_feeds returned nothing');
  return inserted;
}

/** The user's open action steps due on or after `from`, with their deal. */
export async function listFeedActionSteps(
  db: Executor,
  orgId: string,
  userId: string,
  from: string,
) {
  return db
    .select({
      id: actionSteps.id,
      dueOn: actionSteps.dueOn,
      what: actionSteps.what,
      opportunityId: actionSteps.opportunityId,
      opportunityName: opportunities.name,
      updatedAt: actionSteps.updatedAt,
    })
    .from(actionSteps)
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.orgId, actionSteps.orgId),
        eq(opportunities.id, actionSteps.opportunityId),
      ),
    )
    .where(
      and(
        eq(actionSteps.orgId, orgId),
        eq(actionSteps.ownerId, userId),
        eq(actionSteps.status, 'open'),
        gte(actionSteps.dueOn, from),
      ),
    )
    .orderBy(asc(actionSteps.dueOn), asc(actionSteps.id));
}

/** The user's planned activities on or after `from`. */
export async function listFeedActivities(
  db: Executor,
  orgId: string,
  userId: string,
  from: string,
) {
  return db
    .select({
      id: activities.id,
      occursOn: activities.occursOn,
      typeLabel: activityTypes.label,
      subject: activities.subject,
      accountName: accounts.name,
      opportunityName: opportunities.name,
      updatedAt: activities.updatedAt,
    })
    .from(activities)
    .innerJoin(
      activityTypes,
      and(eq(activityTypes.orgId, activities.orgId), eq(activityTypes.key, activities.type)),
    )
    .innerJoin(
      accounts,
      and(eq(accounts.orgId, activities.orgId), eq(accounts.id, activities.accountId)),
    )
    .leftJoin(
      opportunities,
      and(
        eq(opportunities.orgId, activities.orgId),
        eq(opportunities.id, activities.opportunityId),
      ),
    )
    .where(
      and(
        eq(activities.orgId, orgId),
        eq(activities.ownerId, userId),
        eq(activities.status, 'planned'),
        gte(activities.occursOn, from),
      ),
    )
    .orderBy(asc(activities.occursOn), asc(activities.id));
}

/** The check-ins due on or after `from` of the rep plans the user holds (rep) or agrees (manager). */
export async function listFeedCheckIns(db: Executor, orgId: string, userId: string, from: string) {
  return db
    .select({
      id: checkIns.id,
      dueOn: checkIns.dueOn,
      periodStart: checkIns.periodStart,
      periodEnd: checkIns.periodEnd,
      repId: repPlans.repId,
      repName: users.name,
      createdAt: checkIns.createdAt,
    })
    .from(checkIns)
    .innerJoin(
      repPlans,
      and(eq(repPlans.orgId, checkIns.orgId), eq(repPlans.id, checkIns.repPlanId)),
    )
    .innerJoin(users, and(eq(users.orgId, repPlans.orgId), eq(users.id, repPlans.repId)))
    .where(
      and(
        eq(checkIns.orgId, orgId),
        eq(checkIns.status, 'due'),
        gte(checkIns.dueOn, from),
        or(eq(repPlans.repId, userId), eq(repPlans.managerId, userId)),
      ),
    )
    .orderBy(asc(checkIns.dueOn), asc(checkIns.id));
}

const planOwners = alias(users, 'plan_owners');

/**
 * The key-account plans of the fiscal year the user owns or, as the owner's manager,
 * acknowledges, with their last review's day (null before the first).
 */
export async function listFeedKeyAccountPlans(
  db: Executor,
  orgId: string,
  userId: string,
  fiscalYear: number,
) {
  return db
    .select({
      id: keyAccountPlans.id,
      accountId: keyAccountPlans.accountId,
      accountName: accounts.name,
      ownerId: keyAccountPlans.ownerId,
      ownerName: planOwners.name,
      cadence: keyAccountPlans.cadence,
      createdAt: keyAccountPlans.createdAt,
      updatedAt: keyAccountPlans.updatedAt,
      lastReviewOn: sql<string | null>`(select max(${keyAccountPlanReviews.heldOn})::text
        from ${keyAccountPlanReviews}
        where ${keyAccountPlanReviews.orgId} = ${keyAccountPlans.orgId}
          and ${keyAccountPlanReviews.keyAccountPlanId} = ${keyAccountPlans.id})`,
    })
    .from(keyAccountPlans)
    .innerJoin(
      accounts,
      and(eq(accounts.orgId, keyAccountPlans.orgId), eq(accounts.id, keyAccountPlans.accountId)),
    )
    .innerJoin(
      planOwners,
      and(eq(planOwners.orgId, keyAccountPlans.orgId), eq(planOwners.id, keyAccountPlans.ownerId)),
    )
    .where(
      and(
        eq(keyAccountPlans.orgId, orgId),
        eq(keyAccountPlans.fiscalYear, fiscalYear),
        or(eq(keyAccountPlans.ownerId, userId), eq(planOwners.managerId, userId)),
      ),
    )
    .orderBy(asc(accounts.name), asc(keyAccountPlans.id));
}
