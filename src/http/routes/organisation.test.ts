import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../db/schema';
import { dateInTimeZone } from '../../domain/time-zone';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// Late evening in UTC is already tomorrow in Tokyo (UTC+9) and on Kiritimati (UTC+14).
const LATE_EVENING_UTC = new Date('2026-03-10T22:30:00Z');
const UTC_DATE = '2026-03-10';
const TOMORROW = '2026-03-11';

describe.each(testEngines())('the organisation time zone and "today" on %s', (engine) => {
  let server: TestServer;
  let admin: Client;
  let rep1: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await server.as('admin@acme.test');
    rep1 = await server.as('rep1@acme.test');
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(() => server.close());

  // Only Date is faked: the server's and the database's timers keep running.
  const setClock = (instant: Date) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(instant);
  };

  it("answers the organisation's time zone with who is signed in, UTC by default", async () => {
    const me = await rep1.request('GET', '/api/me');
    expect(me.body.organisation.timeZone).toBe('UTC');
    expect(me.body.today).toBe(new Date().toISOString().slice(0, 10));
  });

  it('lets an admin set the time zone, and audits the change', async () => {
    const changed = await admin.request('PATCH', '/api/organisation', { timeZone: 'Asia/Tokyo' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      id: server.orgIds.acme,
      slug: 'acme',
      name: 'Acme',
      currency: 'EUR',
      fiscalYearStartMonth: 1,
      timeZone: 'Asia/Tokyo',
      version: 2,
    });
    const entries = await server.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, server.orgIds.acme), eq(auditLog.entityType, 'organisation')));
    expect(entries).toEqual([
      expect.objectContaining({
        userId: server.ids.admin,
        entityId: server.orgIds.acme,
        action: 'update',
        before: expect.objectContaining({ timeZone: 'UTC' }),
        after: expect.objectContaining({ timeZone: 'Asia/Tokyo' }),
      }),
    ]);
  });

  it("says today is tomorrow's date late in the UTC evening when the zone is ahead", async () => {
    await admin.request('PATCH', '/api/organisation', { timeZone: 'Asia/Tokyo' });
    setClock(LATE_EVENING_UTC);
    const me = await rep1.request('GET', '/api/me');
    expect(me.body.organisation.timeZone).toBe('Asia/Tokyo');
    expect(me.body.today).toBe(TOMORROW);
    expect(dateInTimeZone(LATE_EVENING_UTC, 'UTC')).toBe(UTC_DATE);
    // Another organisation keeps its own zone and date.
    const rep9 = await server.as('rep9@other.test');
    expect((await rep9.request('GET', '/api/me')).body).toMatchObject({
      organisation: { timeZone: 'UTC' },
      today: UTC_DATE,
    });
  });

  it("dates a deal won late in the UTC evening with the organisation's today", async () => {
    await admin.request('PATCH', '/api/organisation', { timeZone: 'Pacific/Kiritimati' });
    setClock(LATE_EVENING_UTC);
    const stages = Object.fromEntries(
      (await rep1.request('GET', '/api/reference')).body.stages.map(
        (s: { name: string; id: string }) => [s.name, s.id],
      ),
    );
    const deal = await rep1.request('POST', '/api/opportunities', {
      name: 'Won before breakfast',
      stageId: stages.Prospecting,
    });
    expect(deal.body.createdOn).toBe(TOMORROW);
    const won = await rep1.request('PATCH', `/api/opportunities/${deal.body.id}`, {
      stageId: stages.Won,
    });
    expect(won.body).toMatchObject({ stageKind: 'won', closedOn: TOMORROW });
    // The deal plan's live checks in the browser use the same day.
    const plan = await rep1.request('GET', `/api/opportunities/${deal.body.id}/plan`);
    expect(plan.body.checkOptions.today).toBe(TOMORROW);
  });

  it('answers 422 naming the field for a zone that does not exist', async () => {
    const response = await admin.request('PATCH', '/api/organisation', {
      timeZone: 'Mars/Olympus_Mons',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.issues).toEqual([
      {
        field: 'timeZone',
        reason: 'Mars/Olympus_Mons is not a known time zone (an IANA name such as Europe/Paris)',
      },
    ]);
  });

  it('lets only an admin change the time zone', async () => {
    const response = await rep1.request('PATCH', '/api/organisation', { timeZone: 'UTC' });
    expect(response.status).toBe(403);
    expect((await rep1.request('GET', '/api/me')).body.organisation.timeZone).not.toBe('UTC');
  });
});

describe.each(testEngines())('the organisation settings on %s', (engine) => {
  let server: TestServer;
  let admin: Client;
  let rep1: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await server.as('admin@acme.test');
    rep1 = await server.as('rep1@acme.test');
  });
  afterAll(() => server.close());

  it('reads the settings with their version as ETag, and changes name and fiscal year with If-Match', async () => {
    const read = await rep1.request('GET', '/api/organisation');
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    const changed = await admin.request(
      'PATCH',
      '/api/organisation',
      { name: 'Acme Europe', fiscalYearStartMonth: 4, currency: 'GBP' },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Acme Europe',
      fiscalYearStartMonth: 4,
      currency: 'GBP',
      version: 2,
    });
    expect(changed.headers.get('etag')).toBe('"2"');
    const stale = await admin.request(
      'PATCH',
      '/api/organisation',
      { name: 'Acme Stale' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ name: 'Acme Europe', version: 2 });
    expect((await rep1.request('GET', '/api/me')).body.organisation.name).toBe('Acme Europe');
  });

  it('refuses a new currency once deals are in the old one, saying how many', async () => {
    const stages = (await rep1.request('GET', '/api/reference')).body.stages;
    await rep1.request('POST', '/api/opportunities', { name: 'Deal', stageId: stages[0].id });
    const response = await admin.request('PATCH', '/api/organisation', { currency: 'USD' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/^1 opportunities and 0 exchange rates are in GBP/);
  });

  it('answers 400 naming the field for a month out of range or a blank name', async () => {
    const response = await admin.request('PATCH', '/api/organisation', {
      fiscalYearStartMonth: 13,
      name: ' ',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'fiscalYearStartMonth',
      'name',
    ]);
  });
});
