import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../../db/client';
import { createTestDatabase, testEngines } from '../../../test-setup/test-database';
import { importFiles } from '..';

const folder = path.resolve(import.meta.dirname, '../../../../../shared/data/maven-crm');

describe.each(testEngines())('maven-crm import (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  const count = async (query: ReturnType<typeof sql>) =>
    Number((await queryRows<{ n: number }>(database.db, query))[0]?.n);

  it("gives the dataset's counts and reports its quirks", async () => {
    const report = await importFiles(database.db, {
      preset: 'maven-crm',
      path: folder,
      orgSlug: 'maven',
    });
    expect(report.status).toBe('imported');
    expect(report.problems).toEqual([]);
    expect(report.organisation).toEqual({ slug: 'maven', isNew: true });
    expect(report.opportunitiesByStage).toEqual([
      { stage: 'Prospecting', count: 500 },
      { stage: 'Engaging', count: 1589 },
      { stage: 'Won', count: 4238 },
      { stage: 'Lost', count: 2473 },
    ]);
    expect(report.counts).toEqual({
      users: { read: 41, inserted: 41, updated: 0, unchanged: 0, rejected: 0 },
      territories: { read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 },
      accounts: { read: 85, inserted: 85, updated: 0, unchanged: 0, rejected: 0 },
      products: { read: 7, inserted: 7, updated: 0, unchanged: 0, rejected: 0 },
      opportunities: { read: 8800, inserted: 8800, updated: 0, unchanged: 0, rejected: 0 },
    });
    const notes = Object.fromEntries(report.notes.map((note) => [note.code, note.count]));
    expect(notes).toMatchObject({
      'product-alias:GTXPro': 1480,
      'open-without-account': 1425,
      'open-without-amount': 2089,
      'created-on-last-date': 500,
      'sector-spelling:technolgy': 12,
      'agent-without-deals': 5,
      'user-placeholder-email': 41,
    });
    expect(await count(sql`select count(*) as n from users where role = 'rep'`)).toBe(35);
    expect(await count(sql`select count(*) as n from users where role = 'manager'`)).toBe(6);
    expect(await count(sql`select count(*) as n from users where password_hash is not null`)).toBe(
      0,
    );
    expect(await count(sql`select count(*) as n from territories`)).toBe(3);
    // Every rep has a manager in the same territory.
    expect(
      await count(sql`select count(*) as n from users r join users m on m.id = r.manager_id
        where r.role = 'rep' and m.role = 'manager' and m.territory_id = r.territory_id`),
    ).toBe(35);
    expect(await count(sql`select count(*) as n from products where series is not null`)).toBe(7);
    expect(
      await count(sql`select list_price_minor as n from products where name = 'GTK 500'`),
    ).toBe(2_676_800);
    expect(
      await count(
        sql`select count(*) as n from opportunities o join products p on p.id = o.product_id where p.name = 'GTX Pro'`,
      ),
    ).toBe(1480);
    expect(
      await count(sql`select amount_minor as n from opportunities where external_id = '1C1I7A6R'`),
    ).toBe(105_400);
    const [moses] = await queryRows<{ email: string }>(
      database.db,
      sql`select email from users where name = 'Moses Frase'`,
    );
    expect(moses?.email).toBe('moses.frase@maven.import.invalid');
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await count(sql`select count(*) as n from opportunity_stage_changes`);
    const report = await importFiles(database.db, {
      preset: 'maven-crm',
      path: folder,
      orgSlug: 'maven',
    });
    for (const counts of Object.values(report.counts)) {
      expect(counts).toMatchObject({ inserted: 0, updated: 0, rejected: 0 });
    }
    expect(report.counts.opportunities?.unchanged).toBe(8800);
    expect(await count(sql`select count(*) as n from opportunity_stage_changes`)).toBe(before);
    expect(before).toBe(4238 + 2473);
  });
});
