import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

describe.each(testEngines())('exchange rates API on %s', (engine) => {
  let server: TestServer;
  let admin: Client;
  let rep1: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    [admin, rep1] = await Promise.all([server.as('admin@acme.test'), server.as('rep1@acme.test')]);
  });
  afterAll(() => server.close());

  it('lets an admin set a rate that every role reads, with its minor-unit rate', async () => {
    const saved = await admin.request('PUT', '/api/exchange-rates/JPY/2026-03', {
      rate: '0.0061',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      currency: 'JPY',
      month: '2026-03',
      rate: '0.0061',
      // One yen (0 decimals) is 0.61 cent in this EUR organisation.
      minorUnitRate: '0.61',
    });
    const replaced = await admin.request('PUT', '/api/exchange-rates/JPY/2026-03', {
      rate: '0.0062',
    });
    expect(replaced.body.rate).toBe('0.0062');
    const bhd = await admin.request('PUT', '/api/exchange-rates/BHD/2026-03', { rate: '2.43' });
    expect(bhd.body.minorUnitRate).toBe('0.243');
    const read = await rep1.request('GET', '/api/exchange-rates?currency=JPY');
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ items: [replaced.body], total: 1 });
    const other = await (await server.as('rep9@other.test')).request('GET', '/api/exchange-rates');
    expect(other.body).toEqual({ items: [], total: 0 });
  });

  it('answers 400 for a malformed currency, month or rate and stores nothing', async () => {
    for (const [path, body, field] of [
      ['/api/exchange-rates/usd/2026-03', { rate: '1' }, 'params.currency'],
      ['/api/exchange-rates/USD/2026-13', { rate: '1' }, 'params.month'],
      ['/api/exchange-rates/USD/2026-03', { rate: '-1' }, 'rate'],
      ['/api/exchange-rates/USD/2026-03', { rate: '0' }, 'rate'],
      ['/api/exchange-rates/USD/2026-03', { rate: 1.1 }, 'rate'],
    ] as const) {
      const response = await admin.request('PUT', path, body);
      expect(response.status).toBe(400);
      expect(response.body.error.issues.map((issue: { field: string }) => issue.field)).toEqual([
        field,
      ]);
    }
    expect((await admin.request('GET', '/api/exchange-rates?currency=USD')).body.total).toBe(0);
  });

  it("refuses a rate for the organisation's own currency with 422", async () => {
    const response = await admin.request('PUT', '/api/exchange-rates/EUR/2026-03', { rate: '1' });
    expect(response.status).toBe(422);
    expect(response.body.error.issues).toEqual([
      { field: 'currency', reason: "EUR is the organisation's own currency: its rate is always 1" },
    ]);
  });

  it('lets only an admin write: 403 for the other roles', async () => {
    for (const email of ['rep1@acme.test', 'manager1@acme.test', 'leader@acme.test']) {
      const client = await server.as(email);
      expect(
        (await client.request('PUT', '/api/exchange-rates/USD/2026-03', { rate: '0.9' })).status,
      ).toBe(403);
      expect((await client.request('DELETE', '/api/exchange-rates/JPY/2026-03')).status).toBe(403);
      const imported = await client.request('POST', '/api/exchange-rates/import', {
        csv: 'currency,month,rate\nUSD,2026-03,0.9\n',
      });
      expect(imported.status).toBe(403);
    }
    expect((await server.anonymous.request('GET', '/api/exchange-rates')).status).toBe(401);
  });

  it('deletes a rate, and answers 404 for one that is not there', async () => {
    await admin.request('PUT', '/api/exchange-rates/CHF/2026-01', { rate: '1.05' });
    expect((await admin.request('DELETE', '/api/exchange-rates/CHF/2026-01')).status).toBe(204);
    expect((await admin.request('DELETE', '/api/exchange-rates/CHF/2026-01')).status).toBe(404);
    expect((await admin.request('GET', '/api/exchange-rates?currency=CHF')).body.total).toBe(0);
  });

  it('imports a rate table whole, creating and replacing rates', async () => {
    const response = await admin.request('POST', '/api/exchange-rates/import', {
      csv: 'currency,month,rate\nUSD,2026-01,0.91\n"USD",2026-02,0.92\n\nJPY,2026-03,0.0063\n',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ created: 2, updated: 1 });
    const usd = await admin.request('GET', '/api/exchange-rates?currency=USD');
    expect(usd.body.items.map((r: { month: string; rate: string }) => [r.month, r.rate])).toEqual([
      ['2026-01', '0.91'],
      ['2026-02', '0.92'],
    ]);
  });

  it('imports nothing when a row is wrong, naming every bad row with 422', async () => {
    const before = await admin.request('GET', '/api/exchange-rates');
    const response = await admin.request('POST', '/api/exchange-rates/import', {
      csv: [
        'currency,month,rate',
        'GBP,2026-01,0.85',
        'GBP,2026-1,0.85',
        'EUR,2026-01,1',
        'GBP,2026-01,0.86',
        'SEK,2026-02,abc',
      ].join('\n'),
    });
    expect(response.status).toBe(422);
    expect(response.body.error.issues).toEqual([
      { field: 'line 3.month', reason: 'must be a month like 2026-03' },
      {
        field: 'line 4.currency',
        reason: "EUR is the organisation's own currency: its rate is always 1",
      },
      { field: 'line 5.month', reason: 'GBP 2026-01 is already on line 2' },
      {
        field: 'line 6.rate',
        reason: 'must be a decimal like 0.92 (up to 12 digits each side)',
      },
    ]);
    expect((await admin.request('GET', '/api/exchange-rates')).body).toEqual(before.body);
  });

  it('answers 422 for a table without its header or with broken quoting, 400 without csv', async () => {
    const noHeader = await admin.request('POST', '/api/exchange-rates/import', {
      csv: 'USD,2026-01,0.91\n',
    });
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.error.issues[0].field).toBe('csv');
    const broken = await admin.request('POST', '/api/exchange-rates/import', {
      csv: 'currency,month,rate\n"USD,2026-01,0.91\n',
    });
    expect(broken.status).toBe(422);
    expect((await admin.request('POST', '/api/exchange-rates/import', {})).status).toBe(400);
  });
});
