import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// An account is a prospect until it buys: winning its deal makes it a customer, and only it.

describe.each(testEngines())('account status after a won deal on %s', (engine) => {
  let server: TestServer;
  let rep1: Client;
  let stages: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(engine);
    rep1 = await server.as('rep1@acme.test');
    const reference = await rep1.request('GET', '/api/reference');
    stages = Object.fromEntries(
      reference.body.stages.map((s: { name: string; id: string }) => [s.name, s.id]),
    );
  });
  afterAll(() => server.close());

  const statusOf = async (id: string) =>
    (await rep1.request('GET', `/api/accounts/${id}`)).body.status;

  it('makes the account of a deal moved to won a customer, leaving other prospects alone', async () => {
    const buyer = (await rep1.request('POST', '/api/accounts', { name: 'Globex' })).body.id;
    const other = (await rep1.request('POST', '/api/accounts', { name: 'Soylent' })).body.id;
    const deal = await rep1.request('POST', '/api/opportunities', {
      name: 'Globex renewal',
      accountId: buyer,
      stageId: stages.Prospecting,
      amountMinor: 1000,
    });
    await rep1.request('POST', '/api/opportunities', {
      name: 'Soylent pilot',
      accountId: other,
      stageId: stages.Prospecting,
      amountMinor: 1000,
    });
    expect(await statusOf(buyer)).toBe('prospect');

    const won = await rep1.request('PATCH', `/api/opportunities/${deal.body.id}`, {
      stageId: stages.Won,
    });
    expect(won.status).toBe(200);
    expect(await statusOf(buyer)).toBe('customer');
    expect(await statusOf(other)).toBe('prospect');
    const admin = await server.as('admin@acme.test');
    const audit = await admin.request('GET', '/api/audit-log?entityType=account');
    const promotions = audit.body.items.filter(
      (e: { action: string; after: { status?: string } }) =>
        e.action === 'update' && e.after.status === 'customer',
    );
    expect(promotions.map((e: { entityId: string }) => e.entityId)).toEqual([buyer]);
    expect(promotions[0].before).toEqual({ status: 'prospect' });

    // Winning it again (back to Prospecting, then Won) changes nothing more: it is a customer.
    await rep1.request('PATCH', `/api/opportunities/${deal.body.id}`, {
      stageId: stages.Prospecting,
    });
    await rep1.request('PATCH', `/api/opportunities/${deal.body.id}`, { stageId: stages.Won });
    const again = await admin.request('GET', '/api/audit-log?entityType=account');
    expect(
      again.body.items.filter((e: { after: { status?: string } }) => e.after.status === 'customer'),
    ).toHaveLength(1);
  });

  it('makes the account of a deal created as won a customer', async () => {
    const account = (await rep1.request('POST', '/api/accounts', { name: 'Initech' })).body.id;
    const created = await rep1.request('POST', '/api/opportunities', {
      name: 'Initech order',
      accountId: account,
      stageId: stages.Won,
      amountMinor: 1000,
    });
    expect(created.status).toBe(201);
    expect(await statusOf(account)).toBe('customer');
  });
});
