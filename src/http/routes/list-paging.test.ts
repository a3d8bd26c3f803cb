import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, activities, opportunities, stages } from '../../db/schema';
import { EXACT_TOTAL_UP_TO } from '../../schemas/common';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

// The large lists' pages: walking `nextCursor` gives every match once, in the list's order, the
// same rows as walking page numbers, for every sort and both directions (ties and nulls included);
// a cursor the list did not give is refused; past EXACT_TOTAL_UP_TO matches the total is the
// planner's estimate and says so.

type Page = {
  items: Record<string, unknown>[];
  total: number;
  totalIsEstimate: boolean;
  nextCursor: string | null;
};

describe.each(testEngines())('list pages on %s', (engine) => {
  let server: TestServer;
  let leader: Client;
  let orgId = '';

  beforeAll(async () => {
    server = await startTestServer(engine);
    leader = await server.as('leader@acme.test');
    orgId = server.orgIds.acme ?? '';
    const db = server.database.db;
    const [stage] = await db.select().from(stages).where(eq(stages.orgId, orgId)).limit(1);
    const [account] = await db.insert(accounts).values({ orgId, name: 'Paged' }).returning();
    const owners = [server.ids.rep1, server.ids.rep2, server.ids.rep3];
    // Few distinct amounts, names and dates, a third without an expected close: many ties.
    await db.insert(opportunities).values(
      Array.from({ length: 23 }, (_, n) => ({
        orgId,
        name: n % 4 === 0 ? 'Same name' : `Deal ${n % 7}`,
        ownerId: owners[n % 3] ?? '',
        accountId: account?.id ?? null,
        currency: 'EUR',
        amountMinor: (n % 5) * 1000,
        stageId: stage?.id ?? '',
        createdOn: `2026-0${1 + (n % 3)}-01`,
        expectedCloseOn: n % 3 === 0 ? null : `2026-1${n % 2}-15`,
        updatedAt: new Date(Date.UTC(2026, 0, 1 + (n % 4))),
      })),
    );
    await db.insert(activities).values(
      Array.from({ length: 17 }, (_, n) => ({
        orgId,
        type: n % 2 === 0 ? 'call' : 'meeting',
        status: 'planned' as const,
        occursOn: `2026-03-0${1 + (n % 3)}`,
        ownerId: owners[n % 3] ?? '',
        accountId: account?.id ?? '',
      })),
    );
  });
  afterAll(() => server.close());

  const get = async (path: string) => {
    const response = await leader.request('GET', path);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Page;
  };
  const idsOf = (page: Page) => page.items.map((item) => item.id as string);

  /** Every page by cursor, then every page by number: the same ids, each once, all of them. */
  async function walk(list: string, query: string) {
    const byCursor: string[] = [];
    let page = await get(`/api/${list}?pageSize=4&${query}`);
    byCursor.push(...idsOf(page));
    while (page.nextCursor) {
      page = await get(`/api/${list}?pageSize=4&${query}&after=${page.nextCursor}`);
      byCursor.push(...idsOf(page));
    }
    const all = await get(`/api/${list}?pageSize=500&${query}`);
    const byNumber: string[] = [];
    for (let n = 1; n <= Math.ceil(all.total / 4); n++)
      byNumber.push(...idsOf(await get(`/api/${list}?pageSize=4&page=${n}&${query}`)));
    expect(byCursor).toEqual(byNumber);
    expect(byCursor).toEqual(idsOf(all));
    expect(new Set(byCursor).size).toBe(all.total);
    return all.items;
  }

  /** The rows are in the sort's order (nulls last going up, first going down). */
  function expectOrdered(items: Record<string, unknown>[], field: string, order: 'asc' | 'desc') {
    const keys = items.map((item) => {
      const value = item[field];
      if (value === null) return '\uffff';
      return typeof value === 'number' ? value.toString().padStart(12, '0') : String(value);
    });
    const sorted = [...keys].sort();
    expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
  }

  const opportunitySorts = [
    'name',
    'amountMinor',
    'createdOn',
    'expectedCloseOn',
    'closedOn',
    'updatedAt',
  ] as const;
  for (const sort of opportunitySorts)
    for (const order of ['asc', 'desc'] as const)
      it(`pages the opportunities by ${sort} ${order} by cursor as by number`, async () => {
        const items = await walk('opportunities', `sort=${sort}&order=${order}`);
        expect(items).toHaveLength(23);
        if (sort === 'name')
          expectOrdered(
            items.map((item) => ({ name: String(item.name).toLowerCase() })),
            'name',
            order,
          );
        else expectOrdered(items, sort, order);
      });

  for (const sort of ['occursOn', 'createdAt', 'type'] as const)
    for (const order of ['asc', 'desc'] as const)
      it(`pages the activities by ${sort} ${order} by cursor as by number`, async () => {
        const items = await walk('activities', `sort=${sort}&order=${order}`);
        expect(items).toHaveLength(17);
        expectOrdered(items, sort, order);
      });

  it('pages a filtered list by cursor within the filter', async () => {
    const items = await walk(
      'opportunities',
      `sort=amountMinor&order=desc&ownerId=${server.ids.rep1}`,
    );
    expect(items.map((item) => item.ownerId)).toEqual(Array(8).fill(server.ids.rep1));
  });

  it('gives no cursor on the last page and counts exactly below the limit', async () => {
    const page = await get('/api/opportunities?pageSize=50');
    expect(page).toMatchObject({ total: 23, totalIsEstimate: false, nextCursor: null });
  });

  it('refuses a cursor it did not give (400) or of another sort (422)', async () => {
    const garbage = await leader.request('GET', '/api/opportunities?after=not%20a%20cursor');
    expect(garbage.status).toBe(400);
    const byName = await get('/api/opportunities?pageSize=2&sort=name');
    const crossed = await leader.request(
      'GET',
      `/api/opportunities?pageSize=2&sort=amountMinor&after=${byName.nextCursor}`,
    );
    expect(crossed.status).toBe(422);
    expect(crossed.body).toMatchObject({
      error: { issues: [{ field: 'after', reason: 'is not a cursor of this list' }] },
    });
  });

  it('estimates the total past the exact limit, and says so', async () => {
    const db = server.database.db;
    const [account] = await db.select().from(accounts).where(eq(accounts.orgId, orgId)).limit(1);
    const count = EXACT_TOTAL_UP_TO + 500;
    await db.execute(sql`insert into activities (org_id, type, status, occurs_on, owner_id, account_id)
      select ${orgId}, 'call', 'done', date '2025-01-01' + (n % 300), ${server.ids.rep1}, ${account?.id}
      from generate_series(1, ${count}) n`);
    await db.execute(sql`analyze activities`);
    const many = await get('/api/activities?pageSize=5');
    expect(many.totalIsEstimate).toBe(true);
    expect(many.total).toBeGreaterThan(EXACT_TOTAL_UP_TO);
    // The planner's estimate after ANALYZE: near the 10,517 rows, not exact.
    expect(Math.abs(many.total - (count + 17)) / (count + 17)).toBeLessThan(0.2);
    const few = await get(`/api/activities?pageSize=5&ownerId=${server.ids.rep2}`);
    expect(few).toMatchObject({ total: 6, totalIsEstimate: false });
  });
});
