import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../db/client';
import * as schema from '../../db/schema';
import { sumConvertedBy } from '../../db/queries/money';
import { ConflictError } from '../../domain/errors';
import { describeUnconverted, minorUnitRate } from '../../domain/exchange-rates';
import { currencyFractionDigits } from '../../domain/money-format';
import type { Actor } from '../authorization';
import { DEMO_CURRENCY } from './generate';
import { listExchangeRates } from '../exchange-rates';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import { verifyPassword } from '../passwords';
import {
  DEMO_PASSWORD,
  DEMO_TIME_ZONE,
  type DemoSummary,
  demoSignIns,
  hasDemoOrganisation,
  loadDemoData,
} from './load';

const anchorDate = '2026-11-25';

const tables = {
  territories: schema.territories,
  users: schema.users,
  segments: schema.segments,
  segmentNorms: schema.segmentNorms,
  products: schema.products,
  accounts: schema.accounts,
  contacts: schema.contacts,
  opportunities: schema.opportunities,
  opportunityStageChanges: schema.opportunityStageChanges,
  opportunityCloseDateChanges: schema.opportunityCloseDateChanges,
  activities: schema.activities,
  exchangeRates: schema.exchangeRates,
} satisfies Record<keyof DemoSummary['counts'], unknown>;

function opportunitiesInOrder(db: Database) {
  const { opportunities: o, stages } = schema;
  return db
    .select({
      id: o.id,
      externalId: o.externalId,
      amountMinor: o.amountMinor,
      currency: o.currency,
      createdOn: o.createdOn,
      expectedCloseOn: o.expectedCloseOn,
      closedOn: o.closedOn,
      stage: stages.name,
    })
    .from(o)
    .innerJoin(stages, eq(stages.id, o.stageId))
    .orderBy(asc(o.externalId));
}

describe.each(testEngines())('loadDemoData on %s', (engine) => {
  let handle: DatabaseHandle;
  let summary: DemoSummary;
  let existedBefore: boolean;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    existedBefore = await hasDemoOrganisation(handle.db);
    summary = await loadDemoData(handle.db, { anchorDate });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('stores every row it reports, in the demo organisation', async () => {
    expect(existedBefore).toBe(false);
    expect(await hasDemoOrganisation(handle.db)).toBe(true);
    const stored = Object.fromEntries(
      await Promise.all(
        Object.entries(tables).map(async ([name, table]) => [
          name,
          await handle.db.$count(table, eq(table.orgId, summary.organisationId)),
        ]),
      ),
    );
    // Deal plans name a few more buying influences than the generated contacts.
    const { contacts: storedContacts, ...storedRest } = stored;
    const { contacts: generatedContacts, ...generatedRest } = summary.counts;
    expect(storedRest).toEqual(generatedRest);
    expect(storedContacts).toBeGreaterThanOrEqual(generatedContacts);
    expect(summary.dealPlanOpportunityIds).toHaveLength(5);
    expect(summary.counts).toMatchObject({ users: 20, accounts: 600, products: 8 });
    expect(summary.signIns).toHaveLength(demoSignIns.length);
  });

  it('closes exactly the opportunities in a won or lost stage', async () => {
    const { opportunities: o, stages } = schema;
    const [mismatched] = await handle.db
      .select({ count: count() })
      .from(o)
      .innerJoin(stages, and(eq(stages.orgId, o.orgId), eq(stages.id, o.stageId)))
      .where(sql`(${stages.kind} = 'open') <> (${o.closedOn} is null)`);
    expect(mismatched).toEqual({ count: 0 });
  });

  it('lets every demo user sign in with the demo password', async () => {
    const users = await handle.db
      .select({ email: schema.users.email, passwordHash: schema.users.passwordHash })
      .from(schema.users);
    expect(users.map((u) => u.email).sort()).toEqual(demoSignIns.map((s) => s.email).sort());
    for (const user of users) {
      expect(await verifyPassword(user.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
    }
    expect(await verifyPassword(users[0]?.passwordHash ?? '', 'wrong-password')).toBe(false);
  });

  it('gives every rep more new opportunities a month in March and Q4 than in summer', async () => {
    const { opportunities: o, users } = schema;
    const month = sql<string>`to_char(${o.createdOn}, 'YYYY-MM')`;
    const rows = await handle.db
      .select({ email: users.email, month, created: count() })
      .from(o)
      .innerJoin(users, and(eq(users.orgId, o.orgId), eq(users.id, o.ownerId)))
      .groupBy(users.email, month);
    const average = (email: string, months: number[]) => {
      const mine = rows.filter(
        (r) => r.email === email && months.includes(Number(r.month.slice(5))),
      );
      return mine.reduce((sum, r) => sum + r.created, 0) / mine.length;
    };
    const reps = demoSignIns.filter((s) => s.role === 'rep');
    const flat = reps.filter(
      (rep) => average(rep.email, [3, 10, 11]) <= 1.2 * average(rep.email, [7, 8]),
    );
    expect(reps).toHaveLength(15);
    expect(flat).toEqual([]);
  });

  it('stores the rates as the exchange-rates service does, so foreign deals convert and CHF does not', async () => {
    const db = handle.db;
    const orgId = summary.organisationId;
    const admin: Actor = {
      orgId,
      userId: '00000000-0000-4000-8000-000000000000',
      role: 'admin',
      name: 'test',
      timeZone: DEMO_TIME_ZONE,
      visibleOwnerIds: null,
      editableOwnerIds: null,
    };
    const { items } = await listExchangeRates(db, admin, {});
    expect(new Set(items.map((r) => r.currency))).toEqual(new Set(['GBP', 'JPY', 'USD']));
    for (const rate of items) {
      expect(rate.minorUnitRate).toBe(
        minorUnitRate(
          rate.rate,
          currencyFractionDigits(rate.currency),
          currencyFractionDigits(DEMO_CURRENCY),
        ),
      );
    }
    const totals = await sumConvertedBy(db, orgId, {
      key: sql`o.currency`,
      where: sql`true`,
      today: anchorDate,
    });
    const count = async (currency: string) =>
      db.$count(
        schema.opportunities,
        and(eq(schema.opportunities.orgId, orgId), eq(schema.opportunities.currency, currency)),
      );
    for (const currency of ['GBP', 'USD', 'JPY']) {
      expect(totals.get(currency)?.totalMinor).toBeGreaterThan(0);
      expect(totals.get(currency)?.unconverted).toEqual([]);
    }
    expect(totals.get('CHF')).toMatchObject({
      totalMinor: 0,
      unconverted: [{ currency: 'CHF', count: await count('CHF') }],
    });
    expect(describeUnconverted(totals.get('CHF')?.unconverted ?? [])).toEqual([
      `${await count('CHF')} deals in CHF have no rate`,
    ]);
  });

  it('enters whitespace potentials on the key accounts with a plan, leaving gaps to aim at', async () => {
    const { keyAccountPlans: plans, keyAccountProductPotentials: potentials } = schema;
    const planned = await handle.db.selectDistinct({ id: plans.accountId }).from(plans);
    const entered = await handle.db.selectDistinct({ id: potentials.accountId }).from(potentials);
    expect(planned.length).toBeGreaterThan(0);
    expect(entered.map((r) => r.id).sort()).toEqual(planned.map((r) => r.id).sort());
    const [positive] = await handle.db
      .select({ count: count() })
      .from(potentials)
      .where(sql`${potentials.potentialMinor} > 0`);
    expect(positive?.count).toBeGreaterThan(planned.length);
  });

  it('gives key-account plans to every team, at every stage, with reviews held and due', async () => {
    const { keyAccountPlans: plans, keyAccountPlanReviews: reviews, users } = schema;
    const rows = await handle.db
      .select({
        id: plans.id,
        ownerId: plans.ownerId,
        managerId: users.managerId,
        signed: plans.repSignedAt,
        acknowledged: plans.managerAcknowledgedAt,
      })
      .from(plans)
      .innerJoin(users, eq(users.id, plans.ownerId));
    const owners = new Set(rows.map((r) => r.ownerId));
    const teams = new Set(rows.map((r) => r.managerId));
    expect(owners.size).toBeGreaterThanOrEqual(4);
    // manager1's, manager2's and manager3's reps all have plans.
    expect(teams.size).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.signed === null)).toBe(true);
    expect(rows.some((r) => r.signed !== null && r.acknowledged === null)).toBe(true);
    expect(rows.some((r) => r.acknowledged !== null)).toBe(true);
    const held = await handle.db.selectDistinct({ id: reviews.keyAccountPlanId }).from(reviews);
    expect(held.length).toBeGreaterThanOrEqual(2);
    // Every owner with a plan has at most two, bar rep1 (four, one per stage, for the journeys).
    const perOwner = new Map<string, number>();
    for (const r of rows) perOwner.set(r.ownerId, (perOwner.get(r.ownerId) ?? 0) + 1);
    expect([...perOwner.values()].filter((n) => n > 2)).toEqual([4]);
  });

  it('refuses to load the demo a second time', async () => {
    await expect(loadDemoData(handle.db, { anchorDate })).rejects.toThrow(ConflictError);
  });

  it('loads the same opportunities into another database', async () => {
    const other = await createTestDatabase(engine);
    try {
      await loadDemoData(other.db, { anchorDate });
      const first = await opportunitiesInOrder(handle.db);
      expect(first).toHaveLength(summary.counts.opportunities);
      expect(await opportunitiesInOrder(other.db)).toEqual(first);
    } finally {
      await other.close();
    }
  });
});
