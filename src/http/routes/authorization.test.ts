import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// The role rules of DOMAIN.md ("People"), seen through the API: a rep sees their own deals, a
// manager their team's, a leader and an admin the whole organisation, nobody another organisation.
describe.each(testEngines())('role rules on %s', (engine) => {
  let server: TestServer;
  let stageId: string;
  const deals: Record<string, string> = {};
  let rep1: Client;
  let rep2: Client;
  let manager1: Client;
  let manager2: Client;
  let leader: Client;
  let admin: Client;
  let outsider: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    rep1 = await server.as('rep1@acme.test');
    rep2 = await server.as('rep2@acme.test');
    manager1 = await server.as('manager1@acme.test');
    manager2 = await server.as('manager2@acme.test');
    leader = await server.as('leader@acme.test');
    admin = await server.as('admin@acme.test');
    outsider = await server.as('rep9@other.test');
    const reference = await rep1.request('GET', '/api/reference');
    stageId = reference.body.stages[0].id;
    for (const [key, client] of [
      ['rep1', rep1],
      ['rep2', rep2],
      ['rep3', await server.as('rep3@acme.test')],
    ] as const) {
      const created = await client.request('POST', '/api/opportunities', {
        name: `${key} deal`,
        stageId,
        amountMinor: 100_00,
      });
      expect(created.status).toBe(201);
      deals[key] = created.body.id;
    }
  });
  afterAll(() => server.close());

  const names = async (client: Client) =>
    (
      (await client.request('GET', '/api/opportunities?sort=name')).body.items as { name: string }[]
    ).map((o) => o.name);

  it("lets a rep read their own opportunity but not another rep's (404, no data)", async () => {
    expect((await rep1.request('GET', `/api/opportunities/${deals.rep1}`)).status).toBe(200);
    const other = await rep1.request('GET', `/api/opportunities/${deals.rep2}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('rep2 deal');
    expect(await names(rep1)).toEqual(['rep1 deal']);
  });

  it("does not let a rep change or delete another rep's opportunity", async () => {
    expect(
      (await rep1.request('PATCH', `/api/opportunities/${deals.rep2}`, { name: 'mine now' }))
        .status,
    ).toBe(404);
    expect((await rep1.request('DELETE', `/api/opportunities/${deals.rep2}`)).status).toBe(404);
  });

  it('does not let a rep assign an opportunity to another rep', async () => {
    const response = await rep1.request('POST', '/api/opportunities', {
      name: 'gift',
      stageId,
      ownerId: server.ids.rep2,
    });
    expect(response.status).toBe(422);
    expect(response.body.error.issues).toEqual([
      { field: 'ownerId', reason: 'you cannot assign records to this user' },
    ]);
  });

  it("lets a manager read and change their team's opportunities but not another team's", async () => {
    expect(await names(manager1)).toEqual(['rep1 deal', 'rep2 deal']);
    expect((await manager1.request('GET', `/api/opportunities/${deals.rep3}`)).status).toBe(404);
    const changed = await manager1.request('PATCH', `/api/opportunities/${deals.rep2}`, {
      nextStep: 'Call the CFO',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.nextStep).toBe('Call the CFO');
    expect(await names(manager2)).toEqual(['rep3 deal']);
  });

  it('lets a leader read the whole organisation but not change a rep’s deal (403)', async () => {
    expect(await names(leader)).toEqual(['rep1 deal', 'rep2 deal', 'rep3 deal']);
    expect(
      (await leader.request('PATCH', `/api/opportunities/${deals.rep3}`, { name: 'x' })).status,
    ).toBe(403);
  });

  it('lets an admin read and change everything in the organisation', async () => {
    expect(await names(admin)).toEqual(['rep1 deal', 'rep2 deal', 'rep3 deal']);
    expect(
      (await admin.request('PATCH', `/api/opportunities/${deals.rep3}`, { amountMinor: 250_00 }))
        .status,
    ).toBe(200);
  });

  it("never shows another organisation's records, even to its admin", async () => {
    expect(await names(outsider)).toEqual([]);
    expect((await outsider.request('GET', `/api/opportunities/${deals.rep1}`)).status).toBe(404);
    expect(
      (await outsider.request('PATCH', `/api/opportunities/${deals.rep1}`, { name: 'x' })).status,
    ).toBe(404);
    const theirs = await outsider.request('GET', '/api/reference');
    expect(theirs.body.stages.map((s: { id: string }) => s.id)).not.toContain(stageId);
    // Using the other organisation's stage id is a dangling reference, not a way in.
    const sneaky = await outsider.request('POST', '/api/opportunities', { name: 'x', stageId });
    expect(sneaky.status).toBe(422);
  });

  it('shows users by the same rules', async () => {
    const emails = async (client: Client) =>
      (
        (await client.request('GET', '/api/users?sort=email')).body.items as { email: string }[]
      ).map((u) => u.email);
    expect(await emails(rep1)).toEqual(['rep1@acme.test']);
    expect(await emails(manager1)).toEqual([
      'manager1@acme.test',
      'rep1@acme.test',
      'rep2@acme.test',
    ]);
    expect((await emails(leader)).length).toBe(7);
    expect(await emails(outsider)).toEqual(['rep9@other.test']);
  });

  it('lets only an admin create users and products', async () => {
    const user = {
      email: 'new@acme.test',
      name: 'New Rep',
      role: 'rep',
      password: 'long enough password',
    };
    expect((await manager1.request('POST', '/api/users', user)).status).toBe(403);
    expect(
      (await admin.request('POST', '/api/users', { ...user, managerId: server.ids.manager1 }))
        .status,
    ).toBe(201);
    expect((await admin.request('POST', '/api/users', user)).status).toBe(409);
    expect((await rep1.request('POST', '/api/products', { name: 'Widget' })).status).toBe(403);
    expect(
      (await admin.request('POST', '/api/products', { name: 'Widget', listPriceMinor: 999 }))
        .status,
    ).toBe(201);
    expect((await rep1.request('GET', '/api/products')).body.total).toBe(1);
  });
});
