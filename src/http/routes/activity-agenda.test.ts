import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, activities } from '../../db/schema';
import { addDays } from '../../domain/calendar';
import { todayIn } from '../../services/clock';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// The Activities agenda (?agendaFrom=): every activity from the day on, and the planned ones
// before it (overdue), in the caller's scope, with the list's other filters and its keyset pages.

type Listed = { items: { subject: string }[]; total: number; nextCursor: string | null };

describe.each(testEngines())('activity agenda on %s', (engine) => {
  let server: TestServer;
  let rep1: Client;
  let manager1: Client;
  const today = todayIn('UTC');

  beforeAll(async () => {
    server = await startTestServer(engine);
    rep1 = await server.as('rep1@acme.test');
    manager1 = await server.as('manager1@acme.test');
    const orgId = server.orgIds.acme;
    const db = server.database.db;
    const [account] = await db.insert(accounts).values({ orgId, name: 'Northwind' }).returning();
    const rows = [
      // [subject, owner, status, days from today, type]
      ['done long ago', 'rep1', 'done', -40, 'call'],
      ['overdue old', 'rep1', 'planned', -30, 'meeting'],
      ['done yesterday', 'rep1', 'done', -1, 'call'],
      ['overdue yesterday', 'rep1', 'planned', -1, 'call'],
      ['done today', 'rep1', 'done', 0, 'call'],
      ['planned today', 'rep1', 'planned', 0, 'meeting'],
      ['planned in two days', 'rep1', 'planned', 2, 'call'],
      ['rep2 overdue', 'rep2', 'planned', -3, 'call'],
      ['rep3 overdue', 'rep3', 'planned', -3, 'call'],
    ] as const;
    await db.insert(activities).values(
      rows.map(([subject, owner, status, days, type], index) => ({
        // Ids in the rows' order: a day's activities are listed by id.
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        orgId,
        type,
        status,
        subject,
        occursOn: addDays(today, days),
        ownerId: server.ids[owner] ?? '',
        accountId: account?.id ?? '',
      })),
    );
  });
  afterAll(() => server.close());

  const subjects = async (client: Client, query: string) => {
    const response = await client.request<Listed>('GET', `/api/activities?${query}`);
    expect(response.status).toBe(200);
    return response.body.items.map((item) => item.subject);
  };

  it('lists what is overdue first, then the day, then the days after, leaving out what was done before', async () => {
    expect(await subjects(rep1, `agendaFrom=${today}&sort=occursOn&order=asc`)).toEqual([
      'overdue old',
      'overdue yesterday',
      'done today',
      'planned today',
      'planned in two days',
    ]);
  });

  it("keeps the caller's scope and the other filters", async () => {
    expect(await subjects(manager1, `agendaFrom=${today}&sort=occursOn&order=asc`)).toEqual([
      'overdue old',
      'rep2 overdue',
      'overdue yesterday',
      'done today',
      'planned today',
      'planned in two days',
    ]);
    expect(await subjects(rep1, `agendaFrom=${today}&type=call&order=asc`)).toEqual([
      'overdue yesterday',
      'done today',
      'planned in two days',
    ]);
    expect(await subjects(rep1, `agendaFrom=${today}&status=planned&order=asc`)).toEqual([
      'overdue old',
      'overdue yesterday',
      'planned today',
      'planned in two days',
    ]);
  });

  it('pages by keyset through the same rows and counts them all', async () => {
    const first = await rep1.request<Listed>(
      'GET',
      `/api/activities?agendaFrom=${today}&order=asc&pageSize=3`,
    );
    expect(first.body.total).toBe(5);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await rep1.request<Listed>(
      'GET',
      `/api/activities?agendaFrom=${today}&order=asc&pageSize=3&after=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((item) => item.subject)).toEqual([
      'overdue old',
      'overdue yesterday',
      'done today',
      'planned today',
      'planned in two days',
    ]);
  });

  it('refuses a day that is not a date, naming the field', async () => {
    const response = await rep1.request<{ error: unknown }>(
      'GET',
      '/api/activities?agendaFrom=tomorrow',
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain('agendaFrom');
  });

  it('is declared in the OpenAPI document', async () => {
    const document = (await server.anonymous.request('GET', '/api/openapi.json')).body as {
      paths: Record<string, { get?: { parameters?: { name: string; description?: string }[] } }>;
    };
    const parameter = document.paths['/api/activities']?.get?.parameters?.find(
      (p) => p.name === 'agendaFrom',
    );
    expect(parameter?.description).toContain('overdue');
  });
});
