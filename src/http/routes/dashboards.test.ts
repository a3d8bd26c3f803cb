import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionSteps, checkIns, dealPlans, opportunities, stages } from '../../db/schema';
import { monthPlanToDay } from '../../domain/activity-plan';
import { addDays } from '../../domain/calendar';
import { formatDay } from '../../domain/day-format';
import { eq } from 'drizzle-orm';
import { RepDashboard, TeamDashboard } from '../../schemas/dashboards';
import { testEngines } from '../../test-setup/test-database';
import {
  agreedPlanOf,
  daysAgo,
  startRepPlanWorld,
  today,
  year,
  type RepPlanWorld,
} from './rep-plan-test-world';

// The dashboards over a real server: who may read whose, the answers validate against the shared
// schemas, and the figures agree with the rep plan they are measured against.

const plannedOf = (rows: { activityType: string; planned: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.planned > 0).map((r) => [r.activityType, r.planned]));
const nonZero = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe.each(testEngines())('dashboards API on %s', (engine) => {
  let world: RepPlanWorld;
  let planId: string;

  beforeAll(async () => {
    world = await startRepPlanWorld(engine);
    planId = await agreedPlanOf(world);
    // rep3 (manager2's team) has an open deal that must never reach manager1's figures.
    const db = world.server.database.db;
    const orgId = world.server.orgIds.acme;
    const [open] = await db.select().from(stages).where(eq(stages.orgId, orgId));
    await db.insert(opportunities).values({
      orgId,
      name: 'rep3 deal',
      ownerId: world.server.ids.rep3 ?? '',
      amountMinor: 99_000_00,
      currency: 'EUR',
      stageId: open?.id ?? '',
      createdOn: daysAgo(5),
      expectedCloseOn: `${year}-12-31`,
    });
  }, 120_000);
  afterAll(() => world.server.close());

  it("gives a rep their own dashboard, measured against their agreed plan's funnel and activity plan", async () => {
    const { rep1 } = world;
    const dashboard = await rep1.request('GET', '/api/dashboards/rep');
    expect(dashboard.status).toBe(200);
    const body = RepDashboard.parse(dashboard.body);
    const plan = (await rep1.request('GET', `/api/rep-plans/${planId}`)).body;
    expect(body.rep).toEqual({ id: world.server.ids.rep1, name: 'rep1' });
    expect(body.today).toBe(today);
    expect(body.plan).toEqual({
      id: planId,
      state: 'agreed',
      repSigned: true,
      managerSigned: true,
    });
    expect(body.funnelPace.neededPerWeek).toBe(plan.weekly.firstMeetings);
    expect(plannedOf(body.activity.week.rows)).toEqual(nonZero(plan.weekly.activities));
    const month = plan.activityPlan.monthly.find(
      (m: { month: string }) => m.month === today.slice(0, 7),
    );
    // This month to today: the month's plan spread over its working days, like the done count.
    expect(plannedOf(body.activity.month.rows)).toEqual(
      nonZero(monthPlanToDay(month.counts, today.slice(0, 7), today)),
    );
    // 3 won deals 20 days ago (60,000.00 EUR in all) against a flat target of 2,000,000.00.
    expect(body.attainment.targetYear).toBe(2_000_000_00);
    expect(body.attainment.wonToDate).toBe(
      today.slice(0, 4) === daysAgo(20).slice(0, 4) ? 60_000_00 : 0,
    );
    expect(body.attainment.months).toHaveLength(12);
    expect(body.attainment.months.reduce((s, m) => s + m.target, 0)).toBe(2_000_000_00);
    // The first meetings were held weekly: the ones this fiscal year are counted to date.
    const heldThisYear = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter(
      (weeks) => daysAgo(weeks * 7).slice(0, 4) === today.slice(0, 4),
    ).length;
    expect(body.funnelPace.toDate.done).toBe(heldThisYear);
    // Needed coverage is 1 / the plan's closing ratio (3 won, 2 lost).
    expect(body.pipeline.neededCoverage).toBeCloseTo(5 / 3);
  });

  it('lets a rep see only themself, a manager their team, a leader anyone', async () => {
    const { server, rep1, manager1, leader } = world;
    const { ids } = server;
    const asRep = (id: string | undefined) => `/api/dashboards/rep?repId=${id ?? ''}`;
    expect((await rep1.request('GET', asRep(ids.rep1))).status).toBe(200);
    expect((await rep1.request('GET', asRep(ids.rep2))).status).toBe(404);
    expect((await rep1.request('GET', asRep(ids.rep3))).status).toBe(404);
    expect((await manager1.request('GET', asRep(ids.rep2))).status).toBe(200);
    expect((await manager1.request('GET', asRep(ids.rep3))).status).toBe(404);
    const rep3 = await leader.request('GET', asRep(ids.rep3));
    expect(rep3.status).toBe(200);
    expect(RepDashboard.parse(rep3.body).pipeline).toMatchObject({
      openCount: 1,
      openValue: 99_000_00,
    });
    const other = await server.as('rep9@other.test');
    expect((await other.request('GET', asRep(ids.rep1))).status).toBe(404);
  });

  it('refuses a repId or managerId that is no id with 400 and the field', async () => {
    const { rep1, leader } = world;
    const bad = await rep1.request('GET', '/api/dashboards/rep?repId=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('query.repId');
    const badTeam = await leader.request('GET', '/api/dashboards/team?managerId=nope');
    expect(badTeam.status).toBe(400);
    expect(badTeam.body.error.issues[0].field).toBe('query.managerId');
    const noManager = await leader.request('GET', '/api/dashboards/team');
    expect(noManager.status).toBe(422);
    expect(noManager.body.error.issues[0].field).toBe('managerId');
  });

  it("gives a manager their own team only, and never another team's rows", async () => {
    const { server, manager1, rep1, leader } = world;
    const { ids } = server;
    const own = await manager1.request('GET', '/api/dashboards/team');
    expect(own.status).toBe(200);
    const team = TeamDashboard.parse(own.body);
    expect(team.manager).toEqual({ id: ids.manager1, name: 'manager1' });
    // The fiscal year (January here) to date: the outliers' and win rates' period.
    expect(team.period).toEqual({ from: `${team.fiscalYear}-01-01`, to: today });
    expect(team.reps.map((r) => r.rep.name)).toEqual(['rep1', 'rep2']);
    // rep3's 99,000.00 open deal is manager2's team's.
    expect(team.totals.openValue).toBe(team.reps.reduce((s, r) => s + r.openValue, 0));
    expect(team.totals.openValue).not.toBeGreaterThanOrEqual(99_000_00);
    expect(team.plans).toEqual({
      missing: [{ id: ids.rep2, name: 'rep2' }],
      unsigned: [],
      awaitingManager: [],
    });
    expect(
      (await manager1.request('GET', `/api/dashboards/team?managerId=${ids.manager2}`)).status,
    ).toBe(404);
    expect((await rep1.request('GET', '/api/dashboards/team')).status).toBe(404);
    expect(
      (await rep1.request('GET', `/api/dashboards/team?managerId=${ids.manager1}`)).status,
    ).toBe(404);
    expect((await leader.request('GET', `/api/dashboards/team?managerId=${ids.rep1}`)).status).toBe(
      404,
    );
    const other = await leader.request('GET', `/api/dashboards/team?managerId=${ids.manager2}`);
    expect(other.status).toBe(200);
    const second = TeamDashboard.parse(other.body);
    expect(second.reps.map((r) => r.rep.name)).toEqual(['rep3']);
    expect(second.totals).toMatchObject({ openCount: 1, openValue: 99_000_00 });
  });

  it("lists the rep's steps, plan errors and check-ins as the deal plan and the team see them", async () => {
    const { server, rep1, manager1 } = world;
    const db = server.database.db;
    const orgId = server.orgIds.acme;
    const repId = server.ids.rep1 ?? '';
    const [open] = await db.select().from(stages).where(eq(stages.orgId, orgId));
    const [deal] = await db
      .insert(opportunities)
      .values({
        orgId,
        name: 'Planned deal',
        ownerId: repId,
        amountMinor: 40_000_00,
        currency: 'EUR',
        stageId: open?.id ?? '',
        createdOn: daysAgo(10),
        expectedCloseOn: addDays(today, 25),
      })
      .returning();
    const opportunityId = deal?.id ?? '';
    await db.insert(dealPlans).values({ orgId, opportunityId });
    await db.insert(actionSteps).values([
      {
        orgId,
        opportunityId,
        position: 1,
        what: 'Call the buyer',
        ownerId: repId,
        dueOn: daysAgo(3),
      },
      {
        orgId,
        opportunityId,
        position: 2,
        what: 'Send the proposal',
        ownerId: repId,
        dueOn: today,
      },
      {
        orgId,
        opportunityId,
        position: 3,
        what: 'Done already',
        ownerId: repId,
        dueOn: daysAgo(4),
        status: 'done',
      },
    ]);
    const [checkIn] = await db
      .insert(checkIns)
      .values({
        orgId,
        repPlanId: planId,
        periodStart: daysAgo(40),
        periodEnd: daysAgo(10),
        dueOn: daysAgo(2),
      })
      .returning();
    const body = RepDashboard.parse((await rep1.request('GET', '/api/dashboards/rep')).body);
    expect(body.steps.overdue).toEqual({
      total: 1,
      items: [
        {
          id: expect.any(String),
          opportunityId,
          opportunityName: 'Planned deal',
          description: 'Call the buyer',
          dueOn: daysAgo(3),
        },
      ],
    });
    expect(body.steps.dueThisWeek.items.map((step) => step.description)).toEqual([
      'Send the proposal',
    ]);
    expect(body.nextCheckIn).toEqual({
      id: checkIn?.id,
      repPlanId: planId,
      dueOn: daysAgo(2),
      periodStart: daysAgo(40),
      periodEnd: daysAgo(10),
      isOverdue: true,
    });
    const health = await rep1.request('GET', `/api/deal-plans/health?ids=${opportunityId}`);
    const errors = health.body.items[0].error as number;
    expect(errors).toBeGreaterThan(0);
    expect(body.planErrors).toEqual({
      total: 1,
      items: [
        {
          id: opportunityId,
          name: 'Planned deal',
          accountName: null,
          amount: 40_000_00,
          expectedCloseOn: addDays(today, 25),
          reason: `${errors} ${errors === 1 ? 'error' : 'errors'} in its plan`,
        },
      ],
    });
    const team = TeamDashboard.parse((await manager1.request('GET', '/api/dashboards/team')).body);
    expect(team.checkInsOverdue.map((c) => [c.id, c.rep.name])).toEqual([[checkIn?.id, 'rep1']]);
    expect(team.reps.find((r) => r.rep.name === 'rep1')?.checkInsOverdue).toBe(1);
    expect(team.totals.checkInsOverdue).toBe(1);
  });
  it('says why a deal is on a list in words: the date as a day, money in whole units', async () => {
    const { server, rep1 } = world;
    const db = server.database.db;
    const orgId = server.orgIds.acme;
    const [open] = await db.select().from(stages).where(eq(stages.orgId, orgId));
    const [deal] = await db
      .insert(opportunities)
      .values({
        orgId,
        name: 'Overdue big deal',
        ownerId: server.ids.rep1 ?? '',
        amountMinor: 5_000_000_50,
        currency: 'EUR',
        stageId: open?.id ?? '',
        createdOn: daysAgo(60),
        expectedCloseOn: daysAgo(3),
      })
      .returning();
    const body = RepDashboard.parse((await rep1.request('GET', '/api/dashboards/rep')).body);
    const reasonOf = (list: { items: { id: string; reason: string }[] }) =>
      list.items.find((item) => item.id === deal?.id)?.reason;
    expect(reasonOf(body.stale)).toBe(`past its expected close of ${formatDay(daysAgo(3), 'en')}`);
    // €5,000,000.50 is shown as €5,000,001; the average won deal without cents either.
    expect(reasonOf(body.needsPlan)).toMatch(
      /^no deal plan; worth €5,000,001, at least the average won deal of €[\d,]+$/,
    );
  });
});
