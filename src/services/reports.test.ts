import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import {
  activities,
  exchangeRates,
  opportunities,
  products,
  stages,
  strategies,
  strategyAssignments,
  territories,
  users,
} from '../db/schema';
import { minorUnitRate } from '../domain/exchange-rates';
import { currencyFractionDigits } from '../domain/money-format';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import { createOrganisation } from './organisations';
import { buildReport, type Organisation } from './reports';

// A small hand-made organisation; every expected figure below is worked out by hand.
describe.each(testEngines())('KPI reports (%s)', (engine) => {
  let database: DatabaseHandle;
  let org: Organisation;
  let other: Organisation;
  const ids: Record<string, string> = {};
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
    Object.assign(ids, {
      ann: a,
      bob: b,
      boss: boss?.id ?? '',
      north: north?.id ?? '',
      south: south?.id ?? '',
      p1: p1?.id ?? '',
    });
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
    ids.x = x?.id ?? '';
    ids.y = y?.id ?? '';
    const [widget] = await db
      .insert(products)
      .values({ orgId: other.id, name: 'Widget', currency: 'USD' })
      .returning();
    ids.widget = widget?.id ?? '';
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
        id: ids.ann,
        name: 'Ann',
        won: 2,
        lost: 1,
        winRate: 2 / 3,
        wonRevenue: 400_00,
        averageWonDeal: 200_00,
        medianCycleDays: 20,
        unconverted: [],
      },
      {
        id: ids.bob,
        name: 'Bob',
        won: 1,
        lost: 1,
        winRate: 0.5,
        wonRevenue: 200_01,
        averageWonDeal: 200_01,
        medianCycleDays: 20,
        unconverted: [],
      },
    ]);
    expect(
      await buildReport(database.db, org, { kind: 'win-rates', by: 'manager', today }),
    ).toEqual([
      {
        id: ids.boss,
        name: 'M1',
        won: 3,
        lost: 2,
        winRate: 0.6,
        wonRevenue: 600_01,
        averageWonDeal: 200_00,
        medianCycleDays: 20,
        unconverted: [],
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
        id: ids.north,
        name: 'North',
        won: 0,
        lost: 1,
        winRate: 0,
        wonRevenue: 0,
        averageWonDeal: null,
        medianCycleDays: null,
        unconverted: [],
      },
      {
        id: ids.south,
        name: 'South',
        won: 1,
        lost: 1,
        winRate: 0.5,
        wonRevenue: 200_01,
        averageWonDeal: 200_01,
        medianCycleDays: 20,
        unconverted: [],
      },
    ]);
  });

  it('summarises the open pipeline per rep, weighted by stage probability', async () => {
    const stage = (name: string, count = 0, value = 0) => ({ stage: name, count, value });
    expect(await buildReport(database.db, org, { kind: 'pipeline', by: 'rep', today })).toEqual([
      {
        id: ids.ann,
        name: 'Ann',
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
        unconverted: [],
      },
      {
        id: ids.bob,
        name: 'Bob',
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
        unconverted: [],
      },
    ]);
  });

  it('finds conversion outliers by the pooled two-proportion z-test', async () => {
    const rows = await buildReport(database.db, other, { kind: 'outliers', today });
    const z = 0.8 / Math.sqrt(0.05);
    expect(rows).toEqual([
      {
        repId: ids.x,
        rep: 'X',
        productId: ids.widget,
        product: 'Widget',
        direction: 'above',
        won: 9,
        closed: 10,
        restWon: 1,
        restClosed: 10,
        winRate: 0.9,
        restWinRate: 0.1,
        z: expect.closeTo(z, 12),
      },
      {
        repId: ids.y,
        rep: 'Y',
        productId: ids.widget,
        product: 'Widget',
        direction: 'below',
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

  it('finds outliers only among the deals closed in the period', async () => {
    const january = { from: '2026-01-01', to: '2026-01-31' };
    const february = { from: '2026-02-01', to: '2026-02-28' };
    const inJanuary = await buildReport(database.db, other, {
      kind: 'outliers',
      period: january,
      today,
    });
    expect(inJanuary.map((row) => [row.rep, row.direction])).toEqual([
      ['X', 'above'],
      ['Y', 'below'],
    ]);
    // Every deal closed on 2 January: February has no closed deal, so no outlier.
    expect(
      await buildReport(database.db, other, { kind: 'outliers', period: february, today }),
    ).toEqual([]);
  });

  it('reports won revenue to date and planned against done activities', async () => {
    expect(await buildReport(database.db, org, { kind: 'attainment', today })).toEqual([
      {
        id: org.id,
        name: 'Hand',
        wonToDate: 600_01,
        targetToDate: 0,
        attainment: null,
        gap: -600_01,
        unconverted: [],
      },
    ]);
    expect(await buildReport(database.db, org, { kind: 'activity', by: 'rep', today })).toEqual([
      { id: ids.ann, name: 'Ann', activityType: 'call', planned: 2, done: 1, ratio: 0.5 },
    ]);
  });
});

// A EUR organisation with deals in JPY (0 decimals), USD, BHD (3 decimals) and CHF (no rate),
// two reps both named Sam, and a strategy cascaded to them: the review's probe (won ¥1,000,000
// and $10,000 reported as €20,000) and every figure below worked by hand.
describe.each(testEngines())('KPI reports in a mixed-currency organisation (%s)', (engine) => {
  let database: DatabaseHandle;
  let org: Organisation;
  const today = '2026-03-11';
  let sams: [string, string];
  let zoe: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    org = await createOrganisation(db, { slug: 'mixed', name: 'Mixed', currency: 'EUR' });
    const rows = await db
      .insert(users)
      .values([
        { orgId: org.id, email: 'sam1@mixed.test', name: 'Sam', role: 'rep' },
        { orgId: org.id, email: 'sam2@mixed.test', name: 'Sam', role: 'rep' },
        { orgId: org.id, email: 'zoe@mixed.test', name: 'Zoe', role: 'rep' },
      ])
      .returning();
    zoe = rows[2]?.id ?? '';
    sams = rows
      .slice(0, 2)
      .map((row) => row.id)
      .sort() as [string, string];
    const [first, second] = sams;
    const orgStages = await db.select().from(stages).where(eq(stages.orgId, org.id));
    const stageId = (name: string) => orgStages.find((s) => s.name === name)?.id ?? '';
    const rate = (currency: string, month: string, value: string) => ({
      orgId: org.id,
      currency,
      month,
      rate: value,
      minorUnitRate: minorUnitRate(value, currencyFractionDigits(currency), 2),
    });
    await db
      .insert(exchangeRates)
      .values([
        rate('JPY', '2026-01-01', '0.006'),
        rate('USD', '2026-01-01', '0.9'),
        rate('USD', '2026-03-01', '0.95'),
        rate('BHD', '2026-01-01', '2.4'),
      ]);
    const deal = (
      ownerId: string,
      currency: string,
      amountMinor: number,
      stage: string,
      closedOn: string | null,
    ) => ({
      orgId: org.id,
      name: `${currency} ${amountMinor}`,
      ownerId,
      amountMinor,
      currency,
      stageId: stageId(stage),
      createdOn: '2025-12-01',
      closedOn,
    });
    await db.insert(opportunities).values([
      // ¥1,000,000 at January's 0.006 carried into February: €6,000.
      deal(first, 'JPY', 1_000_000, 'Won', '2026-02-10'),
      // No CHF rate: left out of the money and counted.
      deal(first, 'CHF', 50_000, 'Won', '2026-02-01'),
      // Open: this month's USD rate, 0.95: $1,000 is €950.
      deal(first, 'USD', 100_000, 'Prospecting', null),
      // $10,000 at 0.9: €9,000.
      deal(second, 'USD', 1_000_000, 'Won', '2026-02-15'),
      // BHD 1.234 = 1,234 fils at 0.24 cent each = 296.16 cents: €2.96.
      deal(second, 'BHD', 1_234, 'Won', '2026-03-01'),
      // December 2025 is before the first USD rate: no rate.
      deal(second, 'USD', 200_00, 'Won', '2025-12-20'),
    ]);
    await db.insert(strategies).values({
      orgId: org.id,
      fiscalYear: 2026,
      startMonth: 1,
      targetMinor: 18_000_000,
      currency: 'EUR',
      model: 'territory',
    });
    await db.insert(strategyAssignments).values([
      { orgId: org.id, fiscalYear: 2026, repId: first },
      { orgId: org.id, fiscalYear: 2026, repId: second },
      { orgId: org.id, fiscalYear: 2026, repId: zoe },
    ]);
  });
  afterAll(async () => database.close());

  it('converts each deal at its close month, leaves deals without a rate out and counts them, one row per rep id', async () => {
    const [first, second] = sams;
    expect(await buildReport(database.db, org, { kind: 'win-rates', by: 'rep', today })).toEqual([
      {
        id: first,
        name: 'Sam',
        won: 2,
        lost: 0,
        winRate: 1,
        wonRevenue: 600_000,
        averageWonDeal: 600_000,
        medianCycleDays: expect.any(Number),
        unconverted: [{ currency: 'CHF', count: 1, amountMinor: 50_000 }],
      },
      {
        id: second,
        name: 'Sam',
        won: 3,
        lost: 0,
        winRate: 1,
        wonRevenue: 900_296,
        // Over the two won deals with a rate: 900,296 / 2.
        averageWonDeal: 450_148,
        medianCycleDays: expect.any(Number),
        unconverted: [{ currency: 'USD', count: 1, amountMinor: 200_00 }],
      },
    ]);
    const [everyone] = await buildReport(database.db, org, {
      kind: 'win-rates',
      by: 'manager',
      today,
    });
    // €6,000 + €9,000 + €2.96, never €20,000.
    expect(everyone).toMatchObject({ name: '(no manager)', wonRevenue: 1_500_296 });
  });

  it('values the open pipeline at this month’s rate', async () => {
    const [pipeline] = await buildReport(database.db, org, { kind: 'pipeline', today });
    expect(pipeline).toMatchObject({
      id: sams[0],
      openCount: 1,
      openValue: 95_000,
      weightedValue: 9_500,
      unconverted: [],
    });
  });

  it("measures each rep's attainment against the rep's cascaded target", async () => {
    const [first, second] = sams;
    // €180,000 split equally: €60,000 each, €5,000 a month; to 11 March: 2 + 11/31 months.
    // Zoe has a target and no deal: she is listed, behind by all of it.
    const targetToDate = Math.round(500_000 * (2 + 11 / 31));
    expect(await buildReport(database.db, org, { kind: 'attainment', by: 'rep', today })).toEqual([
      {
        id: first,
        name: 'Sam',
        wonToDate: 600_000,
        targetToDate,
        attainment: 600_000 / targetToDate,
        gap: targetToDate - 600_000,
        unconverted: [{ currency: 'CHF', count: 1, amountMinor: 50_000 }],
      },
      {
        id: second,
        name: 'Sam',
        wonToDate: 900_296,
        targetToDate,
        attainment: 900_296 / targetToDate,
        gap: targetToDate - 900_296,
        unconverted: [],
      },
      {
        id: zoe,
        name: 'Zoe',
        wonToDate: 0,
        targetToDate,
        attainment: 0,
        gap: targetToDate,
        unconverted: [],
      },
    ]);
  });
});
