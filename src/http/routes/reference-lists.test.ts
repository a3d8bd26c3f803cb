import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

describe.each(testEngines())('the reference lists an admin keeps on %s', (engine) => {
  let server: TestServer;
  let admin: Client;
  let rep1: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await server.as('admin@acme.test');
    rep1 = await server.as('rep1@acme.test');
  });
  afterAll(() => server.close());

  it('creates, renames and deletes a stage, refusing a duplicate name and a won stage below 100%', async () => {
    const created = await admin.request('POST', '/api/stages', {
      name: 'Discovery',
      position: 2,
      probabilityPercent: 15,
      kind: 'open',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Discovery',
      position: 2,
      probabilityPercent: 15,
      kind: 'open',
    });
    const duplicate = await admin.request('POST', '/api/stages', {
      name: 'Discovery',
      position: 3,
      probabilityPercent: 20,
      kind: 'open',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe('Another stage is already called Discovery');
    const wonAt90 = await admin.request('PATCH', `/api/stages/${created.body.id}`, {
      kind: 'won',
      probabilityPercent: 90,
    });
    expect(wonAt90.status).toBe(422);
    expect(wonAt90.body.error.issues).toEqual([
      { field: 'probabilityPercent', reason: 'must be 100 for a won stage' },
    ]);
    const renamed = await admin.request('PATCH', `/api/stages/${created.body.id}`, {
      name: 'Discovery call',
    });
    expect(renamed.body.name).toBe('Discovery call');
    const list = await rep1.request('GET', '/api/stages');
    expect(list.body.items.map((s: { name: string }) => s.name)).toContain('Discovery call');
    expect((await admin.request('DELETE', `/api/stages/${created.body.id}`)).status).toBe(204);
    expect((await admin.request('GET', `/api/stages/${created.body.id}`)).status).toBe(404);
  });

  it('refuses to delete a stage with deals in it, saying how many, and the last lost stage', async () => {
    const stages = (await admin.request('GET', '/api/stages')).body.items as {
      id: string;
      name: string;
    }[];
    const prospecting = stages.find((s) => s.name === 'Prospecting');
    const lost = stages.find((s) => s.name === 'Lost');
    for (const name of ['One', 'Two'])
      await rep1.request('POST', '/api/opportunities', { name, stageId: prospecting?.id });
    const inUse = await admin.request('DELETE', `/api/stages/${prospecting?.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toBe(
      '2 opportunities are in this stage: move them to another stage first',
    );
    const lastLost = await admin.request('DELETE', `/api/stages/${lost?.id}`);
    expect(lastLost.status).toBe(409);
    expect(lastLost.body.error.message).toBe('This is the last lost stage: the pipeline needs one');
    expect((await admin.request('GET', '/api/stages')).body.total).toBe(stages.length);
  });

  it('keeps segments: a duplicate code is 409, a segment with accounts cannot go', async () => {
    const a = await admin.request('POST', '/api/segments', { code: 'A', name: 'Key customers' });
    expect(a.status).toBe(201);
    expect(a.body).toEqual({
      id: expect.any(String),
      code: 'A',
      name: 'Key customers',
      description: '',
    });
    expect(
      (await admin.request('POST', '/api/segments', { code: 'A', name: 'Other' })).status,
    ).toBe(409);
    await rep1.request('POST', '/api/accounts', { name: 'Northwind', segmentId: a.body.id });
    const inUse = await admin.request('DELETE', `/api/segments/${a.body.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toBe(
      '1 accounts are in this segment: move them to another first',
    );
  });

  it('keeps territories and refuses to delete one a user is in', async () => {
    const north = await admin.request('POST', '/api/territories', { name: 'North', potential: 2 });
    expect(north.body).toEqual({
      id: expect.any(String),
      name: 'North',
      externalId: null,
      potential: 2,
    });
    await admin.request('PATCH', `/api/users/${server.ids.rep2}`, { territoryId: north.body.id });
    const inUse = await admin.request('DELETE', `/api/territories/${north.body.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toBe(
      '1 users and 0 accounts are in this territory: move them first',
    );
    const south = await admin.request('POST', '/api/territories', { name: 'South' });
    expect((await admin.request('DELETE', `/api/territories/${south.body.id}`)).status).toBe(204);
  });

  it('changes only the fields a patch names: an empty patch leaves a record as it is', async () => {
    const east = await admin.request('POST', '/api/territories', { name: 'East', potential: 3 });
    const unchanged = await admin.request('PATCH', `/api/territories/${east.body.id}`, {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(east.body);
    const product = await admin.request('POST', '/api/products', {
      name: 'Legacy',
      isActive: false,
    });
    const renamed = await admin.request('PATCH', `/api/products/${product.body.id}`, {
      name: 'Legacy 2',
    });
    expect(renamed.body).toMatchObject({ name: 'Legacy 2', isActive: false });
    const stage = (await admin.request('GET', '/api/stages')).body.items[0];
    const sameStage = await admin.request('PATCH', `/api/stages/${stage.id}`, {});
    expect(sameStage.status).toBe(200);
    expect(sameStage.body).toEqual(stage);
  });

  it('keeps activity types by key: a system type and a used type stay', async () => {
    const created = await admin.request('POST', '/api/activity-types', {
      key: 'site_visit',
      label: 'Site visit',
      hours: 3,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      key: 'site_visit',
      label: 'Site visit',
      hours: 3,
      isSystem: false,
      position: 0,
    });
    const relabelled = await admin.request('PATCH', '/api/activity-types/first_meeting', {
      label: 'Intro meeting',
    });
    expect(relabelled.body).toMatchObject({ key: 'first_meeting', label: 'Intro meeting' });
    const system = await admin.request('DELETE', '/api/activity-types/first_meeting');
    expect(system.status).toBe(409);
    expect((await admin.request('DELETE', '/api/activity-types/site_visit')).status).toBe(204);
    const badKey = await admin.request('POST', '/api/activity-types', {
      key: 'Site Visit',
      label: 'x',
      hours: 1,
    });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.issues[0].field).toBe('key');
  });

  it('lets everyone read the lists and only admins change them; another organisation sees none of it', async () => {
    expect(
      (await rep1.request('POST', '/api/segments', { code: 'Z', name: 'Rep segment' })).status,
    ).toBe(403);
    const stage = (await rep1.request('GET', '/api/stages')).body.items[0];
    expect((await rep1.request('PATCH', `/api/stages/${stage.id}`, { name: 'Mine' })).status).toBe(
      403,
    );
    const rep9 = await server.as('rep9@other.test');
    expect((await rep9.request('GET', `/api/stages/${stage.id}`)).status).toBe(404);
    const otherSegments = (await rep9.request('GET', '/api/segments')).body;
    expect(otherSegments).toEqual({ items: [], total: 0 });
  });

  it('audits every change with who made it', async () => {
    const log = await admin.request('GET', '/api/audit-log?entityType=stage&order=asc');
    expect(log.status).toBe(200);
    type Entry = { action: string; before?: { name: string }; after?: { name: string } };
    const discovery = (log.body.items as Entry[]).filter((entry) =>
      (entry.after ?? entry.before)?.name.startsWith('Discovery'),
    );
    expect(discovery.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
    expect(log.body.items[0]).toMatchObject({ userId: server.ids.admin, userName: 'admin' });
  });
});
