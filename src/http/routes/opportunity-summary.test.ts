import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealPlans, exchangeRates, opportunities, organisations, stages } from '../../db/schema';
import { addDays } from '../../domain/calendar';
import type { StageKind } from '../../domain/opportunity';
import { todayIn } from '../../services/clock';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// The deal list as a pipeline view: its summary of every deal the filters keep (count, value,
// weighted value, in the organisation's currency, as the dashboards convert), the overdue flag,
// and the plan filter.

describe.each(testEngines())('opportunity summary and plan filters on %s', (engine) => {
  let server: TestServer;
  let leader: Client;
  const deal: Record<string, string> = {};
  const today = todayIn('UTC');

  beforeAll(async () => {
    server = await startTestServer(engine);
    const { ids } = server;
    leader = await server.as('leader@acme.test');
    const db = server.database.db;
    const orgId = server.orgIds.acme;
    await db.update(organisations).set({ currency: 'EUR' }).where(eq(organisations.id, orgId));
    const orgStages = await db.select().from(stages).where(eq(stages.orgId, orgId));
    const stage = (kind: StageKind) => {
      const found = orgStages
        .filter((s) => s.kind === kind)
        .sort((a, b) => b.probabilityPercent - a.probabilityPercent)[0];
      if (!found) throw new Error(`no ${kind} stage`);
      return found;
    };
    const open = stage('open');
    // 1 USD = 0.5 EUR from this month: a USD open deal converts at half its amount.
    await db.insert(exchangeRates).values({
      orgId,
      currency: 'USD',
      month: `${today.slice(0, 7)}-01`,
      rate: '0.5',
      minorUnitRate: '0.5',
    });
    const rows = [
      { key: 'eur', owner: 'rep1', currency: 'EUR', amount: 10_000, stageId: open.id, close: 30 },
      { key: 'usd', owner: 'rep1', currency: 'USD', amount: 3_001, stageId: open.id, close: -2 },
      { key: 'chf', owner: 'rep2', currency: 'CHF', amount: 7_000, stageId: open.id, close: 10 },
      { key: 'won', owner: 'rep3', currency: 'EUR', amount: 5_000, stageId: stage('won').id },
    ];
    for (const row of rows) {
      const [inserted] = await db
        .insert(opportunities)
        .values({
          orgId,
          name: row.key,
          ownerId: ids[row.owner] ?? '',
          currency: row.currency,
          amountMinor: row.amount,
          stageId: row.stageId,
          createdOn: addDays(today, -20),
          expectedCloseOn: row.close === undefined ? null : addDays(today, row.close),
          closedOn: row.close === undefined ? addDays(today, -1) : null,
        })
        .returning();
      deal[row.key] = inserted?.id ?? '';
    }
    // An empty plan on the EUR deal: its checks find errors (no objective, no buying influence).
    await db.insert(dealPlans).values({ orgId, opportunityId: deal.eur ?? '' });
  });
  afterAll(() => server.close());

  const summary = async (client: Client, query = '') => {
    const response = await client.request('GET', `/api/opportunities/summary?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const names = async (client: Client, query: string) => {
    const response = await client.request('GET', `/api/opportunities?sort=name&${query}`);
    expect(response.status).toBe(200);
    return response.body.items.map((item: { name: string }) => item.name);
  };

  it('adds up the open deals in the organisation currency, leaving out those without a rate', async () => {
    const openStage = (await server.database.db.select().from(stages)).find(
      (s) => s.orgId === server.orgIds.acme && s.kind === 'open',
    );
    expect(openStage).toBeDefined();
    const body = await summary(leader, 'status=open');
    const probability = (
      await server.database.db
        .select()
        .from(opportunities)
        .innerJoin(stages, eq(stages.id, opportunities.stageId))
        .where(eq(opportunities.id, deal.eur ?? ''))
    )[0]?.stages.probabilityPercent;
    // €100.00 + $30.01 at 0.5 = €15.005, rounded half up per deal to €15.01.
    const converted = [10_000, 1_501];
    expect(body).toEqual({
      count: 3,
      currency: 'EUR',
      valueMinor: 11_501,
      weightedValueMinor: Math.round(
        converted.reduce((sum, amount) => sum + amount * ((probability ?? 0) / 100), 0),
      ),
      unconverted: [{ currency: 'CHF', count: 1, amountMinor: 7_000 }],
    });
  });

  it("agrees with the pipeline report's open value and weighted value for the same deals", async () => {
    const manager = await server.as('manager1@acme.test');
    const [team] = (await manager.request('GET', '/api/reports/pipeline?by=manager')).body;
    const body = await summary(manager, 'status=open');
    expect(body.count).toBe(team.openCount);
    expect(body.valueMinor).toBe(team.openValue);
    expect(body.weightedValueMinor).toBe(team.weightedValue);
    expect(body.unconverted).toEqual(team.unconverted);
  });

  it("keeps a rep's summary to their own deals and follows the list's filters", async () => {
    const rep1 = await server.as('rep1@acme.test');
    expect(await summary(rep1)).toMatchObject({ count: 2, valueMinor: 11_501, unconverted: [] });
    expect(await summary(leader, 'status=won')).toMatchObject({ count: 1, valueMinor: 5_000 });
    expect(await summary(leader, 'q=nothing-matches')).toEqual({
      count: 0,
      currency: 'EUR',
      valueMinor: 0,
      weightedValueMinor: 0,
      unconverted: [],
    });
  });

  it('lists the overdue open deals, as the summary counts them', async () => {
    expect(await names(leader, 'flag=overdue')).toEqual(['usd']);
    expect((await summary(leader, 'flag=overdue')).count).toBe(1);
  });

  it('filters by plan: with a plan, without one, and plans with an error finding', async () => {
    expect(await names(leader, 'plan=with-plan')).toEqual(['eur']);
    expect(await names(leader, 'plan=without-plan')).toEqual(['chf', 'usd', 'won']);
    const health = await leader.request('GET', `/api/deal-plans/health?ids=${deal.eur}`);
    expect(health.body.items[0].error).toBeGreaterThan(0);
    expect(await names(leader, 'plan=plan-errors')).toEqual(['eur']);
    expect(await names(leader, 'plan=plan-errors&status=won')).toEqual([]);
    expect((await summary(leader, 'plan=plan-errors')).count).toBe(1);
    // The CSV export keeps the same rows: its header and the one deal.
    const csv = await fetch(
      new URL('/api/opportunities?plan=plan-errors&csv=plain', server.baseUrl),
      {
        headers: { cookie: leader.cookie ?? '' },
      },
    );
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',eur,');
  });

  it('refuses an unknown plan filter or flag with the field (400)', async () => {
    for (const [query, field] of [
      ['plan=some', 'plan'],
      ['flag=late', 'flag'],
    ] as const) {
      const response = await leader.request('GET', `/api/opportunities/summary?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.error.issues)).toContain(field);
    }
  });

  it('answers 401 when signed out', async () => {
    expect((await server.anonymous.request('GET', '/api/opportunities/summary')).status).toBe(401);
  });
});
