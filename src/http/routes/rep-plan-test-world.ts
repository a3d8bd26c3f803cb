import { expect } from 'vitest';
import { segmentNorms, segments } from '../../db/schema';
import { addDays } from '../../domain/calendar';
import { todayIso } from '../../services/clock';
import type { Engine } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// The organisation the rep-plan and check-in API tests share: segments A and B with norms, this
// year's strategy (territory, rep1 twice rep2's potential), rep1's accounts and a year of history
// (3 won and 2 lost deals, 10 first meetings in the last 12 months and one older).

export type RepPlanWorld = {
  server: TestServer;
  leader: Client;
  manager1: Client;
  rep1: Client;
  seg: Record<'A' | 'B', string>;
  accounts: Record<'A1' | 'B1' | 'X', string>;
};

export const today = todayIso();
export const year = Number(today.slice(0, 4));
export const daysAgo = (days: number) => addDays(today, -days);

export async function startRepPlanWorld(engine: Engine): Promise<RepPlanWorld> {
  const server = await startTestServer(engine);
  const leader = await server.as('leader@acme.test');
  const manager1 = await server.as('manager1@acme.test');
  const rep1 = await server.as('rep1@acme.test');
  const db = server.database.db;
  const orgId = server.orgIds.acme;
  const rows = await db
    .insert(segments)
    .values(['A', 'B'].map((code) => ({ orgId, code, name: `Segment ${code}` })))
    .returning();
  const seg = Object.fromEntries(rows.map((r) => [r.code, r.id])) as Record<'A' | 'B', string>;
  await db.insert(segmentNorms).values([
    {
      orgId,
      segmentId: seg.A,
      accountStatus: 'prospect',
      activityType: 'call',
      countPerYear: 12,
    },
    {
      orgId,
      segmentId: seg.A,
      accountStatus: 'prospect',
      activityType: 'meeting',
      countPerYear: 4,
    },
    {
      orgId,
      segmentId: seg.B,
      accountStatus: 'customer',
      activityType: 'meeting',
      countPerYear: 6,
    },
  ]);
  const strategy = await leader.request('PUT', `/api/strategies/${today.slice(0, 4)}`, {
    startMonth: 1,
    targetMinor: 3_000_000_00,
    model: 'territory',
    seasonality: { kind: 'flat' },
    segmentMix: [
      { segmentId: seg.A, shareBasisPoints: 6000 },
      { segmentId: seg.B, shareBasisPoints: 2000 },
    ],
    assignments: [
      { repId: server.ids.rep1, weight: 2 },
      { repId: server.ids.rep2, weight: 1 },
    ],
  });
  expect(strategy.status).toBe(200);
  const account = async (client: Client, name: string, segmentId: string, status: string) =>
    (await client.request('POST', '/api/accounts', { name, segmentId, status })).body.id as string;
  const rep2 = await server.as('rep2@acme.test');
  const accounts = {
    A1: await account(rep1, 'Alpha', seg.A, 'prospect'),
    B1: await account(rep1, 'Beta', seg.B, 'customer'),
    X: await account(rep2, 'Xylo', seg.A, 'prospect'),
    // The history's deals: a customer already, so winning them changes no target account's
    // status (a won deal makes a prospect a customer, and with it its norms).
    H: await account(rep1, 'Gamma', seg.A, 'customer'),
  };
  const stages = Object.fromEntries(
    (await rep1.request('GET', '/api/reference')).body.stages.map(
      (s: { name: string; id: string }) => [s.name, s.id],
    ),
  );
  const deal = (stage: string, amountMinor: number, createdOn: string, closedOn?: string) =>
    rep1.request('POST', '/api/opportunities', {
      name: `${stage} ${amountMinor}`,
      accountId: accounts.H,
      stageId: stages[stage],
      amountMinor,
      createdOn,
      ...(closedOn ? { closedOn } : {}),
    });
  for (const amount of [10_000_00, 20_000_00, 30_000_00])
    await deal('Won', amount, daysAgo(60), daysAgo(20));
  for (const amount of [5_000_00, 7_000_00]) await deal('Lost', amount, daysAgo(90), daysAgo(40));
  for (const days of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 400]) {
    await rep1.request('POST', '/api/activities', {
      type: 'first_meeting',
      status: 'done',
      occursOn: daysAgo(days * 7),
      accountId: accounts.A1,
    });
  }
  return { server, leader, manager1, rep1, seg, accounts };
}

/** rep1's plan for this year on accounts A1 and B1, proposed, signed by both and agreed. */
export async function agreedPlanOf(world: RepPlanWorld): Promise<string> {
  const { rep1, manager1, accounts } = world;
  const plan = (await rep1.request('POST', '/api/rep-plans', { year })).body;
  await rep1.request(
    'PATCH',
    `/api/rep-plans/${plan.id}`,
    { targetAccountIds: [accounts.A1, accounts.B1] },
    { 'if-match': `"${plan.version}"` },
  );
  await rep1.request('POST', `/api/rep-plans/${plan.id}/transitions`, { to: 'proposed' });
  await rep1.request('POST', `/api/rep-plans/${plan.id}/signatures`, { as: 'rep' });
  // The countersignature agrees the plan in the same step.
  const agreed = await manager1.request('POST', `/api/rep-plans/${plan.id}/signatures`, {
    as: 'manager',
  });
  expect(agreed.body.state).toBe('agreed');
  return plan.id;
}
