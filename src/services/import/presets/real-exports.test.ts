import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../../db/client';
import { createTestDatabase, testEngines } from '../../../test-setup/test-database';
import { createOrganisation } from '../../organisations';
import { addUser } from '../../users';
import { importFiles } from '..';

// Exports as Salesforce (Classic and Lightning) and HubSpot write them, kept in ../fixtures:
// Classic's report footer, Lightning's byte-order mark, CRLF and quoted line breaks, date-times
// with a comma, owners named by email, HubSpot's pipelines.
const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);

type Row = {
  external_id: string;
  stage: string;
  amount_minor: string;
  created_on: string;
  closed_on: string | null;
  owner: string;
  owner_email: string;
  next_step: string | null;
};

describe.each(testEngines())('CRM exports as their tools write them (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // Dana and Fay already work here: the exports' owners are them, not new reps.
    const org = await createOrganisation(database.db, {
      slug: 'acme',
      name: 'Acme',
      currency: 'USD',
    });
    for (const [name, email] of [
      ['Dana Seller', 'dana@acme.example'],
      ['Fay Hunter', 'fay@acme.example'],
    ] as const)
      await addUser(database.db, org.id, { email, name, role: 'rep' });
  });
  afterAll(async () => database.close());

  const deals = (prefix: string) =>
    queryRows<Row>(
      database.db,
      sql`select o.external_id, s.name as stage, o.amount_minor::text as amount_minor,
                 o.created_on::text as created_on, o.closed_on::text as closed_on,
                 u.name as owner, u.email as owner_email, o.next_step
          from opportunities o
          join stages s on s.org_id = o.org_id and s.id = o.stage_id
          join users u on u.org_id = o.org_id and u.id = o.owner_id
          where o.external_id like ${`${prefix}%`} order by o.external_id`,
    );
  const userCount = async () =>
    Number(
      (await queryRows<{ n: string }>(database.db, sql`select count(*)::text as n from users`))[0]
        ?.n,
    );

  it("imports a Salesforce Classic 'Export Details' file without skipping rows: its footer is left out and counted", async () => {
    const report = await importFiles(database.db, {
      preset: 'salesforce',
      path: fixture('salesforce-classic-export-details.csv'),
      orgSlug: 'acme',
    });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('imported');
    expect(report.notes).toContainEqual(
      expect.objectContaining({ code: 'report-footer', count: 5 }),
    );
    expect(await deals('0065g00000SfCl')).toEqual([
      {
        external_id: '0065g00000SfCl1AAE',
        stage: 'Won',
        amount_minor: '1250000',
        created_on: '2026-03-04',
        closed_on: '2026-05-06',
        owner: 'Dana Seller',
        owner_email: 'dana@acme.example',
        next_step: null,
      },
      {
        external_id: '0065g00000SfCl2AAE',
        stage: 'Negotiation',
        amount_minor: '80000',
        created_on: '2026-03-10',
        closed_on: null,
        owner: 'Dana Seller',
        owner_email: 'dana@acme.example',
        next_step: 'Send the order form',
      },
      {
        external_id: '0065g00000SfCl3AAE',
        stage: 'Lost',
        amount_minor: '0',
        created_on: '2026-01-02',
        closed_on: '2026-02-15',
        owner: 'Eli Closer',
        owner_email: 'eli.closer@acme.import.invalid',
        next_step: null,
      },
    ]);
    // Dana matched by name; only Eli is new.
    expect(report.counts.users).toMatchObject({ read: 2, inserted: 1, unchanged: 1 });
  });

  it('imports a Salesforce Lightning export (byte-order mark, CRLF, a quoted line break) naming owners by email', async () => {
    const usersBefore = await userCount();
    const report = await importFiles(database.db, {
      preset: 'salesforce',
      path: fixture('salesforce-lightning-details-only.csv'),
      orgSlug: 'acme',
    });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('imported');
    const rows = await deals('0065g00000SfLx');
    expect(rows.map((row) => [row.external_id, row.owner, row.owner_email])).toEqual([
      ['0065g00000SfLx1AAE', 'Dana Seller', 'dana@acme.example'],
      ['0065g00000SfLx2AAE', 'Zoë Ångström', 'zoe@acme.example'],
      // Eli, named so in the Classic export, is that user: an import never changes an email.
      ['0065g00000SfLx3AAE', 'Eli Closer', 'eli.closer@acme.import.invalid'],
    ]);
    expect(rows[1]).toMatchObject({
      stage: 'Proposal',
      amount_minor: '80050',
      created_on: '2026-03-10',
      next_step: 'Call the CFO\r\nthen send the quote, signed',
    });
    // Dana by her email, Eli by his name; only Zoë is new.
    expect(await userCount()).toBe(usersBefore + 1);
  });

  it("imports a HubSpot export: its owners by name, each pipeline's stages through the stage map", async () => {
    const options = {
      preset: 'hubspot',
      path: fixture('hubspot-deals-export.csv'),
      orgSlug: 'acme',
    } as const;
    const unmapped = await importFiles(database.db, options);
    expect(unmapped.status).toBe('rejected');
    expect(unmapped.problems).toEqual([
      {
        file: 'hubspot-deals-export.csv',
        line: 4,
        column: 'Deal Stage',
        reason: `"Renewal Due" is not one of the organisation's stages: map it`,
      },
    ]);
    const report = await importFiles(database.db, {
      ...options,
      stageMap: { 'Renewals: Renewal Due': 'Negotiation', 'Renewals: Closed Won': 'Won' },
    });
    expect(report.status).toBe('imported');
    expect(report.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'pipeline:Sales Pipeline', count: 1 }),
        expect.objectContaining({ code: 'pipeline:Renewals', count: 2 }),
      ]),
    );
    expect(
      (await deals('10')).map((row) => [
        row.external_id,
        row.stage,
        row.owner_email,
        row.next_step,
      ]),
    ).toEqual([
      ['101', 'Prospecting', 'fay@acme.example', 'Book the demo'],
      ['102', 'Won', 'fay@acme.example', null],
      ['103', 'Negotiation', 'gus.farmer@acme.import.invalid', 'Quote sent, "v2"; awaiting PO'],
    ]);
  });
});
