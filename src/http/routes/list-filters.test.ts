import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  activities,
  opportunities,
  opportunityCloseDateChanges,
  segments,
  stages,
  territories,
  users,
} from '../../db/schema';
import { addDays } from '../../domain/calendar';
import { todayIn } from '../../services/clock';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// The opportunity and activity lists' drill-down filters (team, segment, territory, creation
// period, pipeline flag), each combined with the others and with the caller's scope.

describe.each(testEngines())('opportunity and activity list filters on %s', (engine) => {
  let server: TestServer;
  let leader: Client;
  let ids: Record<string, string>;
  const deal: Record<string, string> = {};
  let segmentA = '';
  let north = '';
  const today = todayIn('UTC');

  beforeAll(async () => {
    server = await startTestServer(engine);
    ids = server.ids;
    leader = await server.as('leader@acme.test');
    const db = server.database.db;
    const orgId = server.orgIds.acme;
    const orgStages = await db.select().from(stages).where(eq(stages.orgId, orgId));
    const stageId = (name: string) => orgStages.find((s) => s.name === name)?.id ?? '';
    const [segment] = await db
      .insert(segments)
      .values({ orgId, code: 'A', name: 'Segment A' })
      .returning();
    segmentA = segment?.id ?? '';
    const [territory] = await db.insert(territories).values({ orgId, name: 'North' }).returning();
    north = territory?.id ?? '';
    await db
      .update(users)
      .set({ territoryId: north })
      .where(eq(users.id, ids.rep2 ?? ''));
    const [inA, other] = await db
      .insert(accounts)
      .values([
        { orgId, name: 'In A', segmentId: segmentA },
        { orgId, name: 'No segment' },
      ])
      .returning();
    const rows = [
      // rep1 (manager1): fresh open deal in segment A, created 10 days ago.
      { key: 'fresh', owner: 'rep1', account: inA, stage: 'Proposal', created: -10 },
      // rep1: open, created 60 days ago, no activity: stale.
      { key: 'quiet', owner: 'rep1', account: other, stage: 'Proposal', created: -60 },
      // rep2 (manager1, North): open, touched 5 days ago but past its expected close: stale; slipping.
      { key: 'late', owner: 'rep2', account: inA, stage: 'Proposal', created: -40, close: -1 },
      // rep3 (manager2): won in segment A.
      { key: 'won', owner: 'rep3', account: inA, stage: 'Won', created: -50, closed: -3 },
    ];
    for (const row of rows) {
      const [inserted] = await db
        .insert(opportunities)
        .values({
          orgId,
          name: row.key,
          ownerId: ids[row.owner] ?? '',
          accountId: row.account?.id ?? null,
          currency: 'EUR',
          amountMinor: 1000,
          stageId: stageId(row.stage),
          createdOn: addDays(today, row.created),
          expectedCloseOn: row.close === undefined ? null : addDays(today, row.close),
          closedOn: row.closed === undefined ? null : addDays(today, row.closed),
        })
        .returning();
      deal[row.key] = inserted?.id ?? '';
    }
    await db.insert(activities).values(
      ['fresh', 'late'].map((key) => ({
        orgId,
        type: 'call',
        status: 'done' as const,
        occursOn: addDays(today, -5),
        ownerId: ids[key === 'fresh' ? 'rep1' : 'rep2'] ?? '',
        accountId: (key === 'fresh' ? inA : inA)?.id ?? '',
        opportunityId: deal[key] ?? null,
      })),
    );
    await db.insert(opportunityCloseDateChanges).values(
      [-30, -20, -10].map((from) => ({
        orgId,
        opportunityId: deal.late ?? '',
        fromDate: addDays(today, from),
        toDate: addDays(today, from + 5),
        changedOn: addDays(today, -20),
      })),
    );
  });
  afterAll(() => server.close());

  const names = async (client: Client, query: string) => {
    const response = await client.request('GET', `/api/opportunities?sort=name&${query}`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(response.body.items.length);
    return response.body.items.map((item: { name: string }) => item.name);
  };

  it('filters by team, segment, territory and creation period, combined', async () => {
    expect(await names(leader, `managerId=${ids.manager1}`)).toEqual(['fresh', 'late', 'quiet']);
    expect(await names(leader, `managerId=${ids.manager2}`)).toEqual(['won']);
    expect(await names(leader, `segmentId=${segmentA}`)).toEqual(['fresh', 'late', 'won']);
    expect(await names(leader, `territoryId=${north}`)).toEqual(['late']);
    expect(await names(leader, `managerId=${ids.manager1}&segmentId=${segmentA}`)).toEqual([
      'fresh',
      'late',
    ]);
    expect(
      await names(leader, `createdFrom=${addDays(today, -45)}&createdTo=${addDays(today, -10)}`),
    ).toEqual(['fresh', 'late']);
  });

  it('lists the stale and the slipping open deals as the pipeline flags define them', async () => {
    expect(await names(leader, 'flag=stale')).toEqual(['late', 'quiet']);
    expect(await names(leader, 'flag=slipping')).toEqual(['late']);
    expect(await names(leader, `flag=stale&segmentId=${segmentA}`)).toEqual(['late']);
  });

  it("keeps a rep's list to their own deals and a manager's to their team, whatever the filter", async () => {
    const rep1 = await server.as('rep1@acme.test');
    expect(await names(rep1, `managerId=${ids.manager1}`)).toEqual(['fresh', 'quiet']);
    expect(await names(rep1, `managerId=${ids.manager2}`)).toEqual([]);
    const manager2 = await server.as('manager2@acme.test');
    expect(await names(manager2, `segmentId=${segmentA}`)).toEqual(['won']);
  });

  it('refuses a filter that is no id, date or flag (400 with the field)', async () => {
    for (const [query, field] of [
      ['managerId=nope', 'managerId'],
      ['createdFrom=2026-13-01', 'createdFrom'],
      ['flag=sleepy', 'flag'],
    ] as const) {
      const response = await leader.request('GET', `/api/opportunities?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.error.issues)).toContain(field);
    }
  });

  it("lists a team's activities by the owner's manager", async () => {
    const team1 = await leader.request('GET', `/api/activities?managerId=${ids.manager1}`);
    expect(team1.body.total).toBe(2);
    const team2 = await leader.request('GET', `/api/activities?managerId=${ids.manager2}`);
    expect(team2.body).toEqual({ items: [], total: 0, totalIsEstimate: false, nextCursor: null });
    const bad = await leader.request('GET', '/api/activities?managerId=x');
    expect(bad.status).toBe(400);
  });

  it("keeps the team filter on activities within the caller's own scope", async () => {
    const ownerIds = async (client: Client, query: string) => {
      const response = await client.request('GET', `/api/activities?${query}`);
      return response.body.items.map((item: { ownerId: string }) => item.ownerId).sort();
    };
    const rep1 = await server.as('rep1@acme.test');
    expect(await ownerIds(rep1, `managerId=${ids.manager1}`)).toEqual([ids.rep1]);
    expect(await ownerIds(rep1, `managerId=${ids.manager2}`)).toEqual([]);
    const manager1 = await server.as('manager1@acme.test');
    expect(await ownerIds(manager1, `managerId=${ids.manager1}`)).toEqual(
      [ids.rep1, ids.rep2].sort(),
    );
    expect(await ownerIds(manager1, `managerId=${ids.manager2}`)).toEqual([]);
  });
});
