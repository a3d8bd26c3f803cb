import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { activities, opportunities, products, stages, territories, users } from '../db/schema';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import { createOrganisation } from './organisations';
import { buildReport, type Organisation } from './reports';

// A small hand-made organisation; every expected figure below is worked out by hand.
describe.each(testEngines())('KPI reports (%s)', (engine) => {
  let database: DatabaseHandle;
  let org: Organisation;
  let other: Organisation;
  const today = '2026-03-11';

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    org = await createOrganisation(db, { slug: 'hand', name: 'Hand', currency: 'USD' });
    other = await createOrganisation(db, { slug: 'outliers', name: 'Outliers', currency: 'USD' });
    const stageId = async (orgId: string, name: string) =>
      (await db.select().from(stages).where(eq(stages.orgId, orgId))).find((s) => s.name === name)
        ?.id ?? '';
    const [north, south] = await db
      .insert(territories)
      .values([
        { orgId: org.id, name: 'North' },
        { orgId: org.id, name: 'South' },
      ])
      .returning();
    const [boss] = await db
      .insert(users)
      .values({ orgId: org.id, email: 'm1@hand.test', name: 'M1', role: 'manager' })
      .returning();
    const [ann, bob] = await db
      .insert(users)
      .values([
        {
          orgId: org.id,
          email: 'ann@hand.test',
          name: 'Ann',
          role: 'rep',
          managerId: boss?.id,
          territoryId: north?.id,
        },
        {
          orgId: org.id,
          email: 'bob@hand.test',
          name: 'Bob',
          role: 'rep',
          managerId: boss?.id,
          territoryId: south?.id,
        },
      ])
      .returning();
    const [p1, p2] = await db
      .insert(products)
      .values([
        { orgId: org.id, name: 'P1', currency: 'USD' },
        { orgId: org.id, name: 'P2', currency: 'USD' },
      ])
      .returning();
    const deal = async (
      owner: string,
      product: string,
      stage: string,
      amountMinor: number,
      createdOn: string,
      closedOn: string | null,
    ) =>
      db.insert(opportunities).values({
        orgId: org.id,
        name: `${stage} ${createdOn}`,
        ownerId: owner,
        productId: product,
        amountMinor,
        currency: 'USD',
        stageId: await stageId(org.id, stage),
        createdOn,
        closedOn,
      });
    const a = ann?.id ?? '';
    const b = bob?.id ?? '';
    await deal(a, p1?.id ?? '', 'Won', 100_00, '2026-01-01', '2026-01-11');
    await deal(a, p1?.id ?? '', 'Won', 300_00, '2026-01-01', '2026-01-31');
    await deal(a, p2?.id ?? '', 'Lost', 50_00, '2026-01-01', '2026-02-01');
    await deal(b, p1?.id ?? '', 'Lost', 0, '2026-02-01', '2026-02-10');
    await deal(b, p2?.id ?? '', 'Won', 200_01, '2026-02-01', '2026-02-21');
    await deal(b, p1?.id ?? '', 'Proposal', 1000_00, '2026-03-01', null);
    await deal(a, p1?.id ?? '', 'Prospecting', 500_00, '2026-02-19', null);
    await db.insert(activities).values([
      {
        orgId: org.id,
        type: 'call',
        status: 'done',
        occursOn: '2026-03-09',
        ownerId: a,
        accountId: await account(org.id),
      },
      {
        orgId: org.id,
        type: 'call',
        status: 'planned',
        occursOn: '2026-03-10',
        ownerId: a,
        accountId: await account(org.id),
      },
    ]);

    // Outliers: X wins 9 of 10 on the product, Y wins 1 of 10. Pooled p = 0.5, so
    // z = (0.9 − 0.1) / sqrt(0.25 · (1/10 + 1/10)) = 0.8 / sqrt(0.05) = 3.5777…
    const [x, y] = await db
      .insert(users)
      .values([
        { orgId: other.id, email: 'x@outliers.test', name: 'X', role: 'rep' },
        { orgId: other.id, email: 'y@outliers.test', name: 'Y', role: 'rep' },
      ])
      .returning();
    const [widget] = await db
      .insert(products)
      .values({ orgId: other.id, name: 'Widget', currency: 'USD' })
      .returning();
    const won = await stageId(other.id, 'Won');
    const lost = await stageId(other.id, 'Lost');
    await db.insert(opportunities).values(
      Array.from({ length: 20 }, (_, i) => ({
        orgId: other.id,
        name: `deal ${i}`,
        ownerId: (i < 10 ? x : y)?.id ?? '',
        productId: widget?.id ?? '',
        amountMinor: 100,
        currency: 'USD',
        stageId: (i < 10 ? i < 9 : i === 10) ? won : lost,
        createdOn: '2026-01-01',
        closedOn: '2026-01-02',
      })),
    );
  });
  afterAll(async () => database.close());

  async function account(orgId: string) {
    const { accounts } = await import('../db/schema');
    const [row] = await database.db
      .insert(accounts)
      .values({ orgId, name: `Account ${Math.random()}` })
      .returning();
    return row?.id ?? '';
  }

  it('computes win rates, won revenue, average won deal and median cycle per rep and per manager', async () => {
    expect(await buildReport(database.db, org, { kind: 'win-rates', by: 'rep', today })).toEqual([
      {
        key: 'Ann',
        won: 2,
        lost: 1,
        winRate: 2 / 3,
        wonRevenue: 400_00,
        averageWonDeal: 200_00,
        medianCycleDays: 20,
      },
      {
        key: 'Bob',
        won: 1,
        lost: 1,
        winRate: 0.5,
        wonRevenue: 200_01,
        averageWonDeal: 200_01,
        medianCycleDays: 20,
      },
    ]);
    expect(
      await buildReport(database.db, org, { kind: 'win-rates', by: 'manager', today }),
    ).toEqual([
      {
        key: 'M1',
        won: 3,
        lost: 2,
        winRate: 0.6,
        wonRevenue: 600_01,
        averageWonDeal: 200_00,
        medianCycleDays: 20,
      },
    ]);
    const february = { from: '2026-02-01', to: '2026-02-28' };
    expect(
      await buildReport(database.db, org, {
        kind: 'win-rates',
        by: 'territory',
        period: february,
        today,
      }),
    ).toEqual([
      {
        key: 'North',
        won: 0,
        lost: 1,
        winRate: 0,
        wonRevenue: 0,
        averageWonDeal: null,
        medianCycleDays: null,
      },
      {
        key: 'South',
        won: 1,
        lost: 1,
        winRate: 0.5,
        wonRevenue: 200_01,
        averageWonDeal: 200_01,
        medianCycleDays: 20,
      },
    ]);
  });

  it('summarises the open pipeline per rep, weighted by stage probability', async () => {
    const stage = (name: string, count = 0, value = 0) => ({ stage: name, count, value });
    expect(await buildReport(database.db, org, { kind: 'pipeline', by: 'rep', today })).toEqual([
      {
        key: 'Ann',
        openCount: 1,
        openValue: 500_00,
        weightedValue: 50_00,
        averageAgeDays: 20,
        byStage: [
          stage('Prospecting', 1, 500_00),
          stage('Qualification'),
          stage('Proposal'),
          stage('Negotiation'),
        ],
      },
      {
        key: 'Bob',
        openCount: 1,
        openValue: 1000_00,
        weightedValue: 500_00,
        averageAgeDays: 10,
        byStage: [
          stage('Prospecting'),
          stage('Qualification'),
          stage('Proposal', 1, 1000_00),
          stage('Negotiation'),
        ],
      },
    ]);
  });

  it('finds conversion outliers by the pooled two-proportion z-test', async () => {
    const rows = await buildReport(database.db, other, { kind: 'outliers', today });
    const z = 0.8 / Math.sqrt(0.05);
    expect(rows).toEqual([
      {
        rep: 'X',
        product: 'Widget',
        won: 9,
        closed: 10,
        restWon: 1,
        restClosed: 10,
        winRate: 0.9,
        restWinRate: 0.1,
        z: expect.closeTo(z, 12),
      },
      {
        rep: 'Y',
        product: 'Widget',
        won: 1,
        closed: 10,
        restWon: 9,
        restClosed: 10,
        winRate: 0.1,
        restWinRate: 0.9,
        z: expect.closeTo(-z, 12),
      },
    ]);
    expect(await buildReport(database.db, org, { kind: 'outliers', today })).toEqual([]);
  });

  it('reports won revenue to date and planned against done activities', async () => {
    expect(await buildReport(database.db, org, { kind: 'attainment', today })).toEqual([
      { key: 'Hand', wonToDate: 600_01, targetToDate: 0, attainment: null, gap: -600_01 },
    ]);
    expect(await buildReport(database.db, org, { kind: 'activity', by: 'rep', today })).toEqual([
      { key: 'Ann', activityType: 'call', planned: 2, done: 1, ratio: 0.5 },
    ]);
  });
});
