import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../db/client';
import type { MappingFile } from '../../schemas/import';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import { BATCH_SIZE } from './entity-writer';
import { importFiles } from '.';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-import-'));
fs.writeFileSync(
  path.join(folder, 'people.csv'),
  'Id,Name,Role,Manager\nu1,Ann Boss,manager,\nu2,Bob Rep,rep,u1\n',
);
fs.writeFileSync(
  path.join(folder, 'deals.csv'),
  [
    'Id,Owner,Stage,Amount,Created,Closed',
    'd1,u2,Won,"1,200.50",2026-01-05,2026-02-01',
    'd2,u2,Closed Won,100,2026-01-05,2026-02-01',
    'd3,u9,Won,abc,2026-13-01,',
    'd4,u2,Open,50,2026-01-05,',
    'd1,u2,Lost,10,2026-01-05,2026-02-01',
    'd5,u2,Lost,0,2026-03-01,2026-02-01',
  ].join('\n'),
);
const mapping: MappingFile = {
  entities: {
    users: {
      file: 'people.csv',
      columns: { externalId: 'Id', name: 'Name', role: 'Role', managerExternalId: 'Manager' },
    },
    opportunities: {
      file: 'deals.csv',
      columns: {
        externalId: 'Id',
        name: 'Id',
        ownerExternalId: 'Owner',
        stage: 'Stage',
        amount: 'Amount',
        createdOn: 'Created',
        closedOn: 'Closed',
      },
    },
  },
};

describe.each(testEngines())('import with bad rows (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());
  const opportunities = async () =>
    (
      await queryRows<{ external_id: string }>(
        database.db,
        sql`select external_id from opportunities order by 1`,
      )
    ).map((row) => row.external_id);
  const options = {
    preset: 'generic',
    path: folder,
    mapping,
    orgSlug: 'acme',
    stageMap: { 'Closed Won': 'Won', Open: 'Proposal' },
  } as const;

  it('reports every bad row with its line and column, and imports nothing by default', async () => {
    const report = await importFiles(database.db, options);
    expect(report.status).toBe('rejected');
    expect(report.problems).toEqual([
      {
        file: 'deals.csv',
        line: 4,
        column: 'Created',
        reason: '"2026-13-01" is not a real calendar date',
      },
      {
        file: 'deals.csv',
        line: 4,
        column: 'Amount',
        reason: '"abc" is not an amount like 1234.56',
      },
      {
        file: 'deals.csv',
        line: 4,
        column: 'Owner',
        reason: 'no user with the id, email or name "u9"',
      },
      { file: 'deals.csv', line: 6, column: 'Id', reason: 'the id "d1" was already on line 2' },
      {
        file: 'deals.csv',
        line: 7,
        column: 'Closed',
        reason: 'closed on 2026-02-01, before it was created (2026-03-01)',
      },
    ]);
    expect(report.counts.opportunities).toEqual({
      read: 6,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      rejected: 3,
    });
    expect(await opportunities()).toEqual([]);
    const [orgs] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from organisations`,
    );
    expect(orgs?.n).toBe(0);
  });

  it('imports the good rows with --skip-bad-rows, and a dry run saves nothing', async () => {
    const dryRun = await importFiles(database.db, { ...options, skipBadRows: true, dryRun: true });
    expect(dryRun.status).toBe('dry_run');
    expect(await opportunities()).toEqual([]);
    const report = await importFiles(database.db, { ...options, skipBadRows: true });
    expect(report.status).toBe('imported');
    expect(report.problems).toHaveLength(5);
    expect(await opportunities()).toEqual(['d1', 'd2', 'd4']);
    const [d1] = await queryRows<{ amount_minor: string | number }>(
      database.db,
      sql`select amount_minor from opportunities where external_id = 'd1'`,
    );
    expect(Number(d1?.amount_minor)).toBe(120_050);
  });
});

// Three batches of BATCH_SIZE rows: each is upserted as it is read, so a repeated id must be
// found against the earlier batches too, and the counts must add up over all of them.
describe.each(testEngines())('import across batches (%s)', (engine) => {
  const many = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-import-batches-'));
  fs.copyFileSync(path.join(folder, 'people.csv'), path.join(many, 'people.csv'));
  const rows = ['Id,Owner,Stage,Amount,Created,Closed'];
  for (let i = 1; i <= 2 * BATCH_SIZE + 1_000; i++)
    rows.push(`n${i},u2,Won,10,2026-01-05,2026-02-01`);
  rows.push('n3,u2,Won,99,2026-01-05,2026-02-01'); // batch 3 repeats batch 1
  rows.push(`n${BATCH_SIZE + 7},u2,Won,99,2026-01-05,2026-02-01`); // batch 3 repeats batch 2
  fs.writeFileSync(path.join(many, 'deals.csv'), rows.join('\n'));
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());
  const options = {
    preset: 'generic',
    path: many,
    mapping,
    orgSlug: 'acme',
    skipBadRows: true,
  } as const;

  it('reports ids repeated from earlier batches, and a second import changes nothing', async () => {
    const first = await importFiles(database.db, options);
    expect(first.problems).toEqual([
      {
        file: 'deals.csv',
        line: 2 * BATCH_SIZE + 1_002,
        column: 'Id',
        reason: 'the id "n3" was already on line 4',
      },
      {
        file: 'deals.csv',
        line: 2 * BATCH_SIZE + 1_003,
        column: 'Id',
        reason: `the id "n${BATCH_SIZE + 7}" was already on line ${BATCH_SIZE + 8}`,
      },
    ]);
    const read = 2 * BATCH_SIZE + 1_002;
    expect(first.counts.opportunities).toEqual({
      read,
      inserted: read - 2,
      updated: 0,
      unchanged: 0,
      rejected: 2,
    });
    const [amount] = await queryRows<{ total: string | number }>(
      database.db,
      sql`select sum(amount_minor) as total from opportunities`,
    );
    expect(Number(amount?.total)).toBe((read - 2) * 1_000);
    const second = await importFiles(database.db, options);
    expect(second.counts.opportunities).toEqual({
      read,
      inserted: 0,
      updated: 0,
      unchanged: read - 2,
      rejected: 2,
    });
  });
});
