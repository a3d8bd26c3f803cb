import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  activities,
  opportunities,
  opportunityCloseDateChanges,
  products,
  segments,
  stages,
  territories,
  users,
} from '../../db/schema';
import { addDays } from '../../domain/calendar';
import { OrganisationDashboard } from '../../schemas/dashboards';
import { todayIn } from '../../services/clock';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// GET /api/dashboards/organisation: who sees what, bad filters, and every figure agreeing with
// the opportunity list it opens (the same filters, the same flag SQL).

describe.each(testEngines())('organisation dashboard API on %s', (engine) => {
  let server: TestServer;
  let leader: Client;
  let ids: Record<string, string>;
  let widget = '';
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
    const [product] = await db
      .insert(products)
      .values({ orgId, name: 'Widget', currency: 'EUR' })
      .returning();
    widget = product?.id ?? '';
    const [inA, customer] = await db
      .insert(accounts)
      .values([
        { orgId, name: 'In A', segmentId: segmentA },
        { orgId, name: 'Customer', status: 'customer' },
      ])
      .returning();
    const owners = ['rep1', 'rep2', 'rep3'];
    const deals = owners.flatMap((owner, n) => [
      // Open: one fresh (touched below), one quiet for 60 days (stale).
      { owner, account: inA, product: widget, stage: 'Proposal', created: -5 - n },
      { owner, account: customer, product: null, stage: 'Proposal', created: -60 },
      // Won in the last weeks, n + 1 of them, and one lost.
      ...Array.from({ length: n + 1 }, (_, i) => ({
        owner,
        account: i % 2 === 0 ? inA : customer,
        product: i === 0 ? widget : null,
        stage: 'Won',
        created: -20,
        closed: -2,
      })),
      { owner, account: inA, product: widget, stage: 'Lost', created: -20, closed: -1 },
    ]);
    const inserted = await db
      .insert(opportunities)
      .values(
        deals.map((deal, i) => ({
          orgId,
          name: `deal ${i}`,
          ownerId: ids[deal.owner] ?? '',
          accountId: deal.account?.id ?? null,
          productId: deal.product,
          currency: 'EUR',
          amountMinor: 1000 * (i + 1),
          stageId: stageId(deal.stage),
          createdOn: addDays(today, deal.created),
          closedOn: 'closed' in deal ? addDays(today, deal.closed) : null,
        })),
      )
      .returning();
    const fresh = inserted.filter((_, i) => {
      const deal = deals[i];
      return deal !== undefined && deal.created !== -60 && !('closed' in deal);
    });
    await db.insert(activities).values(
      fresh.map((deal) => ({
        orgId,
        type: 'call',
        status: 'done' as const,
        occursOn: addDays(today, -1),
        ownerId: deal.ownerId,
        accountId: deal.accountId ?? '',
        opportunityId: deal.id,
      })),
    );
    // rep2's fresh deal has slipped three times.
    const slipped = fresh.find((deal) => deal.ownerId === ids.rep2);
    await db.insert(opportunityCloseDateChanges).values(
      [1, 2, 3].map((n) => ({
        orgId,
        opportunityId: slipped?.id ?? '',
        fromDate: addDays(today, n * 10),
        toDate: addDays(today, n * 10 + 5),
        changedOn: addDays(today, -3),
      })),
    );
  });
  afterAll(() => server.close());

  const dashboard = async (client: Client, query = '') => {
    const response = await client.request('GET', `/api/dashboards/organisation?${query}`);
    expect(response.status).toBe(200);
    return OrganisationDashboard.parse(response.body);
  };
  // The list names the dashboard's rep filter by the deal's field, ownerId.
  const listTotal = async (client: Client, query: string) => {
    const path = `/api/opportunities?pageSize=1&${query.replace('repId=', 'ownerId=')}`;
    const response = await client.request('GET', path);
    expect(response.status).toBe(200);
    return response.body.total as number;
  };

  it('shows a leader the whole organisation, per team and per rep', async () => {
    const board = await dashboard(leader);
    expect(board.pipeline).toMatchObject({ openCount: 6, staleCount: 3, slippingCount: 1 });
    expect(board.teams.map((team) => team.id).sort()).toEqual([ids.manager1, ids.manager2].sort());
    expect(board.reps.map((rep) => [rep.id, rep.managerId]).sort()).toEqual(
      [
        [ids.rep1, ids.manager1],
        [ids.rep2, ids.manager1],
        [ids.rep3, ids.manager2],
      ].sort(),
    );
    expect(board.wonBy.customerType.map((row) => row.name)).toEqual([
      'New business',
      'Existing customer',
    ]);
    expect(board.wonBy.customerType.reduce((sum, row) => sum + row.won, 0)).toBe(1 + 2 + 3);
  });

  it("gives a manager their own team only, 404 for another's, and a rep 404", async () => {
    const manager1 = await server.as('manager1@acme.test');
    const board = await dashboard(manager1);
    expect(board.reps.map((rep) => rep.id).sort()).toEqual([ids.rep1, ids.rep2].sort());
    expect(board.pipeline.openCount).toBe(4);
    expect(await dashboard(manager1, `managerId=${ids.manager1}`)).toEqual(board);
    const other = await manager1.request(
      'GET',
      `/api/dashboards/organisation?managerId=${ids.manager2}`,
    );
    expect(other.status).toBe(404);
    const outside = await manager1.request('GET', `/api/dashboards/organisation?repId=${ids.rep3}`);
    expect(outside.status).toBe(404);
    const rep1 = await server.as('rep1@acme.test');
    expect((await rep1.request('GET', '/api/dashboards/organisation')).status).toBe(404);
  });

  it('refuses bad filter values with 400 and the field', async () => {
    for (const [query, field] of [
      ['managerId=nope', 'managerId'],
      ['segmentId=1', 'segmentId'],
      ['from=2026-02-30', 'from'],
      ['from=2026-03-01&to=2026-02-01', 'to'],
    ] as const) {
      const response = await leader.request('GET', `/api/dashboards/organisation?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.issues.map((issue: { field: string }) => issue.field)).toContain(
        `query.${field}`,
      );
    }
  });

  it('agrees with the opportunity list behind each figure, for any filter', async () => {
    const filters = [
      '',
      `managerId=${ids.manager1}`,
      `segmentId=${segmentA}`,
      `territoryId=${north}`,
      `productId=${widget}`,
      `managerId=${ids.manager1}&productId=${widget}`,
      `repId=${ids.rep3}&segmentId=${segmentA}`,
    ];
    for (const filter of filters) {
      const board = await dashboard(leader, filter);
      const { from, to } = board.period;
      const seen = { filter, ...board.pipeline };
      expect(seen).toMatchObject({
        filter,
        staleCount: await listTotal(leader, `status=open&flag=stale&${filter}`),
        slippingCount: await listTotal(leader, `status=open&flag=slipping&${filter}`),
        openCount: await listTotal(leader, `status=open&${filter}`),
      });
      for (const row of board.wonBy.product.filter((row) => row.id !== '')) {
        const query = `status=won&productId=${row.id}&closedFrom=${from}&closedTo=${to}`;
        // A product filter and a product row are the same condition.
        if (filter.includes('productId') && !filter.includes(row.id)) continue;
        expect({ filter, won: row.won }).toEqual({
          filter,
          won: await listTotal(leader, `${query}&${filter.replace(/&?productId=[^&]*/, '')}`),
        });
      }
      const created = board.createdPerMonth.reduce((sum, month) => sum + month.count, 0);
      expect({ filter, created }).toEqual({
        filter,
        created: await listTotal(leader, `createdFrom=${from}&createdTo=${to}&${filter}`),
      });
    }
  });
});
