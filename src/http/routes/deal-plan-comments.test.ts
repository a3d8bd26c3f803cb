import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { addDays } from '../../domain/calendar';
import { todayIso } from '../../services/clock';
import { startTestServer, type Client, type TestServer } from '../test-server';

// Comments on a deal plan: the deal owner and their manager write; whoever sees the deal reads.

describe.each(testEngines())('deal plan comments API on %s', (engine) => {
  let server: TestServer;
  let rep1: Client;
  let manager1: Client;
  let dealId: string;
  const path = () => `/api/opportunities/${dealId}/plan/comments`;
  const thread = async (client: Client) =>
    (await client.request('GET', path())).body.map(
      (c: { author: { name: string }; body: string }) => [c.author.name, c.body],
    );

  beforeAll(async () => {
    server = await startTestServer(engine);
    rep1 = await server.as('rep1@acme.test');
    manager1 = await server.as('manager1@acme.test');
    const stageId = (await rep1.request('GET', '/api/reference')).body.stages.find(
      (s: { kind: string }) => s.kind === 'open',
    ).id;
    const accountId = (await rep1.request('POST', '/api/accounts', { name: 'Globex' })).body.id;
    dealId = (
      await rep1.request('POST', '/api/opportunities', {
        name: 'Globex renewal',
        accountId,
        stageId,
        expectedCloseOn: addDays(todayIso(), 60),
      })
    ).body.id;
  });
  afterAll(() => server.close());

  it('keeps the owner and their manager in one thread, oldest first, without touching the plan', async () => {
    const first = await rep1.request('POST', path(), { body: 'Can you join the CFO call?' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      author: { id: server.ids.rep1, name: 'rep1' },
      body: 'Can you join the CFO call?',
      createdAt: expect.any(String),
    });
    expect((await manager1.request('POST', path(), { body: 'Yes, Thursday.' })).status).toBe(201);
    expect(await thread(rep1)).toEqual([
      ['rep1', 'Can you join the CFO call?'],
      ['manager1', 'Yes, Thursday.'],
    ]);
    // A comment is not a change to the plan: no new version, nothing in its history.
    const plan = (await rep1.request('GET', `/api/opportunities/${dealId}/plan`)).body;
    expect(plan).toMatchObject({ version: 0, history: [], canComment: true });
  });

  it('lets a leader and an admin read the thread but not write in it', async () => {
    for (const email of ['leader@acme.test', 'admin@acme.test']) {
      const reader = await server.as(email);
      expect(await thread(reader)).toHaveLength(2);
      expect(
        (await reader.request('GET', `/api/opportunities/${dealId}/plan`)).body.canComment,
      ).toBe(false);
      const refused = await reader.request('POST', path(), { body: 'Hello' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe(
        'Only the deal owner and their manager comment on a deal plan',
      );
    }
  });

  it("hides the thread from another team's manager, a teammate and another organisation", async () => {
    for (const email of ['manager2@acme.test', 'rep2@acme.test', 'rep9@other.test']) {
      const outsider = await server.as(email);
      expect((await outsider.request('GET', path())).status).toBe(404);
      expect((await outsider.request('POST', path(), { body: 'Hi' })).status).toBe(404);
    }
  });

  it('refuses a blank comment with the field, and records each comment in the audit log', async () => {
    const blank = await rep1.request('POST', path(), { body: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.issues).toEqual([{ field: 'body', reason: expect.any(String) }]);
    const admin = await server.as('admin@acme.test');
    const audit = await admin.request('GET', '/api/audit-log?entityType=deal_plan_comment');
    expect(
      audit.body.items.map((e: { userName: string; action: string }) => [e.userName, e.action]),
    ).toEqual([
      ['manager1', 'create'],
      ['rep1', 'create'],
    ]);
  });

  it('documents both routes in OpenAPI', async () => {
    const doc = (await server.anonymous.request('GET', '/api/openapi.json')).body;
    const route = doc.paths['/api/opportunities/{id}/plan/comments'];
    expect(route.get.tags).toEqual(['deal-plans']);
    expect(Object.keys(route.post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '403', '404']),
    );
  });
});
