import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../../db/client';
import { createTestDatabase, testEngines } from '../../../test-setup/test-database';
import { importFiles } from '..';
import { mavenCrmFacts, mavenCrmFixture as folder } from './maven-crm-fixture';

// A subset of the public dataset, in the repository (fixtures/maven-crm/README.md); the figures
// expected are counted from its files.
const facts = mavenCrmFacts();

it('has each quirk of the dataset in the fixture', () => {
  for (const [note, n] of Object.entries(facts.notes)) expect([note, n > 0]).toEqual([note, true]);
  expect(facts.stages.every((s) => s.count > 0)).toBe(true);
});

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
    expect(report.opportunitiesByStage).toEqual(facts.stages);
    const inserted = (n: number) => ({
      read: n,
      inserted: n,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const users = facts.reps + facts.managers;
    expect(report.counts).toEqual({
      users: inserted(users),
      territories: inserted(facts.territories),
      accounts: inserted(facts.accounts),
      products: inserted(facts.products),
      opportunities: inserted(facts.opportunities),
    });
    const notes = Object.fromEntries(report.notes.map((note) => [note.code, note.count]));
    expect(notes).toMatchObject({ ...facts.notes, 'user-placeholder-email': users });
    expect(await count(sql`select count(*) as n from users where role = 'rep'`)).toBe(facts.reps);
    expect(await count(sql`select count(*) as n from users where role = 'manager'`)).toBe(
      facts.managers,
    );
    expect(await count(sql`select count(*) as n from users where password_hash is not null`)).toBe(
      0,
    );
    expect(await count(sql`select count(*) as n from territories`)).toBe(facts.territories);
    // Every rep has a manager in the same territory.
    expect(
      await count(sql`select count(*) as n from users r join users m on m.id = r.manager_id
        where r.role = 'rep' and m.role = 'manager' and m.territory_id = r.territory_id`),
    ).toBe(facts.reps);
    expect(await count(sql`select count(*) as n from products where series is not null`)).toBe(
      facts.products,
    );
    expect(
      await count(sql`select list_price_minor as n from products where name = 'GTK 500'`),
    ).toBe(facts.gtk500PriceMinor);
    expect(
      await count(
        sql`select count(*) as n from opportunities o join products p on p.id = o.product_id where p.name = 'GTX Pro'`,
      ),
    ).toBe(facts.gtxProDeals);
    expect(
      await count(
        sql`select amount_minor as n from opportunities where external_id = ${facts.sampleWon.externalId}`,
      ),
    ).toBe(facts.sampleWon.amountMinor);
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
    expect(report.counts.opportunities?.unchanged).toBe(facts.opportunities);
    expect(await count(sql`select count(*) as n from opportunity_stage_changes`)).toBe(before);
    expect(before).toBe(facts.closed);
  });
});
