import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_FORMATS } from '../../domain/csv-export';
import { dateInTimeZone } from '../../domain/time-zone';
import { testEngines } from '../../test-setup/test-database';
import type { Client, TestServer } from '../test-server';
import { agreedPlanOf, startRepPlanWorld, year } from './rep-plan-test-world';

// The plan lists as CSV (issue #14): GET /api/rep-plans, /api/team-plans, /api/key-accounts and
// /api/key-accounts/ranking answer `Accept: text/csv` (or `?csv=`) with the JSON list's rows for
// the same filters and caller, columns in words, formulas neutralised and the Excel dialects.

type Rows = Record<string, string>[];

async function csvOf(
  server: TestServer,
  client: Client,
  path: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(new URL(path, server.baseUrl), {
    headers: { cookie: client.cookie ?? '', ...headers },
  });
  // Keeps a byte-order mark, which response.text() would drop.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text };
}

const rowsOf = (text: string, delimiter = ','): Rows =>
  parse(text, { bom: true, columns: true, delimiter }) as Rows;
const headerOf = (text: string) => (parse(text, { bom: true, to_line: 1 }) as string[][])[0] ?? [];

describe.each(testEngines())('CSV of the plan lists on %s', (engine) => {
  let server: TestServer;
  let clients: Record<'leader' | 'manager1' | 'manager2' | 'rep1' | 'rep2' | 'rep3', Client>;
  let timeZone: string;
  let rep1PlanId: string;
  const hostile = '=HYPERLINK("http://evil")';

  beforeAll(async () => {
    const world = await startRepPlanWorld(engine);
    server = world.server;
    clients = {
      leader: world.leader,
      manager1: world.manager1,
      manager2: await server.as('manager2@acme.test'),
      rep1: world.rep1,
      rep2: await server.as('rep2@acme.test'),
      rep3: await server.as('rep3@acme.test'),
    };
    timeZone = (await world.leader.request('GET', '/api/organisation')).body.timeZone;
    rep1PlanId = await agreedPlanOf(world);
    for (const rep of ['rep2', 'rep3'] as const) {
      expect((await clients[rep].request('POST', '/api/rep-plans', { year })).status).toBe(201);
    }
    // Team plans: manager1's with a formula in an answer and a small tree; manager2's empty.
    const team1 = (await clients.manager1.request('POST', '/api/team-plans', { year })).body;
    const saved = await clients.manager1.request(
      'PUT',
      `/api/team-plans/${team1.id}`,
      {
        answers: {
          whoIsOurCustomer: '=1+1',
          whatDoesTheCustomerValue: '',
          whatIsOurMission: 'Keep fleets moving',
          whatIsOurPlan: '',
          whatAreOurDesiredResults: '',
        },
        objectives: [
          {
            title: 'Grow',
            goals: [
              {
                area: 'sales',
                title: 'More meetings',
                activities: [
                  {
                    title: 'Calls',
                    metricDefinition: { counts: 'activities', activityType: 'call' },
                  },
                  { title: 'Brochure' },
                ],
              },
              {
                area: 'marketing',
                title: 'Be known',
                activities: [{ title: 'Show', metricDefinition: { counts: 'entered' } }],
              },
            ],
          },
        ],
      },
      { 'if-match': `"${team1.version}"` },
    );
    expect(saved.status).toBe(200);
    expect((await clients.manager2.request('POST', '/api/team-plans', { year })).status).toBe(201);
    // Key accounts: a formula for a name, a criterion whose name starts with +, money and a rating.
    const admin = await server.as('admin@acme.test');
    for (const [name, employees, owner] of [
      [hostile, 900, 'rep1'],
      ['Zeta', 800, 'rep3'],
      ['Eta', 700, 'rep2'],
      ['Theta', 10, 'rep3'],
    ] as const) {
      const created = await admin.request('POST', '/api/accounts', {
        name,
        employees,
        annualRevenueMinor: employees * 1_000_00 + 50,
        ownerId: server.ids[owner],
      });
      expect(created.status).toBe(201);
    }
    const model = await world.leader.request(
      'PUT',
      '/api/key-accounts/model',
      {
        cutPercent: 20,
        criteria: [
          { name: 'Employees', source: 'employees', weight: 3 },
          { name: 'Revenue', source: 'annual_revenue', weight: 1 },
          { name: '+Fit', source: 'rating', weight: 1 },
        ],
      },
      { 'if-match': '0' },
    );
    expect(model.status).toBe(200);
    const confirmed = await world.leader.request('POST', '/api/key-accounts/confirmation', {
      modelVersion: model.body.version,
      overrides: [],
    });
    expect(confirmed.status).toBe(200);
  }, 180_000);
  afterAll(() => server.close());

  it('lists the rep plans of a year as the JSON list does, for each caller’s scope', async () => {
    const seen: Record<string, string[]> = {};
    for (const [who, client] of Object.entries(clients)) {
      const json = await client.request('GET', `/api/rep-plans?year=${year}`);
      const csv = await csvOf(server, client, `/api/rep-plans?year=${year}`, {
        accept: 'text/csv',
      });
      expect(csv.status).toBe(200);
      const rows = rowsOf(csv.text);
      expect(rows.map((r) => r['Plan id'])).toEqual(
        json.body.items.map((i: { id: string }) => i.id),
      );
      seen[who] = rows.map((r) => r.Rep ?? '');
    }
    // A rep gets only their own plan; a manager their team's; the leader every one.
    expect(seen).toEqual({
      leader: ['rep1', 'rep2', 'rep3'],
      manager1: ['rep1', 'rep2'],
      manager2: ['rep3'],
      rep1: ['rep1'],
      rep2: ['rep2'],
      rep3: ['rep3'],
    });
    const plan = (await clients.rep1.request('GET', `/api/rep-plans/${rep1PlanId}`)).body;
    const csv = await csvOf(server, clients.manager1, `/api/rep-plans?year=${year}&csv=plain`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="rep-plans-${year}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect(csv.headers.get('vary')).toMatch(/accept/i);
    const day = (instant: string) => dateInTimeZone(new Date(instant), timeZone);
    expect(rowsOf(csv.text)[0]).toEqual({
      Rep: 'rep1',
      Manager: 'manager1',
      'Fiscal year': String(year),
      State: 'Agreed',
      'Check-ins': 'Monthly',
      'Target for the year': (plan.targets.totalMinor / 100).toFixed(2),
      'Signed by the rep on': day(plan.signatures.repSignedAt),
      'Signed by the manager on': day(plan.signatures.managerSignedAt),
      'Last changed on': expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      Version: String(plan.version),
      'Plan id': rep1PlanId,
    });
    expect(rowsOf(csv.text)[1]).toMatchObject({
      Rep: 'rep2',
      State: 'Draft',
      'Signed by the rep on': '',
    });
    // JSON stays the default.
    const json = await clients.rep1.request('GET', `/api/rep-plans?year=${year}`);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await clients.rep1.request('GET', `/api/rep-plans?year=${year}&csv=xlsx`)).status).toBe(
      400,
    );
  });

  it('documents the CSV answer of each plan list in OpenAPI, with the csv parameter', async () => {
    const document = (await clients.leader.request('GET', '/api/openapi.json')).body;
    for (const path of [
      '/api/rep-plans',
      '/api/team-plans',
      '/api/key-accounts',
      '/api/key-accounts/ranking',
    ]) {
      const operation = document.paths[path].get;
      expect(Object.keys(operation.responses['200'].content)).toEqual([
        'application/json',
        'text/csv',
      ]);
      expect(operation.responses['200'].content['text/csv'].schema.type).toBe('string');
      expect(
        operation.parameters.find((p: { name: string }) => p.name === 'csv')?.schema.enum,
      ).toEqual([...CSV_FORMATS]);
    }
  });

  it('writes Excel a BOM, and semicolons with a decimal comma when asked', async () => {
    const excel = await csvOf(server, clients.leader, `/api/rep-plans?year=${year}&csv=excel`);
    expect(excel.text.startsWith('\uFEFFRep,Manager,Fiscal year,State,')).toBe(true);
    const semicolon = await csvOf(
      server,
      clients.leader,
      `/api/rep-plans?year=${year}&csv=excel-semicolon`,
    );
    expect(semicolon.text.startsWith('\uFEFFRep;Manager;Fiscal year;State;')).toBe(true);
    const plain = rowsOf(excel.text);
    const rows = rowsOf(semicolon.text, ';');
    expect(rows.map((r) => r['Target for the year'])).toEqual(
      plain.map((r) => r['Target for the year']?.replace('.', ',')),
    );
    expect(rows[0]?.['Target for the year']).toMatch(/^\d+,\d{2}$/);
    const ranking = await csvOf(
      server,
      clients.leader,
      '/api/key-accounts/ranking?csv=excel-semicolon',
    );
    const first = rowsOf(ranking.text, ';')[0];
    expect(first?.['Revenue (value)']).toBe('900000,50');
    expect(first?.['Score (of 100)']).toMatch(/^\d+,\d$/);
  });

  it('lists the team plans with their counts, scoped as the JSON list, formulas neutralised', async () => {
    for (const [who, client] of Object.entries(clients)) {
      const json = await client.request('GET', `/api/team-plans?year=${year}`);
      const rows = rowsOf(
        (await csvOf(server, client, `/api/team-plans?year=${year}&csv=plain`)).text,
      );
      expect({ who, ids: rows.map((r) => r['Plan id']) }).toEqual({
        who,
        ids: json.body.items.map((i: { id: string }) => i.id),
      });
    }
    const csv = await csvOf(server, clients.leader, `/api/team-plans?year=${year}&csv=plain`);
    expect(
      rowsOf(csv.text).map(({ 'Plan id': _id, 'Last changed on': _on, ...row }) => row),
    ).toEqual([
      {
        Manager: 'manager1',
        'Fiscal year': String(year),
        'Business objectives': '1',
        'Sales goals': '1',
        'Marketing goals': '1',
        Activities: '3',
        'Activities with a metric': '2',
        'Our customer': "'=1+1",
        'Our mission': 'Keep fleets moving',
        Version: '2',
      },
      {
        Manager: 'manager2',
        'Fiscal year': String(year),
        'Business objectives': '0',
        'Sales goals': '0',
        'Marketing goals': '0',
        Activities: '0',
        'Activities with a metric': '0',
        'Our customer': '',
        'Our mission': '',
        Version: '1',
      },
    ]);
  });

  it('lists this year’s key accounts as the JSON list, for each caller, formulas neutralised', async () => {
    for (const [who, client] of Object.entries(clients)) {
      const json = await client.request('GET', '/api/key-accounts');
      const rows = rowsOf((await csvOf(server, client, '/api/key-accounts?csv=plain')).text);
      expect({ who, rows: rows.map((r) => [r['Account id'], r.Account, r['Plan']]) }).toEqual({
        who,
        rows: json.body.items.map((i: { accountId: string; accountName: string }) => [
          i.accountId,
          i.accountName.startsWith('=') ? `'${i.accountName}` : i.accountName,
          'Not written',
        ]),
      });
    }
    const rep1 = rowsOf((await csvOf(server, clients.rep1, '/api/key-accounts?csv=plain')).text);
    expect(rep1.map((r) => r.Account)).toEqual([`'${hostile}`]);
    expect(rep1[0]).toMatchObject({ Owner: 'rep1', 'Proposed by the model': 'Yes' });
  });

  it('lists the ranking with the filters, every match (not one page), and each criterion’s part', async () => {
    for (const [who, query] of [
      ['leader', ''],
      ['leader', `ownerId=${server.ids.rep3}`],
      ['leader', 'keyOnly=true'],
      ['manager1', ''],
      ['rep1', ''],
      ['rep3', 'keyOnly=true'],
    ] as const) {
      const client = clients[who];
      const json = (await client.request('GET', `/api/key-accounts/ranking?pageSize=500&${query}`))
        .body;
      const csv = await csvOf(server, client, `/api/key-accounts/ranking?pageSize=2&${query}`, {
        accept: 'text/csv',
      });
      const rows = rowsOf(csv.text);
      expect({ who, query, rows }).toEqual({
        who,
        query,
        rows: json.items.map(
          (item: {
            accountId: string;
            rank: number;
            score: number;
            proposed: boolean;
            confirmed: boolean;
            contributions: { value: number | null; contribution: number }[];
          }) =>
            expect.objectContaining({
              'Account id': item.accountId,
              Rank: String(item.rank),
              'Score (of 100)': (item.score * 100).toFixed(1),
              'Proposed by the model': item.proposed ? 'Yes' : 'No',
              [`Confirmed for ${json.fiscalYear}`]: item.confirmed ? 'Yes' : 'No',
              'Employees (value)': String(item.contributions[0]?.value ?? ''),
              'Employees (points of the score)': (
                (item.contributions[0]?.contribution ?? 0) * 100
              ).toFixed(1),
            }),
        ),
      });
      expect(rows.length).toBe(json.total);
    }
    const csv = await csvOf(server, clients.leader, '/api/key-accounts/ranking?csv=plain');
    expect(headerOf(csv.text)).toEqual([
      'Rank',
      'Account',
      'Owner',
      'Segment',
      'Territory',
      'Score (of 100)',
      'Proposed by the model',
      `Confirmed for ${year}`,
      'Override',
      'Reason for the override',
      'Employees (value)',
      'Employees (points of the score)',
      'Revenue (value)',
      'Revenue (points of the score)',
      "'+Fit (value)",
      "'+Fit (points of the score)",
      'Account id',
    ]);
    expect(rowsOf(csv.text)[0]).toMatchObject({
      Rank: '1',
      Account: `'${hostile}`,
      Owner: 'rep1',
      'Revenue (value)': '900000.50',
      "'+Fit (value)": '',
    });
  });
});
