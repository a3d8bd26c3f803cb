import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { todayIso } from '../../services/clock';
import { startTestServer, type Client, type TestServer } from '../test-server';

describe.each(testEngines())('opportunities and activities API on %s', (engine) => {
  let server: TestServer;
  let rep1: Client;
  let stages: Record<string, string>;
  let accountId: string;
  let otherAccountId: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    rep1 = await server.as('rep1@acme.test');
    const reference = await rep1.request('GET', '/api/reference');
    stages = Object.fromEntries(
      reference.body.stages.map((s: { name: string; id: string }) => [s.name, s.id]),
    );
    accountId = (await rep1.request('POST', '/api/accounts', { name: 'Globex' })).body.id;
    otherAccountId = (await rep1.request('POST', '/api/accounts', { name: 'Soylent' })).body.id;
  });
  afterAll(() => server.close());

  it('creates an opportunity in the organisation currency with its first stage recorded', async () => {
    const created = await rep1.request('POST', '/api/opportunities', {
      name: 'Globex renewal',
      accountId,
      stageId: stages.Prospecting,
      amountMinor: 12_345_67,
      createdOn: '2026-01-15',
      expectedCloseOn: '2026-03-31',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      accountName: 'Globex',
      ownerId: server.ids.rep1,
      amountMinor: 1_234_567,
      currency: 'EUR',
      stageName: 'Prospecting',
      stageKind: 'open',
      closedOn: null,
    });
    expect(created.body.stageHistory).toEqual([
      expect.objectContaining({
        fromStageId: null,
        toStageName: 'Prospecting',
        changedOn: '2026-01-15',
        changedByName: 'rep1',
      }),
    ]);
  });

  it('records every stage change, closes a won deal today and reopens it without a close date', async () => {
    const deal = (
      await rep1.request('POST', '/api/opportunities', {
        name: 'Move me',
        stageId: stages.Prospecting,
      })
    ).body;
    await rep1.request('PATCH', `/api/opportunities/${deal.id}`, { stageId: stages.Proposal });
    const won = await rep1.request('PATCH', `/api/opportunities/${deal.id}`, {
      stageId: stages.Won,
    });
    expect(won.body).toMatchObject({ stageKind: 'won', closedOn: todayIso() });
    const reopened = await rep1.request('PATCH', `/api/opportunities/${deal.id}`, {
      stageId: stages.Negotiation,
    });
    expect(reopened.body.closedOn).toBeNull();
    expect(reopened.body.stageHistory.map((c: { toStageName: string }) => c.toStageName)).toEqual([
      'Prospecting',
      'Proposal',
      'Won',
      'Negotiation',
    ]);
  });

  it('rejects a close date on an open deal and a close date before creation (422 on closedOn)', async () => {
    const open = await rep1.request('POST', '/api/opportunities', {
      name: 'Bad',
      stageId: stages.Prospecting,
      closedOn: '2026-02-01',
    });
    expect(open.status).toBe(422);
    expect(open.body.error.issues[0].field).toBe('closedOn');
    const early = await rep1.request('POST', '/api/opportunities', {
      name: 'Bad',
      stageId: stages.Won,
      createdOn: '2026-05-01',
      closedOn: '2026-04-01',
    });
    expect(early.status).toBe(422);
  });

  it('filters by status and sorts by amount', async () => {
    await rep1.request('POST', '/api/opportunities', {
      name: 'Small',
      stageId: stages.Lost,
      amountMinor: 1,
    });
    const lost = await rep1.request('GET', '/api/opportunities?status=lost');
    expect(lost.body.items.map((o: { name: string }) => o.name)).toEqual(['Small']);
    const byAmount = await rep1.request(
      'GET',
      '/api/opportunities?sort=amountMinor&order=desc&pageSize=1',
    );
    expect(byAmount.body.items[0].name).toBe('Globex renewal');
    const bad = await rep1.request('GET', '/api/opportunities?sort=colour');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('query.sort');
  });

  it('logs activities against an account and its deal, and refuses a deal of another account', async () => {
    const deal = (await rep1.request('GET', '/api/opportunities?q=Globex')).body.items[0];
    const done = await rep1.request('POST', '/api/activities', {
      type: 'first_meeting',
      status: 'done',
      occursOn: '2026-01-10',
      accountId,
      opportunityId: deal.id,
      subject: 'Discovery with the CFO',
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({
      typeLabel: 'First meeting',
      accountName: 'Globex',
      opportunityName: 'Globex renewal',
    });

    const wrong = await rep1.request('POST', '/api/activities', {
      type: 'call',
      status: 'planned',
      occursOn: '2026-12-01',
      accountId: otherAccountId,
      opportunityId: deal.id,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.issues).toEqual([
      { field: 'opportunityId', reason: 'the opportunity belongs to another account' },
    ]);

    const unknownType = await rep1.request('POST', '/api/activities', {
      type: 'carrier_pigeon',
      status: 'planned',
      occursOn: '2026-12-01',
      accountId,
    });
    expect(unknownType.status).toBe(422);

    const listed = await rep1.request(
      'GET',
      `/api/activities?opportunityId=${deal.id}&status=done`,
    );
    expect(listed.body.total).toBe(1);
    const marked = await rep1.request('PATCH', `/api/activities/${done.body.id}`, {
      outcome: 'Budget confirmed',
    });
    expect(marked.body.outcome).toBe('Budget confirmed');
  });

  it('deletes a deal and keeps its activities, detached', async () => {
    const deal = (
      await rep1.request('POST', '/api/opportunities', {
        name: 'Doomed',
        stageId: stages.Prospecting,
        accountId,
      })
    ).body;
    const activity = (
      await rep1.request('POST', '/api/activities', {
        type: 'call',
        status: 'done',
        occursOn: '2026-02-02',
        accountId,
        opportunityId: deal.id,
      })
    ).body;
    expect((await rep1.request('DELETE', `/api/opportunities/${deal.id}`)).status).toBe(204);
    expect(
      (await rep1.request('GET', `/api/activities/${activity.id}`)).body.opportunityId,
    ).toBeNull();
  });
});
