import ical from 'ical-generator';
import type { Database, Executor } from '../db/client';
import {
  deleteCalendarFeed,
  findCalendarFeedByHash,
  getCalendarFeed,
  insertCalendarFeed,
  listFeedActionSteps,
  listFeedActivities,
  listFeedCheckIns,
  listFeedKeyAccountPlans,
} from '../db/queries/calendar-feed';
import { getOrganisation } from '../db/queries/organisations';
import { addDays, fiscalYearOf } from '../domain/calendar';
import { calendarEventOf, type FeedItem, feedStartsOn } from '../domain/calendar-feed';
import { NotFoundError } from '../domain/errors';
import { nextReviewDue } from '../domain/key-accounts-plan';
import type { CalendarFeedStatus } from '../schemas/calendar-feed';
import { hashToken, newToken } from './auth';
import type { Actor } from './authorization';
import { todayIn } from './clock';

// Calendar feeds (issue #14). The URL's secret is 32 random bytes, stored as its SHA-256 like an
// API token; replacing the URL makes a new secret, so the old URL stops at once.

export async function getCalendarFeedStatus(
  db: Executor,
  actor: Actor,
): Promise<CalendarFeedStatus> {
  const feed = await getCalendarFeed(db, actor.orgId, actor.userId);
  return { createdAt: feed ? feed.createdAt.toISOString() : null };
}

/** Creates the caller's feed, or replaces it; answers the new secret (shown once). */
export async function replaceCalendarFeed(db: Database, actor: Actor): Promise<string> {
  const token = newToken('cal_');
  await db.transaction(async (tx) => {
    await deleteCalendarFeed(tx, actor.orgId, actor.userId);
    await insertCalendarFeed(tx, {
      orgId: actor.orgId,
      userId: actor.userId,
      tokenHash: hashToken(token),
    });
  });
  return token;
}

export async function revokeCalendarFeed(db: Database, actor: Actor): Promise<void> {
  const hadOne = await db.transaction((tx) => deleteCalendarFeed(tx, actor.orgId, actor.userId));
  if (!hadOne) throw new NotFoundError('CalendarFeed', actor.userId);
}

async function feedItems(
  db: Executor,
  organisation: { id: string; fiscalYearStartMonth: number },
  userId: string,
  today: string,
) {
  const orgId = organisation.id;
  const from = feedStartsOn(today);
  // One after another: PGlite runs one query at a time anyway.
  const steps = await listFeedActionSteps(db, orgId, userId, from);
  const planned = await listFeedActivities(db, orgId, userId, from);
  const checkIns = await listFeedCheckIns(db, orgId, userId, from);
  const keyAccountPlans = await listFeedKeyAccountPlans(
    db,
    orgId,
    userId,
    fiscalYearOf(today, organisation.fiscalYearStartMonth),
  );
  const items: FeedItem[] = [
    ...steps.flatMap((step) =>
      step.dueOn === null
        ? []
        : [
            {
              kind: 'action-step' as const,
              ...step,
              dueOn: step.dueOn,
              changedAt: step.updatedAt.toISOString(),
            },
          ],
    ),
    ...planned.map((activity) => ({
      kind: 'activity' as const,
      ...activity,
      changedAt: activity.updatedAt.toISOString(),
    })),
    ...checkIns.map((checkIn) => ({
      kind: 'check-in' as const,
      ...checkIn,
      isOwnPlan: checkIn.repId === userId,
      changedAt: checkIn.createdAt.toISOString(),
    })),
    ...keyAccountPlans.flatMap((plan) => {
      // The next review only: once it is held, the same event moves to the one after.
      const dueOn = nextReviewDue(
        plan.cadence,
        plan.lastReviewOn,
        plan.createdAt.toISOString().slice(0, 10),
      );
      return dueOn < from
        ? []
        : [
            {
              kind: 'key-account-review' as const,
              id: plan.id,
              dueOn,
              accountId: plan.accountId,
              accountName: plan.accountName,
              ownerName: plan.ownerName,
              isOwnPlan: plan.ownerId === userId,
              changedAt: plan.updatedAt.toISOString(),
            },
          ];
    }),
  ];
  return items;
}

/**
 * The feed behind a secret as iCalendar text: all-day events on their days in the
 * organisation's time zone, each linking to its page under `origin`. An unknown or revoked
 * secret is not found.
 */
export async function calendarFeedIcs(
  db: Executor,
  token: string,
  options: { origin: string; now: Date },
): Promise<string> {
  const found = await findCalendarFeedByHash(db, hashToken(token));
  const organisation = found && (await getOrganisation(db, found.feed.orgId));
  if (!found || !organisation) throw new NotFoundError('CalendarFeed', 'this address');
  const today = todayIn(organisation.timeZone, options.now);
  const items = await feedItems(db, organisation, found.feed.userId, today);
  const calendar = ical({
    name: `Salesplan: ${found.userName} (${organisation.name})`,
    prodId: { company: 'Salesplan', product: 'Salesplan', language: 'EN' },
    // Calendar apps poll a feed; this asks for every hour at most.
    ttl: 60 * 60,
  });
  // The days are the organisation's; X-WR-TIMEZONE tells Google and Apple which zone that is.
  calendar.x([{ key: 'X-WR-TIMEZONE', value: organisation.timeZone }]);
  for (const event of items.map(calendarEventOf)) {
    calendar.createEvent({
      id: event.uid,
      allDay: true,
      start: event.day,
      end: addDays(event.day, 1),
      summary: event.summary,
      description: event.description,
      url: `${options.origin}${event.path}`,
      stamp: options.now,
      lastModified: new Date(event.changedAt),
    });
  }
  return calendar.toString();
}
