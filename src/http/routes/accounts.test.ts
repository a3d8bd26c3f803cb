import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

describe.each(testEngines())('accounts and contacts API on %s', (engine) => {
  let server: TestServer;
  let rep1: Client;
  let rep2: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    [rep1, rep2] = await Promise.all([server.as('rep1@acme.test'), server.as('rep2@acme.test')]);
    for (const name of ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo']) {
      const created = await rep1.request('POST', '/api/accounts', {
        name,
        status: name === 'Echo' ? 'customer' : 'prospect',
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(() => server.close());

  it('creates an account owned by its creator and reads it back', async () => {
    const created = await rep2.request('POST', '/api/accounts', {
      name: 'Initech',
      externalId: 'SF-001',
      employees: 120,
      annualRevenueMinor: 12_500_000_00,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Initech',
      externalId: 'SF-001',
      ownerId: server.ids.rep2,
      ownerName: 'rep2',
      status: 'prospect',
      employees: 120,
      annualRevenueMinor: 1_250_000_000,
    });
    const read = await rep2.request('GET', `/api/accounts/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });

  it('lists with paging, sorting and filters, answering { items, total }', async () => {
    const page1 = await rep1.request('GET', '/api/accounts?sort=name&order=asc&pageSize=2&page=1');
    const page3 = await rep1.request('GET', '/api/accounts?sort=name&order=asc&pageSize=2&page=3');
    expect(page1.body.total).toBe(5);
    expect(page1.body.items.map((a: { name: string }) => a.name)).toEqual(['alpha', 'Bravo']);
    expect(page3.body.items.map((a: { name: string }) => a.name)).toEqual(['Echo']);
    const desc = await rep1.request('GET', '/api/accounts?sort=name&order=desc&pageSize=1');
    expect(desc.body.items[0].name).toBe('Echo');
    const customers = await rep1.request('GET', '/api/accounts?status=customer');
    expect(customers.body).toMatchObject({ total: 1, items: [{ name: 'Echo' }] });
    const search = await rep1.request('GET', '/api/accounts?q=HARL');
    expect(search.body.items.map((a: { name: string }) => a.name)).toEqual(['Charlie']);
  });

  it('rejects bad input with 400, the field path and the reason, and stores nothing', async () => {
    const response = await rep1.request('POST', '/api/accounts', {
      name: '   ',
      status: 'friend',
      employees: 1.5,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'employees',
      'name',
      'status',
    ]);
    expect((await rep1.request('GET', '/api/accounts')).body.total).toBe(5);
  });

  it('lets only an admin create an account without an owner', async () => {
    const shared = await rep1.request('POST', '/api/accounts', { name: 'Shared', ownerId: null });
    expect(shared.status).toBe(422);
    expect(shared.body.error.issues).toEqual([
      { field: 'ownerId', reason: 'only an admin can create an account without an owner' },
    ]);
    const admin = await server.as('admin@acme.test');
    const created = await admin.request('POST', '/api/accounts', { name: 'Shared', ownerId: null });
    expect(created.status).toBe(201);
    // The shared pool is visible to everyone in the organisation.
    expect((await rep2.request('GET', `/api/accounts/${created.body.id}`)).status).toBe(200);
    expect((await admin.request('DELETE', `/api/accounts/${created.body.id}`)).status).toBe(204);
  });

  it("lists the accounts a rep may work on for their manager, and for nobody else's", async () => {
    const admin = await server.as('admin@acme.test');
    const shared = await admin.request('POST', '/api/accounts', { name: 'Pool', ownerId: null });
    const theirs = await rep2.request('POST', '/api/accounts', { name: 'Initech' });
    // rep1 owns a deal in rep2's account: rep1 may work on it too.
    const stageId = (await rep1.request('GET', '/api/reference')).body.stages[0].id;
    const manager1 = await server.as('manager1@acme.test');
    const dealInIt = await manager1.request('POST', '/api/opportunities', {
      name: 'Initech deal',
      stageId,
      accountId: theirs.body.id,
      ownerId: server.ids.rep1,
    });
    expect(dealInIt.status).toBe(201);
    const workable = await manager1.request(
      'GET',
      `/api/accounts?workableBy=${server.ids.rep1}&pageSize=100`,
    );
    expect(workable.status).toBe(200);
    const names = (workable.body.items as { name: string }[]).map((a) => a.name).sort();
    expect(names).toEqual(['Bravo', 'Charlie', 'Delta', 'Echo', 'Initech', 'Pool', 'alpha']);
    // Another team's rep: as if the rep did not exist.
    const manager2 = await server.as('manager2@acme.test');
    const hidden = await manager2.request('GET', `/api/accounts?workableBy=${server.ids.rep1}`);
    expect(hidden.status).toBe(404);
    await manager1.request('DELETE', `/api/opportunities/${dealInIt.body.id}`);
    await rep2.request('DELETE', `/api/accounts/${theirs.body.id}`);
    await admin.request('DELETE', `/api/accounts/${shared.body.id}`);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect((await rep1.request('GET', '/api/accounts/not-a-uuid')).status).toBe(400);
    const unknown = await rep1.request('GET', '/api/accounts/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('answers 409 for a duplicate external id and 422 for a segment that does not exist', async () => {
    const duplicate = await rep1.request('POST', '/api/accounts', {
      name: 'Copy',
      externalId: 'SF-001',
    });
    expect(duplicate.status).toBe(409);
    const dangling = await rep1.request('POST', '/api/accounts', {
      name: 'Nowhere',
      segmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(dangling.status).toBe(422);
    expect(dangling.body.error.issues).toEqual([{ field: 'segmentId', reason: 'no such segment' }]);
  });

  it("hides another rep's account, and refuses to delete one that still has opportunities", async () => {
    const mine = await rep2.request('POST', '/api/accounts', { name: 'Hooli' });
    expect((await rep1.request('GET', `/api/accounts/${mine.body.id}`)).status).toBe(404);
    const stageId = (await rep2.request('GET', '/api/reference')).body.stages[0].id;
    await rep2.request('POST', '/api/opportunities', {
      name: 'Hooli deal',
      stageId,
      accountId: mine.body.id,
    });
    const refused = await rep2.request('DELETE', `/api/accounts/${mine.body.id}`);
    expect(refused.status).toBe(409);
    expect((await rep2.request('GET', `/api/accounts/${mine.body.id}`)).status).toBe(200);
  });

  it('updates and deletes an account, keeping both changes in the audit log', async () => {
    const created = await rep1.request('POST', '/api/accounts', { name: 'Temp' });
    const patched = await rep1.request('PATCH', `/api/accounts/${created.body.id}`, {
      name: 'Temp 2',
      status: 'customer',
    });
    expect(patched.body).toMatchObject({ name: 'Temp 2', status: 'customer' });
    expect((await rep1.request('DELETE', `/api/accounts/${created.body.id}`)).status).toBe(204);
    expect((await rep1.request('GET', `/api/accounts/${created.body.id}`)).status).toBe(404);
    const { listAuditEntries } = await import('../../db/queries/audit-log');
    const entries = await listAuditEntries(
      server.database.db,
      server.orgIds.acme,
      'account',
      created.body.id,
    );
    expect(
      entries.map((e) => [e.action, (e.after as { name?: string } | null)?.name ?? null]),
    ).toEqual([
      ['create', 'Temp'],
      ['update', 'Temp 2'],
      ['delete', null],
    ]);
    expect(entries.every((e) => e.userId === server.ids.rep1)).toBe(true);
  });

  it('keeps contacts under their account, seen by whoever sees the account', async () => {
    const account = await rep1.request('POST', '/api/accounts', { name: 'Umbrella' });
    const contact = await rep1.request('POST', '/api/contacts', {
      accountId: account.body.id,
      firstName: 'Ada',
      lastName: 'Wong',
      title: 'CFO',
      email: 'ada@umbrella.test',
    });
    expect(contact.status).toBe(201);
    expect(contact.body).toMatchObject({ accountName: 'Umbrella', lastName: 'Wong' });
    const list = await rep1.request('GET', `/api/contacts?accountId=${account.body.id}`);
    expect(list.body.total).toBe(1);
    // The list's q looks in the first name, the last name and the email, and the whole name.
    for (const q of ['WON', 'ada@umb', 'Ada Wong', 'd']) {
      const found = await rep1.request('GET', `/api/contacts?q=${encodeURIComponent(q)}`);
      expect([q, found.body.items.map((c: { id: string }) => c.id)]).toEqual([
        q,
        [contact.body.id],
      ]);
    }
    const missed = await rep2.request('GET', '/api/contacts?q=Wong');
    expect(missed.body).toMatchObject({ total: 0, items: [] });
    expect((await rep2.request('GET', `/api/contacts/${contact.body.id}`)).status).toBe(404);
    const bad = await rep1.request('POST', '/api/contacts', {
      accountId: account.body.id,
      lastName: 'X',
      email: 'nope',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('email');
  });
});
