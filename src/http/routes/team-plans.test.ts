import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar';
import { formatDayRange } from '../../domain/day-format';
import { todayIso } from '../../services/clock';

import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

describe.each(testEngines())('team plans and planning calendar API on %s', (engine) => {
  let server: TestServer;
  let manager1: Client;
  let rep1: Client;
  let planId: string;
  const today = todayIso();
  const year = Number(today.slice(0, 4));

  const calls = { counts: 'activities', activityType: 'call' };
  const content = (first: Record<string, unknown> = {}) => ({
    answers: {
      whoIsOurCustomer: 'Mid-size logistics firms',
      whatDoesTheCustomerValue: 'Uptime',
      whatIsOurMission: 'Keep fleets moving',
      whatIsOurPlan: 'Win segment A',
      whatAreOurDesiredResults: '+20% revenue',
    },
    objectives: [
      {
        title: 'Grow segment A by 20%',
        goals: [
          {
            area: 'sales',
            title: 'More first meetings',
            activities: [
              {
                title: 'Rep1 calls',
                ownerId: server.ids.rep1,
                startsOn: addDays(today, -30),
                endsOn: addDays(today, 30),
                metric: 'calls done',
                metricDefinition: { ...calls, memberId: server.ids.rep1 },
                targetValue: 10,
                ...first,
              },
              { title: 'Team calls', metricDefinition: calls, targetValue: null },
              {
                title: 'Trade show',
                metric: 'booth visitors',
                metricDefinition: { counts: 'entered' },
                targetValue: 400,
                enteredActual: 100,
              },
              { title: 'Brochure', metric: 'printed' },
            ],
          },
        ],
      },
    ],
  });

  beforeAll(async () => {
    server = await startTestServer(engine);
    manager1 = await server.as('manager1@acme.test');
    rep1 = await server.as('rep1@acme.test');
    const accountId = (await rep1.request('POST', '/api/accounts', { name: 'Alpha' })).body.id;
    for (const days of [1, 2, 3]) {
      await rep1.request('POST', '/api/activities', {
        type: 'call',
        status: 'done',
        occursOn: addDays(today, -days),
        accountId,
      });
    }
    await manager1.request('POST', '/api/activities', {
      type: 'call',
      status: 'done',
      occursOn: today,
      accountId,
    });
  });
  afterAll(() => server.close());

  it('lets a manager start their team plan, not a rep', async () => {
    expect((await rep1.request('POST', '/api/team-plans', { year })).status).toBe(422);
    const created = await manager1.request('POST', '/api/team-plans', { year });
    expect(created.status).toBe(201);
    planId = created.body.id;
    expect(created.body).toMatchObject({
      version: 1,
      objectives: [],
      manager: { name: 'manager1' },
    });
    expect((await manager1.request('POST', '/api/team-plans', { year })).status).toBe(409);
  });

  it('saves the five answers and the tree, with progress counted from the activities', async () => {
    const saved = await manager1.request('PUT', `/api/team-plans/${planId}`, content(), {
      'if-match': '"1"',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.answers.whatIsOurPlan).toBe('Win segment A');
    const [mine, team, show, brochure] = saved.body.objectives[0].goals[0].activities;
    const counted = { isEntered: false, unconverted: [] };
    expect(mine.progress).toEqual({ actual: 3, ratio: 0.3, ...counted });
    // The owner alone is not the metric's: without a member the team's four calls count.
    expect(team.progress).toEqual({ actual: 4, ratio: null, ...counted });
    expect(show.progress).toEqual({ actual: 100, ratio: 0.25, isEntered: true, unconverted: [] });
    expect(brochure).toMatchObject({ metricDefinition: null, progress: null });
    const timeline = (from: string, to: string) => formatDayRange(from, to, 'en');
    expect(mine.metricDescription).toBe(
      `Calls done, rep1, ${timeline(addDays(today, -30), addDays(today, 30))}`,
    );
    expect(team.metricDescription).toBe(
      `Calls done, team, ${timeline(`${year}-01-01`, `${year}-12-31`)}`,
    );
    expect(show.metricDescription).toBe(
      `Entered by hand (not counted from the data), ${timeline(`${year}-01-01`, `${year}-12-31`)}`,
    );
  });

  it('rejects stale versions and bad input with nothing written', async () => {
    const before = await manager1.request('GET', `/api/team-plans/${planId}`);
    const stale = await manager1.request(
      'PUT',
      `/api/team-plans/${planId}`,
      { ...content(), objectives: [] },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    const badSource = content({ metricDefinition: { counts: 'vibes' } });
    expect(
      (await manager1.request('PUT', `/api/team-plans/${planId}`, badSource, { 'if-match': '"2"' }))
        .status,
    ).toBe(400);
    const badOwner = content({ ownerId: server.ids.rep9 });
    const unknown = await manager1.request('PUT', `/api/team-plans/${planId}`, badOwner, {
      'if-match': '"2"',
    });
    expect(unknown.status).toBe(422);
    // rep3 works for manager2: not an owner manager1's plan may name.
    const otherTeam = await manager1.request(
      'PUT',
      `/api/team-plans/${planId}`,
      content({ ownerId: server.ids.rep3 }),
      { 'if-match': '"2"' },
    );
    expect(otherTeam.status).toBe(422);
    expect(JSON.stringify(otherTeam.body)).toContain('is not the manager or on the team');
    const noType = await manager1.request(
      'PUT',
      `/api/team-plans/${planId}`,
      content({ metricDefinition: { counts: 'activities' } }),
      { 'if-match': '"2"' },
    );
    expect(noType.status).toBe(400);
    const badFilters = await manager1.request(
      'PUT',
      `/api/team-plans/${planId}`,
      content({
        metricDefinition: {
          ...calls,
          activityType: 'carrier_pigeon',
          memberId: server.ids.rep3,
          segmentId: server.ids.rep1,
        },
      }),
      { 'if-match': '"2"' },
    );
    expect(badFilters.status).toBe(422);
    expect(badFilters.body.error.issues).toEqual([
      {
        field: 'objectives[0].goals[0].activities[0].metricDefinition.memberId',
        reason: 'is not the manager or on the team',
      },
      {
        field: 'objectives[0].goals[0].activities[0].metricDefinition.activityType',
        reason: 'is not one of the organisation’s activity types',
      },
      {
        field: 'objectives[0].goals[0].activities[0].metricDefinition.segmentId',
        reason: 'no such segment',
      },
    ]);
    expect((await manager1.request('GET', `/api/team-plans/${planId}`)).body).toEqual(before.body);
  });

  it('counts won revenue and new deals of the team, not of another team', async () => {
    const stages = (await rep1.request('GET', '/api/reference')).body.stages as {
      id: string;
      kind: string;
    }[];
    const won = stages.find((stage) => stage.kind === 'won')?.id;
    const open = stages.find((stage) => stage.kind === 'open')?.id;
    const rep3 = await server.as('rep3@acme.test');
    // A USD rate since 2000 (carried forward to today); none for CHF.
    const admin = await server.as('admin@acme.test');
    await admin.request('PUT', '/api/exchange-rates/USD/2000-01', { rate: '0.9' });
    for (const [client, stageId, amountMinor, currency] of [
      [rep1, won, 150_000, 'EUR'],
      [rep1, open, 70_000, 'EUR'],
      [rep3, won, 999_000, 'EUR'],
      [rep1, won, 100_000, 'USD'],
      [rep1, won, 55_000, 'CHF'],
    ] as const) {
      const accountId = (await client.request('POST', '/api/accounts', { name: 'Beta' })).body.id;
      const created = await client.request('POST', '/api/opportunities', {
        name: 'Deal',
        accountId,
        stageId,
        amountMinor,
        currency,
      });
      expect(created.status).toBe(201);
    }
    const current = await manager1.request('GET', `/api/team-plans/${planId}`);
    const body = content();
    const [objective] = body.objectives;
    const activities = [
      { title: 'Revenue', metricDefinition: { counts: 'won_revenue' }, targetValue: 300_000 },
      {
        title: 'New deals',
        metricDefinition: { counts: 'opportunities_created' },
        targetValue: 4,
      },
      { title: 'Deals won', metricDefinition: { counts: 'opportunities_won' }, targetValue: 4 },
    ];
    body.objectives = [
      { ...objective, goals: [{ ...objective?.goals[0], activities }] },
    ] as typeof body.objectives;
    const saved = await manager1.request('PUT', `/api/team-plans/${planId}`, body, {
      'if-match': `"${current.body.version}"`,
    });
    expect(saved.status).toBe(200);
    const [revenue, deals, wins] = saved.body.objectives[0].goals[0].activities;
    // €1,500 + $1,000 × 0.9 = €2,400; the CHF deal has no rate: left out and counted.
    expect(revenue.progress).toEqual({
      actual: 240_000,
      ratio: 0.8,
      isEntered: false,
      unconverted: [{ currency: 'CHF', count: 1, amountMinor: 55_000 }],
    });
    expect(deals.progress).toEqual({ actual: 4, ratio: 1, isEntered: false, unconverted: [] });
    // Three of rep1's four deals are won (EUR, USD, CHF: a count needs no rate).
    expect(wins.progress).toEqual({ actual: 3, ratio: 0.75, isEntered: false, unconverted: [] });
  });

  it('shows the plan to the leader read-only and hides it from another team', async () => {
    const leader = await server.as('leader@acme.test');
    expect((await leader.request('GET', `/api/team-plans/${planId}`)).status).toBe(200);
    expect(
      (await leader.request('PUT', `/api/team-plans/${planId}`, content(), { 'if-match': '"2"' }))
        .status,
    ).toBe(403);
    const manager2 = await server.as('manager2@acme.test');
    expect((await manager2.request('GET', `/api/team-plans/${planId}`)).status).toBe(404);
    expect((await manager2.request('GET', `/api/team-plans?year=${year}`)).body.total).toBe(0);
  });

  it('opens next year’s planning three months ahead, with quarterly inspections', async () => {
    const calendar = await manager1.request('GET', `/api/planning-calendar?year=${year + 1}`);
    expect(calendar.status).toBe(200);
    expect(calendar.body).toMatchObject({
      year: year + 1,
      fiscalYearStart: `${year + 1}-01`,
      planningOpensOn: `${year}-10-01`,
      isPlanningOpen: today >= `${year}-10-01`,
    });
    expect(calendar.body.tasks.map((t: { kind: string }) => t.kind)).toEqual([
      'rep_plan',
      'team_plan',
      'inspection',
      'inspection',
      'inspection',
      'inspection',
    ]);
    expect(calendar.body.tasks[5]).toMatchObject({ dueOn: `${year + 1}-12-31` });
    const repCalendar = await rep1.request('GET', `/api/planning-calendar?year=${year}`);
    expect(repCalendar.body.tasks[0]).toMatchObject({ kind: 'rep_plan', isDone: false });
  });
});
