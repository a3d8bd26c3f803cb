import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../db/schema';
import { addDays } from '../../domain/calendar';
import { testEngines } from '../../test-setup/test-database';
import type { Client } from '../test-server';
import { type RepPlanWorld, startRepPlanWorld, today, year } from './rep-plan-test-world';

// A team plan in the open plan format, over a real server: out as a document with people by
// email, segments by code and products by external id, back in and out again the same; whoever
// may not write the plan is refused before the document is read; every problem by its path.

describe.each(testEngines())('the team-plan document on %s', (engine) => {
  let world: RepPlanWorld;
  let admin: Client;
  let rep2: Client;
  let manager2: Client;
  let planId: string;
  const url = () => `/api/team-plans/${planId}/document`;
  const plan = () => world.manager1.request('GET', `/api/team-plans/${planId}`);

  beforeAll(async () => {
    world = await startRepPlanWorld(engine);
    const { server, manager1, rep1, seg } = world;
    admin = await server.as('admin@acme.test');
    rep2 = await server.as('rep2@acme.test');
    manager2 = await server.as('manager2@acme.test');
    const [product] = await server.database.db
      .insert(products)
      .values({
        orgId: server.orgIds.acme,
        externalId: 'sku-7',
        name: 'Fleet sensors',
        currency: 'EUR',
      })
      .returning();
    planId = (await manager1.request('POST', '/api/team-plans', { year })).body.id;
    const saved = await manager1.request(
      'PUT',
      `/api/team-plans/${planId}`,
      {
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
                    title: 'Rep1 calls prospects in A',
                    ownerId: server.ids.rep1,
                    startsOn: addDays(today, -30),
                    endsOn: addDays(today, 30),
                    metric: 'calls done',
                    metricDefinition: {
                      counts: 'activities',
                      activityType: 'call',
                      memberId: server.ids.rep1,
                      segmentId: seg.A,
                      accountStatus: 'prospect',
                    },
                    targetValue: 10,
                  },
                  {
                    title: 'Sensors won',
                    metricDefinition: { counts: 'won_revenue', productId: product?.id },
                    targetValue: 50_000_00,
                  },
                ],
              },
              {
                area: 'marketing',
                title: 'Be seen at the fair',
                activities: [
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
      },
      { 'if-match': '"1"' },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Two of the three prospect calls in segment A fall inside the timeline.
    const alpha = world.accounts.A1;
    for (const days of [1, 2, 45])
      await rep1.request('POST', '/api/activities', {
        type: 'call',
        status: 'done',
        occursOn: addDays(today, -days),
        accountId: alpha,
      });
  }, 120_000);
  afterAll(() => world.server.close());

  it('goes out with people by email, segments by code, products by external id, and back in unchanged', async () => {
    const { manager1 } = world;
    const out = await manager1.request('GET', url());
    expect(out.status).toBe(200);
    const [calls, sensors] = out.body.objectives[0].goals[0].activities;
    expect(out.body).toMatchObject({
      format: 'salesplan-team-plan',
      formatVersion: 1,
      manager: { externalId: null, email: 'manager1@acme.test', name: 'manager1' },
      year,
      answers: { whatIsOurPlan: 'Win segment A' },
    });
    expect(calls).toEqual({
      title: 'Rep1 calls prospects in A',
      owner: { externalId: null, email: 'rep1@acme.test' },
      startsOn: addDays(today, -30),
      endsOn: addDays(today, 30),
      metric: 'calls done',
      metricDefinition: {
        counts: 'activities',
        activityType: 'call',
        member: { externalId: null, email: 'rep1@acme.test' },
        segment: { code: 'A', name: 'Segment A' },
        accountStatus: 'prospect',
        product: null,
      },
      targetValue: 10,
      enteredActual: null,
      progress: {
        description: expect.stringMatching(/^Calls done, rep1, /),
        actual: 2,
        ratio: 0.2,
        isEntered: false,
      },
    });
    expect(sensors.metricDefinition).toMatchObject({
      counts: 'won_revenue',
      member: null,
      product: { externalId: 'sku-7', name: 'Fleet sensors' },
    });
    expect(out.body.objectives[0].goals[1].activities).toMatchObject([
      { title: 'Trade show', enteredActual: 100, progress: { actual: 100, isEntered: true } },
      { title: 'Brochure', metricDefinition: null, progress: null },
    ]);
    // Emptied, then filled from the document: the same plan comes out.
    const emptied = await manager1.request(
      'PUT',
      `/api/team-plans/${planId}`,
      { answers: {}, objectives: [] },
      { 'if-match': `"${(await plan()).body.version}"` },
    );
    expect(emptied.status).toBe(200);
    const imported = await manager1.request('POST', url(), out.body);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.version).toBe(emptied.body.version + 1);
    expect(imported.headers.get('etag')).toBe(`"${emptied.body.version + 1}"`);
    expect((await manager1.request('GET', url())).body).toEqual(out.body);
    // An admin writes it too.
    expect((await admin.request('POST', url(), out.body)).status).toBe(200);
  });

  it("is written by the team's manager or an admin only, before the document is read", async () => {
    expect((await rep2.request('GET', url())).status).toBe(404);
    expect((await rep2.request('POST', url(), { junk: true })).status).toBe(404);
    expect((await manager2.request('POST', url(), { junk: true })).status).toBe(404);
    expect((await world.leader.request('GET', url())).status).toBe(200);
    expect((await world.leader.request('POST', url(), { junk: true })).status).toBe(403);
    expect(
      (await world.manager1.request('GET', '/api/team-plans/not-a-uuid/document')).status,
    ).toBe(400);
  });

  it('names the path of every problem: the shape, then people, segments and products, then the plan rules', async () => {
    const { manager1, server } = world;
    const document = (await manager1.request('GET', url())).body;
    const version = (await plan()).body.version;
    const at = (path: string) => `$.objectives[0].goals[0].activities[0].${path}`;
    const [calls, sensors] = document.objectives[0].goals[0].activities;
    const withActivities = (...activities: unknown[]) => ({
      ...document,
      objectives: [
        { ...document.objectives[0], goals: [{ ...document.objectives[0].goals[0], activities }] },
      ],
    });

    const shape = await manager1.request('POST', url(), {
      ...withActivities({
        ...calls,
        targetValue: -1,
        metricDefinition: { ...calls.metricDefinition, counts: 'leads' },
      }),
      answers: { whoIsOurCustomer: 7 },
    });
    expect(shape.status).toBe(422);
    expect(shape.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      '$.answers.whoIsOurCustomer',
      at('metricDefinition.counts'),
      at('targetValue'),
    ]);

    const records = await manager1.request(
      'POST',
      url(),
      withActivities(
        {
          ...calls,
          owner: { externalId: 'crm-77', email: null },
          metricDefinition: {
            ...calls.metricDefinition,
            member: { externalId: null, email: 'nobody@acme.test' },
            segment: { code: 'Z', name: 'Nowhere' },
          },
        },
        {
          ...sensors,
          metricDefinition: {
            ...sensors.metricDefinition,
            product: { externalId: 'sku-9', name: 'Fleet sensors' },
          },
        },
      ),
    );
    expect(records.status).toBe(422);
    expect(records.body.error.issues).toEqual([
      { field: at('owner'), reason: 'is not a user of this organisation' },
      { field: at('metricDefinition.member'), reason: 'is not a user of this organisation' },
      { field: at('metricDefinition.segment'), reason: 'is not a segment of this organisation' },
      {
        field: '$.objectives[0].goals[0].activities[1].metricDefinition.product',
        reason: 'is not a product of this organisation',
      },
    ]);

    // rep3 is manager2's: the plan's own rules, said at the document's paths.
    expect(server.ids.rep3).toBeTruthy();
    const rules = await manager1.request(
      'POST',
      url(),
      withActivities(
        {
          ...calls,
          owner: { externalId: null, email: 'rep3@acme.test' },
          endsOn: addDays(today, -60),
          metricDefinition: { ...calls.metricDefinition, activityType: null },
        },
        {
          ...sensors,
          metricDefinition: {
            ...sensors.metricDefinition,
            member: { externalId: null, email: 'rep3@acme.test' },
          },
        },
      ),
    );
    expect(rules.status).toBe(422);
    expect(rules.body.error.issues).toEqual([
      { field: at('metricDefinition.activityType'), reason: 'name the activity type it counts' },
      { field: at('endsOn'), reason: 'must not end before it starts' },
    ]);
    const team = await manager1.request(
      'POST',
      url(),
      withActivities(
        { ...calls, owner: { externalId: null, email: 'rep3@acme.test' } },
        {
          ...sensors,
          metricDefinition: {
            ...sensors.metricDefinition,
            member: { externalId: null, email: 'rep3@acme.test' },
          },
        },
      ),
    );
    expect(team.body.error.issues).toEqual([
      { field: at('owner'), reason: 'is not the manager or on the team' },
      {
        field: '$.objectives[0].goals[0].activities[1].metricDefinition.member',
        reason: 'is not the manager or on the team',
      },
    ]);
    expect((await plan()).body.version).toBe(version);
  });
});
