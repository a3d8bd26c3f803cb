import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '../test-server';
import { testEngines } from '../../test-setup/test-database';

const accountsCsv =
  'Account Id,Account Name,Industry\nA1,Contoso,retail\nA2,,software\nA3,Fabrikam,medical\n';
const files = [
  {
    entity: 'accounts',
    name: 'accounts.csv',
    content: accountsCsv,
    columns: { externalId: 'Account Id', name: 'Account Name', industry: 'Industry' },
  },
];

describe.each(testEngines())('import API (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => server.close());

  it('previews a file with a proposed column map', async () => {
    const admin = await server.as('admin@acme.test');
    const response = await admin.request('POST', '/api/import/preview', {
      content: accountsCsv,
      rows: 2,
    });
    expect(response.status).toBe(200);
    expect(response.body.headers).toEqual(['Account Id', 'Account Name', 'Industry']);
    expect(response.body.rows).toEqual([
      ['A1', 'Contoso', 'retail'],
      ['A2', '', 'software'],
    ]);
    expect(response.body.suggestedColumns.accounts).toEqual({
      externalId: 'Account Id',
      name: 'Account Name',
      industry: 'Industry',
    });
  });

  it('dry-runs listing every problem, then imports the good rows when asked', async () => {
    const admin = await server.as('admin@acme.test');
    const dryRun = await admin.request('POST', '/api/import', { files });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.status).toBe('rejected');
    expect(dryRun.body.problems).toEqual([
      {
        file: 'accounts.csv',
        line: 3,
        column: 'Account Name',
        reason: 'the account name is missing',
      },
    ]);
    const imported = await admin.request('POST', '/api/import', {
      files,
      dryRun: false,
      skipBadRows: true,
    });
    expect(imported.body.status).toBe('imported');
    expect(imported.body.counts.accounts).toEqual({
      read: 3,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 1,
    });
    const list = await admin.request('GET', '/api/accounts');
    expect(list.body.items.map((a: { name: string }) => a.name).sort()).toEqual([
      'Contoso',
      'Fabrikam',
    ]);
  });

  it('lets only admins import', async () => {
    const rep = await server.as('rep1@acme.test');
    expect((await rep.request('POST', '/api/import', { files })).status).toBe(403);
    expect(
      (await rep.request('POST', '/api/import/preview', { content: accountsCsv })).status,
    ).toBe(403);
  });
});
