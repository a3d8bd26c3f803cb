import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, keyAccountPlans, keyAccountSteps } from '../../db/schema';
import { addDays } from '../../domain/calendar';
import { KeyAccountList, KeyAccountPlanView } from '../../schemas/key-accounts-plans';
import { todayIso } from '../../services/clock';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// Key-account plans over a real server: the owner writes and signs, the manager acknowledges,
// leaders read, other reps find nothing; If-Match; references checked with nothing written;
// benchmark actuals counted from the activities and deals; a review makes a new version.

describe.each(testEngines())('key-account plans API on %s', (engine) => {
  let server: TestServer;
  let clients: Record<'leader' | 'manager1' | 'manager2' | 'rep1' | 'rep2', Client>;
  let accountId: string;
  let otherAccountId: string;
  let contactId: string;
  const today = todayIso();
  const path = () => `/api/key-accounts/${accountId}/plan`;
  const put = (client: Client, version: number, body: unknown) =>
    client.request('PUT', path(), body, { 'if-match': String(version) });
  const ids = {
    objective: randomUUID(),
    person: randomUUID(),
    step: randomUUID(),
    bench: randomUUID(),
  };
  const planBody = () => ({
    cadence: 'monthly',
    commitment: 'I will make Globex our largest customer.',
    relationships: [
      { id: ids.person, contactId, role: 'economic', currentStrength: 2, targetStrength: 4 },
    ],
    objectives: [
      { id: ids.objective, term: 'short', description: 'Meet the CFO', dueOn: addDays(today, 30) },
    ],
    steps: [
      {
        id: ids.step,
        what: 'Lunch with the CFO',
        ownerId: server.ids.rep1,
        dueOn: addDays(today, 10),
        objectiveId: ids.objective,
        relationshipId: ids.person,
      },
    ],
    benchmarks: [
      { id: ids.bench, metric: 'Meetings held', source: 'meetings_held', baseline: 0, target: 12 },
      { id: randomUUID(), metric: 'Share of wallet %', baseline: 10, target: 30, actual: 15 },
    ],
  });

  beforeAll(async () => {
    server = await startTestServer(engine);
    clients = {
      leader: await server.as('leader@acme.test'),
      manager1: await server.as('manager1@acme.test'),
      manager2: await server.as('manager2@acme.test'),
      rep1: await server.as('rep1@acme.test'),
      rep2: await server.as('rep2@acme.test'),
    };
    const { rep1, leader } = clients;
    accountId = (await rep1.request('POST', '/api/accounts', { name: 'Globex', employees: 900 }))
      .body.id;
    otherAccountId = (
      await rep1.request('POST', '/api/accounts', { name: 'Initech', employees: 10 })
    ).body.id;
    contactId = (
      await rep1.request('POST', '/api/contacts', {
        accountId,
        firstName: 'Dana',
        lastName: 'Ortiz',
      })
    ).body.id;
    // Two meetings held with Dana this year, one planned, one call: 2 meetings held.
    for (const [type, status, days] of [
      ['meeting', 'done', 0],
      ['first_meeting', 'done', 0],
      ['meeting', 'planned', -5],
      ['call', 'done', 0],
    ] as const)
      await rep1.request('POST', '/api/activities', {
        type,
        status,
        occursOn: addDays(today, days),
        accountId,
        contactId,
      });
    await leader.request(
      'PUT',
      '/api/key-accounts/model',
      { cutPercent: 10, criteria: [{ name: 'Employees', source: 'employees', weight: 1 }] },
      { 'if-match': '0' },
    );
    const confirmed = await leader.request('POST', '/api/key-accounts/confirmation', {
      modelVersion: 1,
    });
    expect(confirmed.status).toBe(200);
  }, 120_000);
  afterAll(() => server.close());

  it('lets only the owner write the plan of a confirmed key account', async () => {
    const { rep1, rep2, manager1, manager2, leader } = clients;
    const empty = await rep1.request('GET', path());
    expect(empty.status).toBe(200);
    expect(empty.headers.get('etag')).toBe('"0"');
    expect(empty.body).toMatchObject({
      version: 0,
      isKeyAccount: true,
      canEdit: true,
      canAcknowledge: false,
    });
    expect((await rep2.request('GET', path())).status).toBe(404);
    expect((await manager2.request('GET', path())).status).toBe(404);
    expect((await put(rep2, 0, planBody())).status).toBe(404);
    expect((await put(leader, 0, planBody())).status).toBe(403);
    expect((await put(manager1, 0, planBody())).status).toBe(403);
    const notKey = await rep1.request(
      'PUT',
      `/api/key-accounts/${otherAccountId}/plan`,
      planBody(),
      {
        'if-match': '0',
      },
    );
    expect(notKey.status).toBe(422);

    const saved = await put(rep1, 0, planBody());
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"1"');
    const plan = KeyAccountPlanView.parse(saved.body);
    expect(plan).toMatchObject({ version: 1, cadence: 'monthly', ownerId: server.ids.rep1 });
    expect(plan.relationships).toEqual([
      expect.objectContaining({ contactName: 'Dana Ortiz', currentStrength: 2, targetStrength: 4 }),
    ]);
    expect(plan.steps).toEqual([
      expect.objectContaining({ position: 1, ownerName: 'rep1', objectiveId: ids.objective }),
    ]);
    // A leader reads every plan but changes none.
    const read = (await leader.request('GET', path())).body;
    expect(read).toMatchObject({ version: 1, canEdit: false, canAcknowledge: false });
  });

  it('computes the benchmark actuals from the data and checks the plan', async () => {
    const plan = KeyAccountPlanView.parse((await clients.rep1.request('GET', path())).body);
    const db = server.database.db;
    const held = await db
      .select()
      .from(activities)
      .where(and(eq(activities.orgId, server.orgIds.acme), eq(activities.accountId, accountId)));
    const meetings = held.filter(
      (a) =>
        a.status === 'done' && ['meeting', 'first_meeting'].includes(a.type) && a.occursOn <= today,
    ).length;
    expect(meetings).toBe(2);
    expect(plan.benchmarks.map((b) => [b.metric, b.actual, b.isComputed])).toEqual([
      ['Meetings held', meetings, true],
      ['Share of wallet %', 15, false],
    ]);
    expect(plan.findings.map((f) => f.code)).toEqual(['no_long_term_objective']);
  });

  it('refuses a stale version with the current plan and bad references with nothing written', async () => {
    const { rep1 } = clients;
    const stale = await put(rep1, 0, planBody());
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(1);
    const db = server.database.db;
    const before = await db
      .select()
      .from(keyAccountSteps)
      .where(eq(keyAccountSteps.orgId, server.orgIds.acme));
    const badStep = planBody();
    badStep.steps[0] = {
      ...badStep.steps[0],
      objectiveId: randomUUID(),
    } as (typeof badStep.steps)[0];
    const bad = await put(rep1, 1, badStep);
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues).toEqual([
      { field: 'steps.0.objectiveId', reason: 'is not an objective of this plan' },
    ]);
    const foreignContact = planBody();
    foreignContact.relationships[0] = {
      ...foreignContact.relationships[0],
      contactId: randomUUID(),
    } as (typeof foreignContact.relationships)[0];
    expect((await put(rep1, 1, foreignContact)).status).toBe(422);
    expect((await put(rep1, 1, { ...planBody(), cadence: 'weekly' })).status).toBe(400);
    expect(
      await db.select().from(keyAccountSteps).where(eq(keyAccountSteps.orgId, server.orgIds.acme)),
    ).toEqual(before);
    const [row] = await db
      .select()
      .from(keyAccountPlans)
      .where(eq(keyAccountPlans.orgId, server.orgIds.acme));
    expect(row?.version).toBe(1);
  });

  it('is signed by the rep, acknowledged by the manager, and reviewed into a new version', async () => {
    const { rep1, manager1, manager2 } = clients;
    expect(
      (await manager1.request('POST', `${path()}/acknowledgement`, {}, { 'if-match': '1' })).status,
    ).toBe(422);
    const signed = await rep1.request('POST', `${path()}/signature`, undefined, {
      'if-match': '1',
    });
    expect(signed.status).toBe(200);
    expect(signed.body.repSignedAt).not.toBeNull();
    expect(
      (await rep1.request('POST', `${path()}/acknowledgement`, {}, { 'if-match': '2' })).status,
    ).toBe(403);
    expect(
      (await manager2.request('POST', `${path()}/acknowledgement`, {}, { 'if-match': '2' })).status,
    ).toBe(404);
    const acknowledged = await manager1.request(
      'POST',
      `${path()}/acknowledgement`,
      { comment: 'Good plan; add a long-term objective.' },
      { 'if-match': '2' },
    );
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({
      version: 3,
      managerComment: 'Good plan; add a long-term objective.',
    });

    const review = await manager1.request(
      'POST',
      `${path()}/reviews`,
      { heldOn: today, whatChanged: 'Met Dana twice', adjustments: 'Add the CTO' },
      { 'if-match': '3' },
    );
    expect(review.status).toBe(200);
    const reviewed = KeyAccountPlanView.parse(review.body);
    expect(reviewed.version).toBe(4);
    expect(reviewed.reviews).toEqual([
      expect.objectContaining({
        heldOn: today,
        planVersion: 4,
        reviewedByName: 'manager1',
        whatChanged: 'Met Dana twice',
        benchmarkActuals: [
          expect.objectContaining({ metric: 'Meetings held', actual: 2, target: 12 }),
          expect.objectContaining({ metric: 'Share of wallet %', actual: 15 }),
        ],
      }),
    ]);
    expect(reviewed.nextReviewDue).not.toBeNull();
    expect(reviewed.history.map((h) => h.summary)).toEqual([
      'Plan started',
      'Commitment signed by the rep',
      'Acknowledged by the manager',
      'Review held',
    ]);
    // A change after signing asks for new signatures.
    const changed = await put(rep1, 4, { ...planBody(), cadence: 'quarterly' });
    expect(changed.body).toMatchObject({
      version: 5,
      repSignedAt: null,
      managerAcknowledgedAt: null,
    });

    const list = KeyAccountList.parse((await manager1.request('GET', '/api/key-accounts')).body);
    expect(list.items).toEqual([
      expect.objectContaining({ accountName: 'Globex', planVersion: 5, ownerName: 'rep1' }),
    ]);
    expect((await clients.rep2.request('GET', '/api/key-accounts')).body.items).toEqual([]);
  });
});
