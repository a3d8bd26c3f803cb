import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../../db/client';
import { createTestDatabase, testEngines } from '../../../test-setup/test-database';
import { importFiles } from '..';

// Small exports with the headers docs/IMPORT.md documents for each CRM.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-crm-'));
const salesforceFile = path.join(folder, 'salesforce.csv');
fs.writeFileSync(
  salesforceFile,
  [
    'Opportunity ID,Opportunity Name,Opportunity Owner,Account Name,Stage,Amount,Created Date,Close Date',
    'SF-1,Globex renewal,Dana Seller,Globex,Closed Won,"12,500.00",03/04/2026,05/06/2026',
    'SF-2,Initech pilot,Dana Seller,Initech,Negotiation/Review,800,03/10/2026,07/31/2026',
    'SF-3,Hooli expansion,Eli Closer,Globex,Closed Lost,0,01/02/2026,02/15/2026',
  ].join('\n'),
);
const hubspotFile = path.join(folder, 'hubspot.csv');
fs.writeFileSync(
  hubspotFile,
  [
    'Record ID,Deal Name,Deal owner,Associated Company,Deal Stage,Amount,Create Date,Close Date',
    '101,Umbrella onboarding,Fay Hunter,Umbrella,Appointment Scheduled,2500,2026-04-01 09:30,',
    '102,Soylent renewal,Fay Hunter,Soylent,Closed Won,1999.99,2026-01-15,2026-03-31 14:05',
  ].join('\n'),
);

type Row = {
  external_id: string;
  stage: string;
  amount_minor: string;
  created_on: string;
  closed_on: string | null;
  account: string | null;
  owner: string;
};

describe.each(testEngines())('Salesforce and HubSpot exports (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  const deals = (org: string) =>
    queryRows<Row>(
      database.db,
      sql`select o.external_id, s.name as stage, o.amount_minor::text as amount_minor,
                 o.created_on::text as created_on, o.closed_on::text as closed_on,
                 a.name as account, u.name as owner
          from opportunities o
          join organisations g on g.id = o.org_id
          join stages s on s.org_id = o.org_id and s.id = o.stage_id
          join users u on u.org_id = o.org_id and u.id = o.owner_id
          left join accounts a on a.org_id = o.org_id and a.id = o.account_id
          where g.slug = ${org} order by o.external_id`,
    );

  it('reads a Salesforce opportunity report: US dates, thousands separators, its stage names', async () => {
    const report = await importFiles(database.db, {
      preset: 'salesforce',
      path: salesforceFile,
      orgSlug: 'sf',
    });
    expect(report.status).toBe('imported');
    expect(report.problems).toEqual([]);
    expect(await deals('sf')).toEqual([
      {
        external_id: 'SF-1',
        stage: 'Won',
        amount_minor: '1250000',
        created_on: '2026-03-04',
        closed_on: '2026-05-06',
        account: 'Globex',
        owner: 'Dana Seller',
      },
      {
        external_id: 'SF-2',
        stage: 'Negotiation',
        amount_minor: '80000',
        created_on: '2026-03-10',
        closed_on: null,
        account: 'Initech',
        owner: 'Dana Seller',
      },
      {
        external_id: 'SF-3',
        stage: 'Lost',
        amount_minor: '0',
        created_on: '2026-01-02',
        closed_on: '2026-02-15',
        account: 'Globex',
        owner: 'Eli Closer',
      },
    ]);
    const again = await importFiles(database.db, {
      preset: 'salesforce',
      path: salesforceFile,
      orgSlug: 'sf',
    });
    expect(again.counts.opportunities).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
  });

  it('reads a HubSpot deals export: date-times, its pipeline stages, open deals without a close date', async () => {
    const report = await importFiles(database.db, {
      preset: 'hubspot',
      path: hubspotFile,
      orgSlug: 'hs',
    });
    expect(report.status).toBe('imported');
    expect(report.problems).toEqual([]);
    expect(await deals('hs')).toEqual([
      {
        external_id: '101',
        stage: 'Prospecting',
        amount_minor: '250000',
        created_on: '2026-04-01',
        closed_on: null,
        account: 'Umbrella',
        owner: 'Fay Hunter',
      },
      {
        external_id: '102',
        stage: 'Won',
        amount_minor: '199999',
        created_on: '2026-01-15',
        closed_on: '2026-03-31',
        account: 'Soylent',
        owner: 'Fay Hunter',
      },
    ]);
  });

  it('imports no owner that can sign in', async () => {
    const owners = await queryRows<{ can_sign_in: boolean }>(
      database.db,
      sql`select password_hash is not null as can_sign_in from users`,
    );
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.every((o) => !o.can_sign_in)).toBe(true);
  });
});
