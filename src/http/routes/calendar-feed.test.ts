import { and, eq, gte } from 'drizzle-orm';
import nodeIcal from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIns, keyAccountPlans, organisations } from '../../db/schema';
import { addDays, addMonths } from '../../domain/calendar';
import { feedStartsOn } from '../../domain/calendar-feed';
import { testEngines } from '../../test-setup/test-database';
import { agreedPlanOf, startRepPlanWorld, today, type RepPlanWorld } from './rep-plan-test-world';

// The calendar feed over a real server (issue #14), read back with an independent parser
// (node-ical): what a rep and their manager see, stable UIDs, replacing and revoking the URL.

type Feed = { status: number; type: string | null; text: string };

async function fetchFeed(url: string): Promise<Feed> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** The feed's events by UID: their day (all-day, as a calendar app reads it) and summary. */
function eventsOf(text: string) {
  const parsed = nodeIcal.sync.parseICS(text);
  const day = (date: Date) =>
    [date.getFullYear(), date.getMonth() + 1, date.getDate()]
      .map((part) => String(part).padStart(2, '0'))
      .join('-');
  return Object.fromEntries(
    Object.values(parsed)
      .filter((component) => component?.type === 'VEVENT')
      .map((event) => {
        const start = event.start as Date & { dateOnly?: boolean };
        return [
          event.uid,
          { day: day(start), isAllDay: start.dateOnly === true, summary: event.summary },
        ];
      }),
  );
}

describe.each(testEngines())('calendar feed on %s', (engine) => {
  let world: RepPlanWorld;
  let planId: string;
  let dealId: string;
  let stepId: string;
  let activityId: string;

  beforeAll(async () => {
    world = await startRepPlanWorld(engine);
    planId = await agreedPlanOf(world);
    const { rep1, accounts } = world;
    const stages = (await rep1.request('GET', '/api/reference')).body.stages;
    dealId = (
      await rep1.request('POST', '/api/opportunities', {
        name: 'Feed deal',
        accountId: accounts.A1,
        stageId: stages[0].id,
      })
    ).body.id;
    const path = `/api/opportunities/${dealId}/plan/steps`;
    const step = (version: number, body: unknown) =>
      rep1.request('POST', path, body, { 'if-match': `"${version}"` });
    const plan = await step(0, { what: 'Call the CFO, then; sign', dueOn: addDays(today, 3) });
    expect(plan.status).toBe(200);
    stepId = plan.body.steps[0].id;
    // Neither a step without a due date nor one done belongs in a calendar.
    await step(1, { what: 'Someday' });
    await step(2, { what: 'Done already', dueOn: today, status: 'done' });
    const planned = await rep1.request('POST', '/api/activities', {
      type: 'meeting',
      status: 'planned',
      occursOn: addDays(today, 5),
      accountId: accounts.A1,
      opportunityId: dealId,
      subject: 'Demo',
    });
    activityId = planned.body.id;
    await rep1.request('POST', '/api/activities', {
      type: 'call',
      status: 'done',
      occursOn: today,
      accountId: accounts.A1,
    });
  });
  afterAll(() => world.server.close());

  const dueCheckIns = async () => {
    const rows = await world.server.database.db
      .select({ id: checkIns.id, dueOn: checkIns.dueOn })
      .from(checkIns)
      .where(
        and(
          eq(checkIns.orgId, world.server.orgIds.acme),
          eq(checkIns.repPlanId, planId),
          eq(checkIns.status, 'due'),
          gte(checkIns.dueOn, feedStartsOn(today)),
        ),
      );
    expect(rows.length).toBeGreaterThan(0);
    return rows;
  };

  it('gives a rep their steps due, planned activities and check-ins, at a URL that needs no session', async () => {
    expect((await world.server.anonymous.request('POST', '/api/calendar-feed')).status).toBe(401);
    const created = await world.rep1.request('POST', '/api/calendar-feed');
    expect(created.status).toBe(200);
    expect(created.body.url).toMatch(
      new RegExp(`^${world.server.baseUrl}/api/calendar-feed/cal_[A-Za-z0-9_-]{43}$`),
    );
    const feed = await fetchFeed(created.body.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    const [organisation] = await world.server.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, world.server.orgIds.acme));
    expect(feed.text).toContain(`X-WR-TIMEZONE:${organisation?.timeZone}`);
    const checkInEvents = Object.fromEntries(
      (await dueCheckIns()).map((row) => [
        `check-in-${row.id}@salesplan`,
        { day: row.dueOn, isAllDay: true, summary: 'Rep plan check-in' },
      ]),
    );
    expect(eventsOf(feed.text)).toEqual({
      [`action-step-${stepId}@salesplan`]: {
        day: addDays(today, 3),
        isAllDay: true,
        summary: 'Action step: Call the CFO, then; sign',
      },
      [`activity-${activityId}@salesplan`]: {
        day: addDays(today, 5),
        isAllDay: true,
        summary: 'Meeting: Demo',
      },
      ...checkInEvents,
    });
    expect((await world.rep1.request('GET', '/api/calendar-feed')).body.createdAt).toEqual(
      expect.any(String),
    );
  });

  it("gives the manager their reps' check-ins, named", async () => {
    const { url } = (await world.manager1.request('POST', '/api/calendar-feed')).body;
    const events = eventsOf((await fetchFeed(url)).text);
    const ids = (await dueCheckIns()).map((row) => `check-in-${row.id}@salesplan`);
    expect(Object.keys(events).sort()).toEqual(ids.sort());
    expect(Object.values(events).map((event) => event.summary)).toContain(
      'Rep plan check-in: rep1',
    );
  });

  it('keeps an event its UID when the record changes, so the calendar replaces it', async () => {
    const { url } = (await world.rep1.request('POST', '/api/calendar-feed')).body;
    const plan = (await world.rep1.request('GET', `/api/opportunities/${dealId}/plan`)).body;
    const moved = await world.rep1.request(
      'PATCH',
      `/api/opportunities/${dealId}/plan/steps/${stepId}`,
      { dueOn: addDays(today, 10) },
      { 'if-match': `"${plan.version}"` },
    );
    expect(moved.status).toBe(200);
    const text = (await fetchFeed(url)).text;
    expect(eventsOf(text)[`action-step-${stepId}@salesplan`]?.day).toBe(addDays(today, 10));
    expect(text.split(`UID:action-step-${stepId}@salesplan`)).toHaveLength(2);
  });

  it("dates a key-account plan's next review for its owner and their manager, and moves it once held", async () => {
    const { rep1, manager1, leader } = world;
    const accountId = (
      await rep1.request('POST', '/api/accounts', { name: 'Globex', employees: 90_000 })
    ).body.id;
    await leader.request(
      'PUT',
      '/api/key-accounts/model',
      { cutPercent: 5, criteria: [{ name: 'Employees', source: 'employees', weight: 1 }] },
      { 'if-match': '0' },
    );
    expect(
      (await leader.request('POST', '/api/key-accounts/confirmation', { modelVersion: 1 })).status,
    ).toBe(200);
    const planUrl = `/api/key-accounts/${accountId}/plan`;
    const written = await rep1.request(
      'PUT',
      planUrl,
      { cadence: 'monthly', relationships: [], objectives: [], steps: [], benchmarks: [] },
      { 'if-match': '0' },
    );
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    const [plan] = await world.server.database.db
      .select({ id: keyAccountPlans.id })
      .from(keyAccountPlans)
      .where(eq(keyAccountPlans.accountId, accountId));
    const uid = `key-account-review-${plan?.id}@salesplan`;
    // Written 20 days ago: the first review is due a month after, the next a month after it is held.
    await world.server.database.db
      .update(keyAccountPlans)
      .set({ createdAt: new Date(`${addDays(today, -20)}T12:00:00Z`) })
      .where(eq(keyAccountPlans.accountId, accountId));
    const firstDue = (await rep1.request('GET', planUrl)).body.nextReviewDue;
    expect(firstDue).toBe(addMonths(addDays(today, -20), 1));
    const repFeed = (await rep1.request('POST', '/api/calendar-feed')).body.url;
    const managerFeed = (await manager1.request('POST', '/api/calendar-feed')).body.url;
    expect(eventsOf((await fetchFeed(repFeed)).text)[uid]).toEqual({
      day: firstDue,
      isAllDay: true,
      summary: 'Key-account review: Globex',
    });
    expect(eventsOf((await fetchFeed(managerFeed)).text)[uid]?.summary).toBe(
      'Key-account review: Globex (rep1)',
    );
    const reviewed = await rep1.request(
      'POST',
      `${planUrl}/reviews`,
      { heldOn: today },
      { 'if-match': `"${written.body.version}"` },
    );
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    const text = (await fetchFeed(repFeed)).text;
    expect(reviewed.body.nextReviewDue).toBe(addMonths(today, 1));
    expect(eventsOf(text)[uid]?.day).toBe(addMonths(today, 1));
    expect(text.split(`UID:${uid}`)).toHaveLength(2);
    // Another team's manager's feed has none of it.
    const manager2 = await world.server.as('manager2@acme.test');
    const otherFeed = (await manager2.request('POST', '/api/calendar-feed')).body.url;
    expect((await fetchFeed(otherFeed)).text).not.toContain('key-account-review');
  });

  it('stops the old URL when it is replaced, and every URL when revoked (404)', async () => {
    const first = (await world.rep1.request('POST', '/api/calendar-feed')).body.url;
    const second = (await world.rep1.request('POST', '/api/calendar-feed')).body.url;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await world.rep1.request('DELETE', '/api/calendar-feed')).status).toBe(204);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await world.rep1.request('DELETE', '/api/calendar-feed')).status).toBe(404);
    expect((await world.rep1.request('GET', '/api/calendar-feed')).body).toEqual({
      createdAt: null,
    });
    expect((await fetchFeed(`${world.server.baseUrl}/api/calendar-feed/nonsense`)).status).toBe(
      400,
    );
  });
});
