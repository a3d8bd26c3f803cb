import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../db/client';
import * as schema from '../../db/schema';
import { ConflictError } from '../../domain/errors';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import { verifyPassword } from '../passwords';
import {
  DEMO_PASSWORD,
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
} satisfies Record<keyof DemoSummary['counts'], unknown>;

function opportunitiesInOrder(db: Database) {
  const { opportunities: o, stages } = schema;
  return db
    .select({
      id: o.id,
      externalId: o.externalId,
      amountMinor: o.amountMinor,
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
