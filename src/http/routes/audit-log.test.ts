import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

describe.each(testEngines())('the audit log on %s', (engine) => {
  let server: TestServer;
  let admin: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await server.as('admin@acme.test');
    await admin.request('POST', '/api/territories', { name: 'North' });
    await admin.request('PATCH', '/api/organisation', { timeZone: 'Asia/Tokyo' });
    const rep1 = await server.as('rep1@acme.test');
    await rep1.request('POST', '/api/accounts', { name: 'Northwind' });
  });
  afterAll(() => server.close());

  it('pages the newest changes first, with who made them', async () => {
    const page = await admin.request('GET', '/api/audit-log?pageSize=2');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    const [newest, next] = page.body.items;
    expect(newest).toMatchObject({ entityType: 'account', action: 'create', userName: 'rep1' });
    expect(next).toMatchObject({ entityType: 'organisation', action: 'update', userName: 'admin' });
    expect(Date.parse(newest.at)).toBeGreaterThanOrEqual(Date.parse(next.at));
  });

  it('filters by user, by kind of record and by days in the organisation time zone', async () => {
    const byAdmin = await admin.request('GET', `/api/audit-log?userId=${server.ids.admin}`);
    expect(new Set(byAdmin.body.items.map((e: { userId: string }) => e.userId))).toEqual(
      new Set([server.ids.admin]),
    );
    const territories = await admin.request('GET', '/api/audit-log?entityType=territory');
    expect(territories.body.items.map((e: { after: { name: string } }) => e.after.name)).toEqual([
      'North',
    ]);
    const today = (await admin.request('GET', '/api/me')).body.today as string;
    const all = await admin.request('GET', '/api/audit-log');
    const onToday = await admin.request('GET', `/api/audit-log?from=${today}&to=${today}`);
    expect(onToday.body.total).toBe(all.body.total);
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    const before = await admin.request('GET', `/api/audit-log?to=${yesterday}`);
    expect(before.body).toEqual({ items: [], total: 0 });
    const types = await admin.request('GET', '/api/audit-log/entity-types');
    expect(types.body.items).toEqual(['account', 'organisation', 'territory', 'user']);
  });

  it('is for admins only, and never shows another organisation', async () => {
    const manager = await server.as('manager1@acme.test');
    expect((await manager.request('GET', '/api/audit-log')).status).toBe(403);
    const leader = await server.as('leader@acme.test');
    expect((await leader.request('GET', '/api/audit-log')).status).toBe(403);
    const bad = await admin.request('GET', '/api/audit-log?from=0000-01-01');
    expect(bad.status).toBe(400);
  });
});
