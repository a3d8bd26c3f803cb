import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opportunities, stages } from '../db/schema';
import { importFields, type ImportEntity } from '../schemas/import';
import { testEngines } from '../test-setup/test-database';
import { prefersCsv } from './csv-response';
import { startTestServer, type Client, type TestServer } from './test-server';

// CSV exports of the lists over a real server (issue #14): the list's filters and scope, every
// row across pages, the Excel dialects, the formula guard, and a round trip through the real import.

const files: Record<Exclude<ImportEntity, 'products'>, string> = {
  users:
    'externalId,name,email,role,managerExternalId,territory\nU1,Una Boss,una@acme.test,manager,,\nU2,Ugo Rep,ugo@acme.test,rep,U1,North\n',
  accounts: [
    'externalId,name,country,employees,annualRevenue,ownerExternalId,territory,status',
    'A1,"=HYPERLINK(""http://evil"")",DE,12,1500000.50,U2,North,customer',
    'A2,"Café Zürich, Ltd",CH,,,U2,,prospect',
  ].join('\n'),
  contacts:
    'externalId,accountExternalId,firstName,lastName,phone\nC1,A2,Zoë,"O\'Brien","+44 20 7946 0000"\n',
  opportunities: [
    'externalId,name,accountExternalId,ownerExternalId,amount,stage,createdOn,expectedCloseOn,closedOn,nextStep',
    'O1,Zürich renewal,A2,U2,1234.56,Won,2026-01-05,,2026-02-01,"-call back, then ""sign"""',
    'O2,"Line\nbreak deal",A1,U2,99,Proposal,2026-02-01,2026-06-30,,',
  ].join('\n'),
  activities:
    'externalId,type,status,occursOn,ownerExternalId,accountExternalId,opportunityExternalId,contactExternalId,subject\nT1,meeting,done,2026-01-20,U2,A2,O1,C1,@kick-off\n',
};

const identity = (entity: ImportEntity, headers: string[]) =>
  Object.fromEntries(
    headers
      .filter((header) => (importFields[entity] as readonly string[]).includes(header))
      .map((header) => [header, header]),
  );
const headerOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0]
    ?.split(',') ?? [];

async function csvOf(client: Client, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, server.baseUrl), {
    headers: { cookie: client.cookie ?? '', ...headers },
  });
  // Keeps a byte-order mark, which response.text() would drop.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text };
}

let server: TestServer;

describe('Accept negotiation', () => {
  it('answers CSV only when text/csv is preferred to JSON', () => {
    expect(prefersCsv('text/csv')).toBe(true);
    expect(prefersCsv('text/csv, application/json;q=0.5')).toBe(true);
    expect(prefersCsv('text/*')).toBe(true);
    expect(prefersCsv(undefined)).toBe(false);
    expect(prefersCsv('*/*')).toBe(false);
    expect(prefersCsv('application/json, text/csv')).toBe(false);
    expect(prefersCsv('text/csv;q=0, */*')).toBe(false);
  });
});

type ImportFile = { entity: string; name: string; content: string; columns: unknown };

/** POST /api/import as the web page sends it: the request as JSON, then each file (multipart). */
async function importFiles(client: Client, files: ImportFile[]) {
  const form = new FormData();
  form.append(
    'request',
    JSON.stringify({
      dryRun: false,
      files: files.map(({ entity, name, columns }) => ({ entity, name, columns })),
    }),
  );
  for (const file of files) form.append('files', new Blob([file.content]), file.name);
  const response = await fetch(`${server.baseUrl}/api/import`, {
    method: 'POST',
    headers: client.cookie ? { cookie: client.cookie } : {},
    body: form,
  });
  return response.json();
}

describe.each(testEngines())('CSV export of the lists on %s', (engine) => {
  let admin: Client;
  let rep1: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await server.as('admin@acme.test');
    rep1 = await server.as('rep1@acme.test');
    const imported = {
      body: await importFiles(
        admin,
        Object.entries(files).map(([entity, content]) => ({
          entity,
          name: `${entity}.csv`,
          content,
          columns: identity(entity as ImportEntity, headerOf(content.split('\n')[0] ?? '')),
        })),
      ),
    };
    expect(imported.body.problems).toEqual([]);
    expect(imported.body.status).toBe('imported');
  });
  afterAll(() => server.close());

  it('writes the import fields first, then names for people, and neutralises formulas', async () => {
    const accounts = await csvOf(admin, '/api/accounts?sort=status', { accept: 'text/csv' });
    expect(accounts.status).toBe(200);
    expect(accounts.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(accounts.headers.get('content-disposition')).toMatch(
      /^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(accounts.headers.get('vary')).toMatch(/accept/i);
    expect(parse(accounts.text)).toEqual([
      [...importFields.accounts, 'ownerName', 'segmentName'],
      [
        'A1',
        `'=HYPERLINK("http://evil")`,
        '',
        'DE',
        '12',
        '1500000.50',
        '',
        '',
        'U2',
        'North',
        'customer',
        'Ugo Rep',
        '',
      ],
      ['A2', 'Café Zürich, Ltd', '', 'CH', '', '', '', '', 'U2', '', 'prospect', 'Ugo Rep', ''],
    ]);
    const contacts = await csvOf(admin, '/api/contacts?csv=plain');
    expect(parse(contacts.text)).toEqual([
      [...importFields.contacts, 'accountName'],
      ['C1', 'A2', 'Zoë', "O'Brien", '', '', "'+44 20 7946 0000", 'Café Zürich, Ltd'],
    ]);
  });

  it('writes Excel a byte-order mark, and semicolons with decimal commas when asked', async () => {
    const excel = await csvOf(admin, '/api/opportunities?csv=excel&sort=name');
    expect(excel.text.startsWith('\uFEFFexternalId,name,')).toBe(true);
    const semicolon = await csvOf(admin, '/api/opportunities?csv=excel-semicolon&sort=name');
    const rows = parse(semicolon.text, { bom: true, delimiter: ';' });
    expect(rows[0]).toEqual([
      ...importFields.opportunities.filter((f) => f !== 'closeDate'),
      'accountName',
      'ownerName',
      'productName',
      'probabilityPercent',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        'O2',
        'Line\nbreak deal',
        'A1',
        'U2',
        '',
        '99,00',
        'Proposal',
        '2026-02-01',
        '2026-06-30',
        '',
        '',
        `'=HYPERLINK("http://evil")`,
        'Ugo Rep',
        '',
        '50',
      ],
      [
        'O1',
        'Zürich renewal',
        'A2',
        'U2',
        '',
        '1234,56',
        'Won',
        '2026-01-05',
        '',
        '2026-02-01',
        `'-call back, then "sign"`,
        'Café Zürich, Ltd',
        'Ugo Rep',
        '',
        '100',
      ],
    ]);
  });

  it('imports back unchanged: every exported row is read and none is inserted or updated', async () => {
    const exported = await Promise.all(
      (['accounts', 'contacts', 'opportunities', 'activities'] as const).map(async (entity) => {
        const { text } = await csvOf(admin, `/api/${entity}`, { accept: 'text/csv' });
        return {
          entity,
          name: `${entity}.csv`,
          content: text,
          columns: identity(entity, headerOf(text)),
        };
      }),
    );
    const users = {
      entity: 'users',
      name: 'users.csv',
      content: files.users,
      columns: identity('users', headerOf(files.users)),
    };
    const report = await importFiles(admin, [users, ...exported]);
    expect(report.problems).toEqual([]);
    const same = (read: number) => ({
      read,
      inserted: 0,
      updated: 0,
      unchanged: read,
      rejected: 0,
    });
    expect(report.counts).toMatchObject({
      accounts: same(2),
      contacts: same(1),
      opportunities: same(2),
      activities: same(1),
    });
  });

  it('documents the CSV answer of every exported list in OpenAPI', async () => {
    const document = (await admin.request('GET', '/api/openapi.json')).body;
    for (const list of ['accounts', 'contacts', 'opportunities', 'activities']) {
      const content = document.paths[`/api/${list}`].get.responses['200'].content;
      expect(Object.keys(content)).toEqual(['application/json', 'text/csv']);
      expect(content['text/csv'].schema.type).toBe('string');
    }
  });

  it('refuses the workable accounts of someone you may not see, as the list does', async () => {
    const csv = await csvOf(rep1, `/api/accounts?workableBy=${server.ids.rep3}`, {
      accept: 'text/csv',
    });
    expect(csv.status).toBe(404);
  });

  it('holds every row the filters match, across pages, in the list order, within scope', async () => {
    const db = server.database.db;
    const orgId = server.orgIds.acme;
    const [proposal] = await db
      .select()
      .from(stages)
      .where(and(eq(stages.orgId, orgId), eq(stages.name, 'Proposal')));
    // Many deals of the same amount: the page boundaries fall inside ties, which the id breaks.
    const deal = (i: number, ownerId: string) => ({
      orgId,
      ownerId,
      name: `Bulk ${i}`,
      amountMinor: (i % 3) * 100,
      currency: 'EUR',
      stageId: proposal?.id ?? '',
      createdOn: '2026-03-01',
    });
    await db
      .insert(opportunities)
      .values([
        ...Array.from({ length: 1_205 }, (_, i) => deal(i, server.ids.rep1 ?? '')),
        ...Array.from({ length: 5 }, (_, i) => deal(i, server.ids.rep3 ?? '')),
      ]);
    const pages: string[] = [];
    const stop = server.database.onQuery((statement) => {
      if (/\blimit\b/i.test(statement) && /from "opportunities" "o"/.test(statement))
        pages.push(statement);
    });
    const csv = await csvOf(rep1, '/api/opportunities?sort=amountMinor&order=desc&q=Bulk', {
      accept: 'text/csv',
    });
    stop();
    const names = (parse(csv.text, { columns: true }) as { name: string }[]).map((row) => row.name);
    expect(names).toHaveLength(1_205);
    expect(pages.length).toBe(2);
    const listed: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const list = await rep1.request(
        'GET',
        `/api/opportunities?sort=amountMinor&order=desc&q=Bulk&pageSize=500&page=${page}`,
      );
      listed.push(...list.body.items.map((item: { name: string }) => item.name));
    }
    expect(names).toEqual(listed);
    const filtered = await csvOf(rep1, '/api/opportunities?status=won', { accept: 'text/csv' });
    expect(parse(filtered.text, { columns: true })).toEqual([]);
    const json = await rep1.request('GET', '/api/opportunities?q=Bulk', undefined, {
      accept: 'application/json',
    });
    expect(json.body.total).toBe(1_205);
  });
});
